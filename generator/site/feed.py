"""feed.xml: an Atom feed of the newest stories."""

from __future__ import annotations

import datetime as dt
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
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{escape(model.site.language or "zh")}">',
        f"  <title>{escape(model.site.title)} · 新闻动态</title>",
        f"  <id>{escape(site_id)}</id>",
        f"  <updated>{_stamp(updated)}</updated>",
        f"  <author><name>{escape(model.site.publisher or model.site.title)}</name></author>",
    ]
    if base:
        lines.append(f'  <link rel="alternate" href="{escape(absolute(base, "stories/"))}"/>')
        lines.append(f'  <link rel="self" href="{escape(absolute(base, "feed.xml"))}"/>')
    for s in stories:
        link = absolute(base, s.url) if base else ""
        summary = s.summary or plain_text(s.body_md, 200)
        lines += [
            "  <entry>",
            f"    <title>{escape(s.title)}</title>",
            f"    <id>{escape(link or 'urn:fengcai:story:' + s.id)}</id>",
            f"    <updated>{_stamp(s.date)}</updated>",
        ]
        if link:
            lines.append(f'    <link rel="alternate" href="{escape(link)}"/>')
        lines += [f"    <summary>{escape(summary)}</summary>", "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _stamp(d: dt.date) -> str:
    return f"{d.isoformat()}T00:00:00+08:00"
