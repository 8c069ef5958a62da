"""build_booklets(model, out_dir, media=None): every booklet, stage by stage.

    public model → selections → fonts
    → documents of every booklet (plans every print photo) → make the photos once
    → per booklet: character check → Typst PDF (→ trim/bleed boxes) (→ saddle imposition)
    → write (temp name, then rename)
"""

from __future__ import annotations

import datetime as dt
import io
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pypdf import PdfReader

from .. import qr
from ..media.errors import MediaError
from ..model import Media, Model
from ..source_date import source_date
from .checks import check_characters
from .document import Layout, document
from .errors import BookletError
from .fonts import FontSet, find_fonts
from .images import print_images
from .impose import impose_saddle
from .print_boxes import set_print_boxes
from .render import compile_pdf, verified
from .selection import Filters, Selection, select


@dataclass(frozen=True)
class BookletOptions:
    associations: tuple[str, ...] = ()      # empty: one booklet per association (the root's is the whole city)
    filters: Filters = Filters()
    title: str = ""
    paper: str = ""                         # A5 / A4; "" = site.yml booklet.paper, else A5
    print_marks: bool = False               # bleed + crop marks for a print shop
    impose: str = ""                        # "" or "saddle"
    fonts_dirs: tuple[Path, ...] = ()       # searched before the system font folders
    today: dt.date | None = None


@dataclass
class BookletResult:
    paths: list[Path] = field(default_factory=list)
    pages: dict[Path, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)


def build_booklets(model: Model, out_dir: Path, media=None, options: BookletOptions | None = None,
                   log: Callable[[str], None] | None = None) -> list[Path]:
    """Write the booklets into `out_dir` and return their paths.

    Raises BookletError (Chinese, with a hint) when fonts are missing or any booklet fails; booklets
    that succeeded before the failure are kept, and every failure is listed in the one error.
    """
    return make_booklets(model, out_dir, media, options, log).paths


def make_booklets(model: Model, out_dir: Path, media=None, options: BookletOptions | None = None,
                  log: Callable[[str], None] | None = None) -> BookletResult:
    opts = options or BookletOptions()
    say = log or (lambda _msg: None)
    model = model.public()
    selections = plan(model, opts)
    fonts = verified(find_fonts(font_dirs(model, opts)))
    images = print_images(media, model.root / ".cache" / "booklet-media")
    today = opts.today or source_date(model)   # not the clock: the same content prints the same date
    paper = opts.paper or (model.site.booklet or {}).get("paper") or "A5"
    bleed = float((model.site.booklet or {}).get("bleed_mm") or 3) if opts.print_marks else 0.0
    font_names = {"serif": list(fonts.serif), "sans": list(fonts.sans)}
    result = BookletResult()

    def photo(m: Media, size_mm: tuple[float, float]) -> str | None:
        try:
            return str(Path(images.print_image(m.path, size_mm[0], size_mm[1])).absolute())
        except MediaError as e:
            say(f"警告：{e}（这一处改用占位图）")
            return None

    # 1. every document (this plans every print photo), 2. make the photos, 3. lay out and write
    qr.open_memo(model.root / ".cache")
    planned = []
    for sel in selections:
        if sel.empty:
            result.skipped.append(sel.association.name)
            say(f"跳过 {sel.association.name}：没有可以印的劳模、集体或工作室")
            continue
        docs = [(layout, name, document(model, sel, layout, font_names, photo, today))
                for layout, name in _layouts(sel, paper, bleed, opts.impose)]
        planned.append((sel, docs))
    images.finish()
    qr.save_memo()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    stamp = dt.datetime.combine(today, dt.time(12), dt.timezone.utc)
    for sel, docs in planned:
        try:
            for path, pages in _write_booklet(sel, docs, fonts, stamp, opts.impose, out_dir, say):
                result.paths.append(path)
                result.pages[path] = pages
        except (BookletError, MediaError) as e:
            failures.append(f"《{sel.title}》：{e}")
    if failures:
        raise BookletError("有小册子没能生成：\n  " + "\n  ".join(failures))
    return result


def plan(model: Model, opts: BookletOptions) -> list[Selection]:
    """The booklets to make: the named associations, or every association (filters apply to each)."""
    if opts.associations:
        ids = list(opts.associations)
    elif opts.filters.active or opts.title:
        root = model.root_association
        if root is None:
            raise BookletError("内容里还没有任何劳模协会", "在 content/associations/ 下添加协会文件")
        ids = [root.id]
    else:
        ids = [a.id for a in model.associations_sorted]
    if not ids:
        raise BookletError("内容里还没有任何劳模协会", "在 content/associations/ 下添加协会文件")
    return [select(model, aid, opts.filters, opts.title) for aid in ids]


def font_dirs(model: Model, opts: BookletOptions) -> list[Path]:
    dirs = list(opts.fonts_dirs)
    configured = (model.site.booklet or {}).get("fonts_dir")
    if configured:
        dirs.append(model.root / configured)
    if (model.root / "fonts").is_dir():
        dirs.append(model.root / "fonts")
    return dirs


def _layouts(sel: Selection, paper: str, bleed: float, impose: str) -> list[tuple[Layout, str | None]]:
    """(layout, file name) of each PDF of one booklet; a None name is only for imposition."""
    out: list[tuple[Layout, str | None]] = [(Layout(paper, bleed, bleed > 0), sel.slug + ("-print" if bleed > 0 else ""))]
    if impose == "saddle" and bleed > 0:
        out.append((Layout(paper, 0.0, False), None))       # imposition needs trim-size pages
    return out


def _write_booklet(sel: Selection, docs, fonts: FontSet, stamp: dt.datetime, impose: str, out_dir: Path, say):
    started = time.perf_counter()
    trim_pdf = None
    for layout, name, doc in docs:
        for who in placeholders_for_missing(doc):
            say(f"警告：{who}的照片没能处理，这一处改用占位图")
        check_characters(doc, fonts)
        pdf = compile_pdf(doc, fonts, when=stamp)
        if layout.bleed_mm:
            pdf = set_print_boxes(pdf, layout.bleed_mm)
        else:
            trim_pdf = pdf
        if name:
            path = out_dir / f"{name}.pdf"
            pages = _write(path, pdf)
            say(f"已生成 {path}（{pages} 页，{len(pdf) / 1e6:.1f} MB，{time.perf_counter() - started:.1f} 秒）")
            yield path, pages
    if impose == "saddle":
        imposed = impose_saddle(trim_pdf)
        path = out_dir / f"{sel.slug}-saddle.pdf"
        pages = _write(path, imposed)
        say(f"已生成 {path}（骑马钉拼版，{pages} 面，双面打印时选「短边翻转」，对折后骑马钉装订）")
        yield path, pages


def placeholders_for_missing(doc: dict) -> list[str]:
    """Set every photo path whose file was not made to None (a placeholder); who was affected."""
    who = []
    parts = [doc["cover"]] + [e for s in doc["sections"] for e in s["entries"]]
    for part in parts:
        for key in ("portrait", "photo", "image"):
            if part.get(key) and not Path(part[key]).is_file():
                part[key] = None
                who.append(f"「{part.get('name') or part.get('title', '')}」")
    return who


def _write(path: Path, pdf: bytes) -> int:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(pdf)
    os.replace(tmp, path)
    return len(PdfReader(io.BytesIO(pdf)).pages)
