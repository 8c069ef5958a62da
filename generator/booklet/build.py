"""build_booklets(model, out_dir, media=None): every booklet, stage by stage.

    public model → selections → fonts (→ press: CMYK profile, content preflight)
    → per booklet: document → character check → heights of its parts (remembered, else measured:
      heights.py) → Typst PDF with photo stand-ins (placed.py)
    → every photo made once, for the largest size the pages print it at (→ press: CMYK)
    → per booklet: photos swapped in (→ press: PDF/X-1a, preflight of the file itself)
    → write (temp name, then rename) → a preflight summary
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pikepdf

from .. import qr
from ..media.colour import ProfileError, cmyk_profile_description
from ..media.errors import MediaError
from ..media.probe import probe_image_header
from ..model import Media, Model
from ..problems import Problem
from ..safe_folders import clean_leftovers, replacing_file, temp_sibling
from ..source_date import source_date
from .checks import check_characters
from .document import Layout, document
from .errors import BookletError
from .fonts import FontSet, find_fonts
from .heights import Heights
from .images import PressPhotos, print_images
from .placed import PRESS_PPI, READING_JPEG, READING_PPI, PhotoRefs, stand_ins, swap
from .impose import impose_saddle
from .pdf_facts import read_facts
from .preflight import (BookletCheck, PhotoUse, content_problems, metadata_violations, pdfx_violations,
                        photo_problems, summary)
from .press import PressSpec, output_condition, to_pdfx
from .render import compile_pdf, verified
from .selection import Filters, Selection, select
from .settings import BookletSettings

BOOKLET_DIR = "booklets"      # where booklets go, for every command: <project>/booklets/


def booklet_dir(root: Path) -> Path:
    """The one folder both `fengcai build` and `fengcai booklet` write booklets to."""
    return Path(root) / BOOKLET_DIR


@dataclass(frozen=True)
class BookletOptions:
    associations: tuple[str, ...] = ()      # empty: one booklet per association (the root's is the whole city)
    filters: Filters = Filters()
    title: str = ""
    paper: str = ""                         # A5 / A4; "" = site.yml booklet.paper, else A5
    print_marks: bool = False               # the press file (PDF/X-1a, bleed, crop marks) instead of the reading copy
    proof: bool = False                     # press file even with preflight errors, named -proof (never to print)
    impose: str = ""                        # "" or "saddle"
    fonts_dirs: tuple[Path, ...] = ()       # searched before the system font folders
    today: dt.date | None = None


@dataclass
class BookletResult:
    paths: list[Path] = field(default_factory=list)
    pages: dict[Path, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)    # preflight findings (content: file:line:col)
    summary: list[str] = field(default_factory=list)         # the Chinese preflight summary (press files)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


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
    settings = BookletSettings.of(model.site)
    selections = plan(model, opts)
    fonts = verified(find_fonts(font_dirs(model, opts, settings)))
    press = opts.print_marks
    result = BookletResult()
    profile = _profile(model, settings) if press else None
    result.problems += content_problems(model, settings, press)
    if press and result.errors and not opts.proof:
        result.summary = _summary(result, [], settings, profile, opts, written=False)
        return result
    images = print_images(media, model.root / ".cache" / "booklet-media")
    today = opts.today or source_date(model)   # not the clock: the same content prints the same date
    paper = opts.paper or settings.paper or "A5"
    bleed = settings.bleed_mm if press else 0.0
    font_names = {"serif": list(fonts.serif), "sans": list(fonts.sans)}
    refs = PhotoRefs()
    heights = Heights(model.root / ".cache" / "booklet-heights.json", fonts)
    stamp = dt.datetime.combine(today, dt.time(12), dt.timezone.utc)

    def photo(m: Media, _frame_mm: tuple[float, float]) -> int | None:
        try:
            probe_image_header(m.path)      # what a header shows is known now; the rest when it is made
        except MediaError as e:
            say(f"警告：{e}（这一处改用占位图）")
            return None
        return refs.ref(m)

    # 1. every document, 2. its pages, photos as stand-ins, 3. the photos made for the sizes printed
    # (→ press: CMYK) and swapped in, 4. per booklet: press file, preflight, write
    qr.open_memo(model.root / ".cache")
    failures: list[str] = []
    laid = []
    for sel in selections:
        if sel.empty:
            result.skipped.append(sel.association.name)
            say(f"跳过 {sel.association.name}：没有可以印的劳模、集体或工作室")
            continue
        try:
            docs = []
            for layout, name in _layouts(sel, paper, bleed, press, opts):
                doc = document(model, sel, layout, font_names, photo, today)
                refs.refer_qr_codes(doc)
                check_characters(doc, fonts)
                heights.fill(doc)
                docs.append(_Laid(layout, name, doc, compile_pdf(doc, fonts, when=stamp)))
            laid.append((sel, docs))
        except (BookletError, MediaError) as e:
            failures.append(f"《{sel.title}》：{e}")
    qr.save_memo()
    heights.save()
    files = _print_files(laid, refs, images, (PRESS_PPI, None) if press else (READING_PPI, READING_JPEG),
                         fonts, stamp, say)
    photo_uses = _photo_uses(laid, refs, files)
    if press:
        cmyk = PressPhotos(model.root / ".cache" / "booklet-media", profile.profile).convert_all(list(files.values()))
        files = {n: cmyk[p] for n, p in files.items()}
        photo_uses = {_sha(cmyk[p]): u for p, u in photo_uses.items() if p in cmyk}
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    checks: list[BookletCheck] = []
    placements = []
    for sel, docs in laid:
        try:
            for path, pages, check, placed in _write_booklet(sel, docs, files, refs, stamp, opts, profile, settings,
                                                             out_dir, say, photo_uses):
                placements += [(sel.title, p) for p in placed]
                if path is not None:
                    result.paths.append(path)
                    result.pages[path] = pages
                    checks.append(check)
        except (BookletError, MediaError) as e:
            failures.append(f"《{sel.title}》：{e}")
    if press:
        result.problems += photo_problems(placements, photo_uses, press=True)
        result.summary = _summary(result, checks, settings, profile, opts, written=bool(result.paths))
    if failures:
        raise BookletError("有小册子没能生成：\n  " + "\n  ".join(failures))
    return result


@dataclass
class _Laid:
    """One PDF of a booklet: its layout, file name (None: only for imposition), document, Typst's pages."""
    layout: Layout
    name: str | None
    doc: dict
    pdf: bytes


def _print_files(laid, refs: PhotoRefs, images, quality: tuple[int, dict | None], fonts: FontSet, stamp: dt.datetime,
                 say) -> dict[int, str]:
    """{photo number: its print file}, made for the largest size the pages print it at.

    A photo whose file could not be made becomes a placeholder, and the PDFs that held it are laid
    out again (their other photos may then print at other sizes: they are asked for again).
    """
    while True:
        asked: dict[int, str | None] = {}
        for _sel, docs in laid:
            for d in docs:
                for number, (w, h) in stand_ins(d.pdf).items():
                    try:
                        asked[number] = str(Path(images.print_image(refs.media[number - 1].path, w, h, *quality)).absolute())
                    except MediaError as e:
                        say(f"警告：{e}（这一处改用占位图）")
                        asked[number] = None
        images.finish()
        made = {n: p for n, p in asked.items() if p and Path(p).is_file()}
        lost = set(asked) - set(made)
        if not lost:
            return made
        for _sel, docs in laid:
            for d in docs:
                who = _drop_photos(d.doc, lost)
                if who:
                    say(f"警告：{'、'.join(who)}的照片没能处理，这一处改用占位图")
                    d.pdf = compile_pdf(d.doc, fonts, when=stamp)


@dataclass(frozen=True)
class _Profile:
    profile: bytes
    name: str


def _profile(model: Model, settings: BookletSettings) -> _Profile:
    path = settings.profile_path(model.root)
    where = model.site.source.loc("booklet", "cmyk_profile")
    try:
        data = path.read_bytes()
        return _Profile(data, cmyk_profile_description(data))
    except OSError:
        hint = ("Debian/Ubuntu 运行 sudo apt-get install libgs-common 安装默认的特性文件；"
                "或把印刷厂提供的 CMYK 特性文件（如 JapanColor2001Coated.icc）放进项目，在 booklet.cmyk_profile 写上它的路径")
        raise BookletError(f"{where}: 找不到印刷色彩特性文件 {path}", hint) from None
    except ProfileError as e:
        raise BookletError(f"{where}: 印刷色彩特性文件 {path} {e}", "向印刷厂要一个 CMYK 特性文件，在 booklet.cmyk_profile 写上它的路径") from None


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


def font_dirs(model: Model, opts: BookletOptions, settings: BookletSettings | None = None) -> list[Path]:
    dirs = list(opts.fonts_dirs)
    configured = (settings or BookletSettings.of(model.site)).fonts_dir
    if configured:
        dirs.append(model.root / configured)
    if (model.root / "fonts").is_dir():
        dirs.append(model.root / "fonts")
    return dirs


def _layouts(sel: Selection, paper: str, bleed: float, press: bool, opts: BookletOptions):
    """(layout, file name) of each PDF of one booklet; a None name is only for imposition."""
    if not press:
        return [(Layout(paper), sel.slug)]
    out = [(Layout(paper, bleed, True), sel.slug + ("-proof" if opts.proof else "-print"))]
    if opts.impose == "saddle":
        out.append((Layout(paper), None))       # imposition needs trim-size pages
    return out


def _write_booklet(sel: Selection, docs: list[_Laid], files: dict[int, str], refs: PhotoRefs, stamp: dt.datetime,
                   opts: BookletOptions, profile: _Profile | None, settings: BookletSettings, out_dir: Path, say,
                   photo_uses):
    """Yields (path or None when preflight kept the file back, pages, check, image placements)."""
    started = time.perf_counter()
    trim_pdf = None
    for d in docs:
        layout, name, doc = d.layout, d.name, d.doc
        check = BookletCheck(name or "", 0, layout.press)
        placed = []
        pdf = d.pdf
        if layout.press:        # the sheet, boxes and marks around Typst's pages, before the photos go in
            pdf = to_pdfx(pdf, PressSpec(title=doc["title"], publisher=doc["author"], bleed_mm=layout.bleed_mm,
                                         profile=profile.profile, profile_name=profile.name,
                                         condition=settings.output_condition, when=stamp))
        path = out_dir / f"{name or sel.slug + '-trim'}.pdf"
        clean_leftovers(path)       # what a killed run left next to it
        tmp = temp_sibling(path)
        try:
            pages = swap(pdf, files, refs.qr_codes, tmp)
            if layout.press:
                facts = read_facts(tmp)
                bad = pdfx_violations(facts, layout.bleed_mm) + metadata_violations(facts, doc["author"])
                if bad:
                    raise BookletError("印刷文件没有通过印前检查：" + "；".join(bad[:6]), "这是程序的问题，请把这段信息发给技术人员")
                placed = facts.images
                check.images = len(placed)
                check.lowest_ppi = min((p.ppi for p in placed), default=float("inf"))
                blurry = [p for p in photo_problems([(sel.title, x) for x in placed], photo_uses, press=True) if p.is_error]
                if blurry and not opts.proof:
                    say(f"没有生成《{sel.title}》的印刷文件：有 {len(blurry)} 张照片分辨率太低（见下面的印前检查）")
                    yield None, 0, check, placed
                    continue
            elif opts.impose == "saddle":
                trim_pdf = tmp.read_bytes()
            if name:
                os.replace(tmp, path)
                check.pages = pages
                kind = "印刷厂版 PDF/X-1a" if layout.press else "阅读版"
                say(f"已生成 {path}（{kind}，{pages} 页，{path.stat().st_size / 1e6:.1f} MB，"
                    f"{time.perf_counter() - started:.1f} 秒）")
                yield path, pages, check, placed
        finally:
            tmp.unlink(missing_ok=True)
    if opts.impose == "saddle" and trim_pdf is not None:
        imposed = impose_saddle(trim_pdf)
        path = out_dir / f"{sel.slug}-saddle.pdf"
        pages = _write(path, imposed)
        say(f"已生成 {path}（骑马钉拼版，{pages} 面，双面打印时选「短边翻转」，对折后骑马钉装订）")
        yield path, pages, BookletCheck(path.stem, pages, False), []


def _photo_parts(doc: dict):
    """(part, key, whose) for every photo reference of `doc`: cover, portraits, group and gallery photos."""
    yield doc["cover"], "image", f"{doc['cover']['association']}的封面照片"
    for s in doc["sections"]:
        if s["kind"] == "products":
            for e in s["entries"]:
                yield e, "photo", f"产品「{e['name']}」的照片"
            continue
        for e in s["entries"]:
            yield e, "portrait", f"{e['name']}的肖像"
            yield e, "photo", f"{e['name']}的照片"
            for g in e.get("gallery", []):
                yield g, "image", f"{e['name']}的相册照片"


def _photo_uses(laid, refs: PhotoRefs, files: dict[int, str]) -> dict[str, PhotoUse]:
    """{print file: PhotoUse} with whose photo it is, read from the documents that place it."""
    out: dict[str, PhotoUse] = {}
    for _sel, docs in laid:
        for d in docs:
            for part, key, who in _photo_parts(d.doc):
                n = part.get(key)
                if n and n in files and files[n] not in out:
                    out[files[n]] = PhotoUse(refs.media[n - 1], who)
    return out


def _drop_photos(doc: dict, lost: set[int]) -> list[str]:
    """Set every reference of `doc` to a photo in `lost` to None (a placeholder); whose photos they were."""
    who = []
    for part, key, whose in _photo_parts(doc):
        if part.get(key) in lost:
            part[key] = None
            who.append(f"「{whose}」")
    for e in (e for s in doc["sections"] for e in s["entries"]):
        if "gallery" in e:
            e["gallery"] = [g for g in e["gallery"] if g["image"] is not None]
    return who


def _summary(result: BookletResult, checks, settings: BookletSettings, profile: _Profile | None,
             opts: BookletOptions, written: bool) -> list[str]:
    name = profile.name if profile else ""
    condition = output_condition(name, settings.output_condition) if profile else ""
    return summary(checks, result.problems, settings, name, condition, opts.proof, written)


def _sha(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _write(path: Path, pdf: bytes) -> int:
    with replacing_file(path) as tmp:
        tmp.write_bytes(pdf)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)

