"""Which copy of the site a build makes: the web site, an exhibition kiosk, an offline copy (or both).

`fengcai build --kiosk / --offline` gives a `SiteVariant` to the build's plugin, which puts it into the
MkDocs config as `extra.fengcai`; the pipeline and the templates (theme/main.html, header.html) follow it, and
`finish_site` rewrites the written HTML once at the end:

    kiosk     links that leave the site (http(s) to other hosts, mailto:, tel:) become plain text
    offline   page links end in index.html, so the copy works from file:// (a USB stick); no 404.html
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path

DEFAULT_IDLE_MINUTES = 3.0


@dataclass(frozen=True)
class SiteVariant:
    kiosk: bool = False
    kiosk_idle_seconds: float = DEFAULT_IDLE_MINUTES * 60   # back to the start screen after this long
    offline: bool = False

    @property
    def plain(self) -> bool:
        return not (self.kiosk or self.offline)

    def as_extra(self) -> dict:
        """The value of `extra.fengcai` in the MkDocs config (read by the templates)."""
        return asdict(self)

    @classmethod
    def from_config(cls, config) -> "SiteVariant":
        extra = (config.get("extra") or {}).get("fengcai") or {}
        return cls(kiosk=bool(extra.get("kiosk")),
                   kiosk_idle_seconds=float(extra.get("kiosk_idle_seconds") or DEFAULT_IDLE_MINUTES * 60),
                   offline=bool(extra.get("offline")))


def finish_site(site_dir: Path, variant: SiteVariant) -> int:
    """Rewrite every HTML page of a built site for the variant; returns the number of pages changed."""
    if variant.plain:
        return 0
    site_dir = Path(site_dir)
    if variant.offline:   # only a web server shows 404.html, and its links start at the server root
        (site_dir / "404.html").unlink(missing_ok=True)
    changed = 0
    for path in site_dir.rglob("*.html"):
        if path.relative_to(site_dir).parts[0] in ("booklets", "pagefind"):
            continue
        html = path.read_text(encoding="utf-8")
        new = finish_html(html, variant)
        if new != html:
            path.write_text(new, encoding="utf-8", newline="")
            changed += 1
    return changed


def finish_html(html: str, variant: SiteVariant) -> str:
    if variant.kiosk:
        html = plain_outside_links(html)
    if variant.offline:
        html = index_html_links(html)
    return html


# ---- kiosk: nothing leads out of the site --------------------------------------------------------
# other hosts, mail and phone apps, and raw data files (feed.xml, workers.csv/json: no way back from them)
_OUTSIDE_LINK = re.compile(
    r'<a\b[^>]*\bhref="(?:(?:https?:|mailto:|tel:|//)[^"]*|[^"]*\.(?:xml|json|csv))"[^>]*>(.*?)</a>', re.S | re.I)


def plain_outside_links(html: str) -> str:
    """<a href="https://…">报道</a> → <span class="fc-offsite">报道</span> (the text stays readable)."""
    return _OUTSIDE_LINK.sub(lambda m: f'<span class="fc-offsite">{m.group(1)}</span>', html)


# ---- offline: file:// has no directory index -----------------------------------------------------
_LINK_ATTR = re.compile(r'(<(?:a|form|link)\b[^>]*?\b(?:href|action)=")([^"]*)(")', re.I)
_SKIP = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#|/)", re.I)


def index_html_link(url: str) -> str:
    """"../workers/" → "../workers/index.html"; "./?q=x" → "./index.html?q=x"; files and #anchors unchanged."""
    if not url or _SKIP.match(url):
        return url
    path, sep_q, query = url.partition("?")
    path, sep_h, frag = path.partition("#")
    if path.endswith("/") or path.rsplit("/", 1)[-1] in (".", "..") or (path == "" and sep_q):
        path = (path.rstrip("/") + "/" if path else "") + "index.html"
    return path + (sep_h + frag if sep_h else "") + (sep_q + query if sep_q else "")


def index_html_links(html: str) -> str:
    return _LINK_ATTR.sub(lambda m: m.group(1) + index_html_link(m.group(2)) + m.group(3), html)
