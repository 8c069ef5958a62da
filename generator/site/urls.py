"""Page-relative URLs, so the site works from any sub-path (and from a USB stick).

Every page URL is a directory URL relative to the site root ("workers/sun-meijin/", "" for home);
links are written relative to the page that contains them.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote


def root_prefix(page_url: str) -> str:
    """"workers/sun-meijin/" → "../../"; "" → "" (the path from a page back to the site root)."""
    depth = len([p for p in page_url.split("/") if p])
    return "../" * depth


def relative(page_url: str, target: str) -> str:
    """A link from `page_url` to `target` (both relative to the site root)."""
    if "://" in target or target.startswith(("#", "mailto:", "tel:", "data:")):
        return target
    href = root_prefix(page_url) + target.lstrip("/")
    return href or "./"


_ATTR = re.compile(r'\b(src|href|poster|srcset|data-src)="([^"]*)"')


def rebase_html(html: str, page_url: str, dirs: tuple[str, ...] = ("media/",)) -> str:
    """Prefix root-relative asset URLs (as the media pipeline returns them) so they work on this page."""
    prefix = root_prefix(page_url)
    if not prefix:
        return html

    def one(url: str) -> str:
        return prefix + url if url.startswith(dirs) else url

    def fix(m: re.Match) -> str:
        attr, value = m.group(1), m.group(2)
        if attr == "srcset":
            parts = []
            for item in value.split(","):
                bits = item.strip().split(None, 1)
                if bits:
                    bits[0] = one(bits[0])
                parts.append(" ".join(bits))
            value = ", ".join(parts)
        else:
            value = one(value)
        return f'{attr}="{value}"'

    return _ATTR.sub(fix, html)


def absolute(base_url: str, target: str) -> str:
    """The public URL of a site path; "" when the site has no base_url."""
    if not base_url:
        return ""
    return base_url.rstrip("/") + "/" + posixpath.normpath(target).lstrip("./") + ("/" if target.endswith("/") else "")


# ---- links written by editors in Markdown ---------------------------------------------------------
# The section pages generator/site/pages.py builds, and the files the pipeline writes beside them
# (tests/test_site_security.py checks these exist in a built site).
SECTION_URLS = ("", "workers/", "associations/", "collectives/", "studios/", "stories/", "stats/", "search/",
                "products/", "services/", "requests/")
SITE_FILES = ("feed.xml", "data/workers.json", "data/workers.csv")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


def site_path(href: str, page_url: str, base_url: str = "") -> str | None:
    """Where an editor's link leads inside the site, as a path from the site root ("workers/x/", "" for
    home, "feed.xml"); None for other sites, mail, #anchors. Accepts "/stats", "/stats/", "/stats/index.html",
    "../x/" (relative to the page the Markdown is shown on) and the site's own https://… address.
    A path that climbs above the site root comes back as "../" (no such page)."""
    href = href.strip()
    base = base_url.rstrip("/")
    if base and (href == base or href.startswith(base + "/")):
        href = "/" + href[len(base):].lstrip("/")
    if not href or href.startswith(("#", "//", "?")) or _SCHEME.match(href):
        return None
    path = unquote(href.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    segments = (path if path.startswith("/") else page_url + path).split("/")
    parts: list[str] = []
    for seg in segments:
        if seg == "..":
            if not parts:
                return "../"
            parts.pop()
        elif seg not in ("", "."):
            parts.append(seg)
    last = segments[-1]
    if last == "index.html":
        parts.pop()
    elif last and last not in (".", "..") and "." in last:
        return "/".join(parts)                       # a file: feed.xml, data/workers.csv
    return "".join(p + "/" for p in parts)


_HREF = re.compile(r'(<a\b[^>]*?\bhref=")([^"]*)(")', re.I)


def directory_links(html: str) -> str:
    """Editors write "/stats" or "../x"; a page is a folder, so such links get their "/" (offline copies need it
    to find index.html). Files ("…/a.pdf"), other sites, mail and #anchors are left alone."""
    def fix(m: re.Match) -> str:
        href = m.group(2)
        if not href or href.startswith(("#", "//", "?")) or _SCHEME.match(href):
            return m.group(0)
        path, rest = re.match(r"([^?#]*)(.*)", href, re.S).groups()
        last = path.rsplit("/", 1)[-1]
        if path and not path.endswith("/") and last not in (".", "..") and "." not in last:
            path += "/"
        return m.group(1) + path + rest + m.group(3)
    return _HREF.sub(fix, html)


def root_links_relative(html: str, page_url: str) -> str:
    """Root-absolute links ("/workers/sun-meijin/", written by editors in Markdown) → page-relative, so they work
    from a sub-path and from file:// (the offline copy). Our templates only ever write page-relative links."""
    return _HREF.sub(lambda m: m.group(1) + (relative(page_url, m.group(2)) if m.group(2).startswith("/")
                                             and not m.group(2).startswith("//") else m.group(2)) + m.group(3), html)
