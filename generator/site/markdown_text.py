"""Editor Markdown → safe HTML: rendered with Python-Markdown, then sanitised with nh3 (no scripts)."""

from __future__ import annotations

import html as html_lib
import re

import markdown
import nh3

from .urls import directory_links

_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "del", "ins", "mark",
    "sub", "sup", "small", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "a", "code", "pre", "table",
    "thead", "tbody", "tr", "th", "td", "caption", "figure", "figcaption", "abbr", "span", "div",
}
_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"colspan", "rowspan", "align"},
               "td": {"colspan", "rowspan", "align"}, "ol": {"start"}}


_converters: dict[tuple, markdown.Markdown] = {}


def _convert(text: str, extensions: tuple = ()) -> str:
    """One reusable Markdown instance per set of extensions: building the parser costs as much as converting."""
    md = _converters.get(extensions)
    if md is None:
        md = _converters[extensions] = markdown.Markdown(extensions=list(extensions), output_format="html")
    return md.reset().convert(text)


def render_markdown(text: str, top: int = 3) -> str:
    """Markdown → sanitised HTML. Headings move so the highest one becomes <h{top}> (the page owns h1)."""
    if not text or not text.strip():
        return ""
    html = _convert(text, ("tables", "sane_lists"))
    levels = [int(m) for m in re.findall(r"<h([1-6])[ >]", html)]
    shift = max(0, top - min(levels)) if levels else 0
    if shift:
        for level in range(6, 0, -1):
            new = min(6, level + shift)
            html = html.replace(f"<h{level}", f"<h{new}").replace(f"</h{level}>", f"</h{new}>")
    html = nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel="noopener noreferrer")
    return directory_links(html)   # "/stats" → "/stats/"; render_page makes root-absolute links page-relative


def plain_text(text: str, limit: int = 0) -> str:
    """Markdown → one line of plain text (for descriptions, feeds); cut at `limit` characters."""
    html = _convert(text or "")
    flat = " ".join(html_lib.unescape(nh3.clean(html, tags=set())).split())
    if limit and len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return flat
