"""feed.xml: an Atom feed of the newest stories."""

from __future__ import annotations

import datetime as dt
import re
from xml.sax.saxutils import escape

from ..model.corpus import Model
from .markdown_text import plain_text
from .urls import absolute


def atom_feed(model: Model, limit: int = 30) -> str:
    base = model.site.base_url or ""
    stories = model.stories_sorted[:limit]
    updated = stories[0].date if stories else dt.date(2000, 1, 1)
    site_id = base or "urn:fengcai:" + (model.site.title or "site")
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{_attr(model.site.language or "zh")}">',
        f"  <title>{_text(model.site.title)} · 新闻动态</title>",
        f"  <id>{_text(site_id)}</id>",
        f"  <updated>{_stamp(updated)}</updated>",
        f"  <author><name>{_text(model.site.publisher or model.site.title)}</name></author>",
    ]
    if base:
        lines.append(f'  <link rel="alternate" href="{_attr(absolute(base, "stories/"))}"/>')
        lines.append(f'  <link rel="self" href="{_attr(absolute(base, "feed.xml"))}"/>')
    for s in stories:
        link = absolute(base, s.url) if base else ""
        summary = s.summary or plain_text(s.body_md, 200)
        lines += [
            "  <entry>",
            f"    <title>{_text(s.title)}</title>",
            f"    <id>{_text(link or 'urn:fengcai:story:' + s.id)}</id>",
            f"    <updated>{_stamp(s.date)}</updated>",
        ]
        if link:
            lines.append(f'    <link rel="alternate" href="{_attr(link)}"/>')
        lines += [f"    <summary>{_text(summary)}</summary>", "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


# characters XML 1.0 does not allow at all (a pasted control character would make the whole feed unreadable)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _attr(value: str) -> str:
    """Text for a double-quoted XML attribute (saxutils.escape leaves quotes alone)."""
    return escape(_NOT_XML.sub("", value), {'"': "&quot;"})


def _stamp(d: dt.date) -> str:
    return f"{d.isoformat()}T00:00:00+08:00"
