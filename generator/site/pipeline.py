"""The site build as a list of stages: model → pages and files. No MkDocs here.

    pages      every HTML page as Markdown (front matter + one HTML block)
    files      feed.xml, data/workers.json, data/workers.csv, search-lexicon.js (+ search-data.js offline)
    media      images, video, audio and captions the pages point at (written by SiteMedia.run)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import qr
from ..model.corpus import Model
from .exports import workers_csv, workers_json
from .feed import atom_feed
from .media import SiteMedia
from .pages import Pages
from .render import PageOut
from .search_data import search_data_js, search_records
from .search_lexicon import lexicon, lexicon_js
from .variants import SiteVariant


@dataclass
class SiteOutput:
    pages: list[PageOut]
    files: dict[str, str] = field(default_factory=dict)   # path in the site → text
    media: SiteMedia | None = None

    def nav(self) -> list[dict]:
        """MkDocs `nav`: only section index pages, never the (thousands of) item pages."""
        return [{p.title: p.src_uri} for p in self.pages if p.in_nav]


def build_site(model: Model, media: SiteMedia, variant: SiteVariant = SiteVariant(), pages=Pages) -> SiteOutput:
    """Everything the site shows, for a model that is already public (drafts removed).

    `pages`: the Pages class (`fengcai serve` passes one that reuses pages whose inputs did not change)."""
    maker = pages(model, media)
    qr.open_memo(model.root / ".cache")
    pages = maker.all()
    qr.save_memo()
    if variant.kiosk:   # the touch screen's start page replaces the home page
        pages = [maker.kiosk_start() if p.url == "" else p for p in pages]
    _refuse_duplicates(pages)
    files = {"feed.xml": atom_feed(model), "data/workers.json": workers_json(model),
             "data/workers.csv": workers_csv(model), "search-lexicon.js": lexicon_js(lexicon(model))}
    if variant.offline:
        files["search-data.js"] = search_data_js(search_records(model, media))
    return SiteOutput(pages, files, media)


def write_files(output: SiteOutput, out_dir: Path):
    """Write the non-page files and the media derivatives into a built site folder; returns media stats."""
    out_dir = Path(out_dir)
    for rel, text in output.files.items():
        dest = out_dir / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text, encoding="utf-8", newline="")
    return output.media.run(out_dir) if output.media is not None else None


def _refuse_duplicates(pages: list[PageOut]) -> None:
    seen: dict[str, str] = {}
    for p in pages:
        if p.src_uri in seen:
            raise ValueError(f"两个页面使用同一个地址 {p.url}：「{seen[p.src_uri]}」和「{p.title}」")
        seen[p.src_uri] = p.title
