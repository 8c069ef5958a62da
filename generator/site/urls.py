"""Page-relative URLs, so the site works from any sub-path (and from a USB stick).

Every page URL is a directory URL relative to the site root ("workers/sun-meijin/", "" for home);
links are written relative to the page that contains them.
"""

from __future__ import annotations

import posixpath
import re


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
