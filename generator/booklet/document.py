"""A selection → the JSON document theme/booklet/booklet.typ lays out. Pure: no files written.

Every text an editor wrote travels as a JSON string and is placed by the template as text, so no
character of it can become Typst markup. Photos are given as numbers from the caller's
`photo(media, frame)` (the template places a stand-in; the print file, made for the size the page prints
it at, replaces it after layout: see placed.py); QR codes as module runs, drawn by the template in
black ink only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from ..media.errors import MediaError
from ..media.probe import probe_image_header
from ..model import LEVEL_LABELS, Collective, Honor, Media, Model, Studio, Worker
from ..model.honors import level_rank
from ..print_sizes import COVER_MM, DPI, HERO_PORTRAIT_MM, PHOTO_MM, PORTRAIT_LARGE_MM, UPRIGHT_PHOTO_MM
from ..qr import BORDER, qr_svg
from . import markdown
from .products_section import products_section
from .selection import Selection
from .settings import BookletSettings

PT_MM = 25.4 / 72


@dataclass(frozen=True)
class Paper:
    """A trim size and its type area: the text block is a whole number of body characters wide."""

    name: str
    width_mm: float
    height_mm: float
    body_pt: float      # body text size
    chars: int          # characters per line of body text
    top_mm: float       # margins above and below the text block (running head and folio sit in them)
    bottom_mm: float

    @property
    def text_width_mm(self) -> float:
        return self.chars * self.body_pt * PT_MM

    @property
    def margin_x_mm(self) -> float:
        return (self.width_mm - self.text_width_mm) / 2

    @property
    def body_height_mm(self) -> float:
        return self.height_mm - self.top_mm - self.bottom_mm


PAPERS = {"A5": Paper("A5", 148.0, 210.0, 10.0, 33, 19.0, 21.0),
          "A4": Paper("A4", 210.0, 297.0, 11.0, 42, 24.0, 26.0)}

# photo(media, (width_mm, height_mm) of its largest frame) -> the photo's number, or None for a placeholder
PhotoFn = Callable[[Media, tuple[float, float]], "int | None"]


@dataclass(frozen=True)
class Layout:
    paper: str = "A5"           # A5 / A4
    bleed_mm: float = 0.0       # 0 for screens and office printers; 3 for the press file
    press: bool = False         # the print shop's PDF/X file (crop marks and boxes are added afterwards)


def document(model: Model, sel: Selection, layout: Layout, fonts: dict, photo: PhotoFn,
             today: dt.date) -> dict:
    """Everything the template needs for one booklet, as JSON-ready data."""
    site = model.site
    settings = BookletSettings.of(site)
    a = sel.association
    paper = PAPERS[layout.paper]
    publisher = settings.publisher or a.name
    sections = []
    for kind, title, items, make in (("workers", "劳模风采", sel.workers, worker_entry),
                                     ("collectives", "模范集体", sel.collectives, collective_entry),
                                     ("studios", "创新工作室", sel.studios, studio_entry)):
        if items:
            entries = [make(model, x, layout, photo) for x in items]
            sections.append({"kind": kind, "title": title, "divider": len(entries) > 1, "entries": entries})
    products = products_section(model, sel, layout.paper, photo, page_url)   # optional (booklet.products)
    if products:
        sections.append(products)
    when = f"{today.year}年{today.month}月"
    return {
        "title": sel.title,
        "author": publisher,
        "paper": {"name": paper.name, "width_mm": paper.width_mm, "height_mm": paper.height_mm,
                  "bleed_mm": layout.bleed_mm, "press": layout.press, "body_pt": paper.body_pt,
                  "chars": paper.chars, "margin_x_mm": paper.margin_x_mm, "top_mm": paper.top_mm,
                  "bottom_mm": paper.bottom_mm, "body_height_mm": paper.body_height_mm},
        "fonts": fonts,
        "frames": {"portrait_mm": list(PORTRAIT_LARGE_MM[layout.paper]), "photo_mm": list(PHOTO_MM[layout.paper]),
                   "cover_mm": list(COVER_MM[layout.paper])},
        "cover": {"title": sel.title, "association": a.name, "subtitle": site.subtitle, "scope": sel.scope,
                  "year": f"{today.year}年", "image": photo(a.cover, COVER_MM[layout.paper]) if a.cover else None,
                  "permit": settings.permit, "note": "内部资料　免费交流"},
        "preface": {"title": f"{a.name}简介",
                    "blocks": markdown.blocks(a.story_md) or _summary_blocks(a.summary)},
        "sections": sections,
        "counts": {"workers": len(sel.workers), "collectives": len(sel.collectives), "studios": len(sel.studios)},
        "overview": overview(model, sel),
        "back": {"title": sel.title, "association": a.name, "publisher": publisher, "site": site.title,
                 "url": site.base_url.strip(), "qr": qr_runs(site.base_url.strip()),
                 "contact": _contact_lines(a.contact) or _contact_lines(site.contact),
                 "colophon": colophon(settings, publisher, when),
                 "note": "内部资料　免费交流"},
    }


def overview(model: Model, sel: Selection) -> dict:
    """What the booklet holds, in numbers, for the foot of the introduction page."""
    counts = [[str(n), unit] for n, unit in ((len(sel.workers), "位劳模"), (len(sel.collectives), "个模范集体"),
                                             (len(sel.studios), "家创新工作室")) if n]
    levels: dict[str, int] = {}
    for w in sel.workers:
        h = w.highest_honor
        if h:
            levels[h.level] = levels.get(h.level, 0) + 1
    by_level = [f"{LEVEL_LABELS[lv]}荣誉 {levels[lv]} 位" for lv in LEVEL_LABELS if levels.get(lv)]
    places: dict[str, int] = {}
    for w in sel.workers:
        a = model.associations.get(w.association)
        if a is not None and a.id != sel.association.id:
            name = a.short_name or a.name
            places[name] = places.get(name, 0) + 1
    by_place = [f"{name} {n} 位" for name, n in places.items()]
    return {"counts": counts, "lines": [" · ".join(x) for x in (by_level, by_place) if x]}


def colophon(s: BookletSettings, publisher: str, when: str) -> list[list[str]]:
    """The 版权页 lines a 内部资料 must carry; unset ones are left out (印刷日期 defaults to the build month)."""
    rows = [["编印单位", publisher], ["发送对象", s.recipients], ["印刷单位", s.printer],
            ["印刷日期", s.print_date or when], ["印　　数", f"{s.copies} 册" if s.copies else ""],
            ["版　　次", s.edition], ["准印证号", s.permit]]
    return [r for r in rows if r[1]]


def worker_entry(model: Model, w: Worker, layout: Layout, photo: PhotoFn) -> dict:
    url = page_url(model, w.url)
    studio = model.studios[w.studio].name if w.studio and w.studio in model.studios else (
        w.studio_inline.name if w.studio_inline else "")
    facts = [["工作单位", w.employer], ["岗位职务", w.position], ["所在行业", w.industry],
             ["创新工作室", studio], ["技能专长", "、".join(w.specialties)]]
    return {
        "id": w.id, "name": w.name, "toc_note": _note(w.highest_honor), "pinyin": w.pinyin,
        "surname": w.surname or w.name[:1], "sample": w.sample, "honors": _honors(w.honors),
        "facts": [f for f in facts if f[1]], "quote": w.quote.strip().strip("“”\"「」『』").strip(),
        # the large ("hero") portrait sizes are allowed while there is a photo (its print file is made
        # for the size the page prints, whichever that is)
        "portrait": photo(w.portrait, HERO_PORTRAIT_MM[layout.paper]) if w.portrait else None,
        "portrait_max_mm": round(_max_width_mm(_pixels(w.portrait), 0.75, HERO_PORTRAIT_MM[layout.paper][0])
                                 if w.portrait else PORTRAIT_LARGE_MM[layout.paper][0], 2),
        "gallery": gallery(w, layout, photo),
        "story": markdown.blocks(w.story_md),
        "url": url, "qr": qr_runs(url), "qr_label": ("扫码观看视频" if w.has_video else "扫码阅读网页版") if url else "",
    }


def collective_entry(model: Model, c: Collective, layout: Layout, photo: PhotoFn) -> dict:
    url = page_url(model, c.url)
    facts = [["所属协会", _assoc_name(model, c.association)],
             ["成员", f"{c.members} 人" if c.members else ""]]
    return {
        "id": c.id, "name": c.name, "toc_note": _note(c.highest_honor), "sample": c.sample, "honors": _honors(c.honors),
        "facts": [f for f in facts if f[1]], "summary": c.summary,
        "photo": photo(c.photo, PHOTO_MM[layout.paper]) if c.photo else None,
        "photo_max_w_mm": round(_max_width_mm(_pixels(c.photo) if c.photo else None, 4 / 3,
                                              PHOTO_MM[layout.paper][0]), 2),
        "achievements": [], "story": markdown.blocks(c.story_md),
        "url": url, "qr": qr_runs(url), "qr_label": "扫码阅读网页版" if url else "",
    }


def studio_entry(model: Model, s: Studio, layout: Layout, photo: PhotoFn) -> dict:
    url = page_url(model, s.url)
    leader = model.workers[s.leader].name if s.leader and s.leader in model.workers else ""
    facts = [["级别", LEVEL_LABELS.get(s.level, "")], ["成立", f"{s.founded}年" if s.founded else ""],
             ["领衔人", leader], ["成员", f"{s.members} 人" if s.members else ""],
             ["所属协会", _assoc_name(model, s.association)]]
    achievements = [{"year": str(a.year or ""), "text": " ".join(x for x in (a.kind, a.title) if x)}
                    for a in sorted(s.achievements, key=lambda a: (a.year or 0))]
    return {
        "id": s.id, "name": s.name, "toc_note": LEVEL_LABELS.get(s.level, ""), "sample": s.sample, "honors": [],
        "facts": [f for f in facts if f[1]], "summary": s.summary,
        "photo": photo(s.photo, PHOTO_MM[layout.paper]) if s.photo else None,
        "photo_max_w_mm": round(_max_width_mm(_pixels(s.photo) if s.photo else None, 4 / 3,
                                              PHOTO_MM[layout.paper][0]), 2),
        "achievements": achievements, "story": markdown.blocks(s.story_md),
        "url": url, "qr": qr_runs(url), "qr_label": "扫码阅读网页版" if url else "",
    }


def gallery(w: Worker, layout: Layout, photo: PhotoFn) -> list[dict]:
    """Gallery photos and video stills with their captions, each made for the largest frame of its shape.

    `max_w_mm` is the widest the photo prints at 300 ppi (after cropping to its frame): the layout
    never prints it wider, so a small photo is shown small rather than blurred.
    """
    items = [(g.file, g.caption.strip(), None) for g in w.gallery]
    items += [(v.poster, f"视频《{v.title}》" if v.title else "视频", 16 / 9) for v in w.videos if v.poster]
    out = []
    for media, caption, aspect in items:
        if media is None or media.kind != "image":
            continue
        size = _pixels(media)
        if aspect is None:
            aspect = 0.75 if size and size[1] > size[0] * 1.1 else 4 / 3
        base = UPRIGHT_PHOTO_MM if aspect < 1 else PHOTO_MM
        frame = base[layout.paper] if aspect != 16 / 9 else (PHOTO_MM[layout.paper][0], PHOTO_MM[layout.paper][0] * 9 / 16)
        path = photo(media, frame)
        if path:
            out.append({"image": path, "caption": caption, "aspect": aspect,
                        "max_w_mm": round(_max_width_mm(size, aspect, frame[0]), 2)})
    return out


def _pixels(m: Media) -> tuple[int, int] | None:
    try:
        info = probe_image_header(m.path)
    except (MediaError, OSError):
        return None
    return info.width, info.height


def _max_width_mm(size: tuple[int, int] | None, aspect: float, frame_w: float) -> float:
    """How wide a photo of `size` pixels, cropped to `aspect`, prints at 300 ppi (at most `frame_w`)."""
    if not size:
        return frame_w
    usable_w = min(size[0], size[1] * aspect)
    return min(frame_w, usable_w / DPI * 25.4)


def page_url(model: Model, path: str) -> str:
    base = model.site.base_url.strip()
    return base.rstrip("/") + "/" + path if base else ""


_RUN = re.compile(r"M(\d+) (\d+)h(\d+)")


def qr_runs(url: str) -> dict | None:
    """The QR code of `url` as {"n": modules per side, "runs": [[x, y, length], …]} (no quiet zone)."""
    if not url:
        return None
    svg = qr_svg(url)
    size = int(re.search(r'viewBox="0 0 (\d+)', svg).group(1))
    runs = [[int(x) - BORDER, int(y) - BORDER, int(n)] for x, y, n in _RUN.findall(svg)]
    return {"n": size - 2 * BORDER, "runs": runs}


def _honors(honors: list[Honor]) -> list[dict]:
    """In the order they were awarded (a career reads forward); same year: higher level first."""
    ordered = sorted(honors, key=lambda h: (h.year or 9999, level_rank(h.level)))
    return [{"year": str(h.year) if h.year else "", "title": h.title, "level": LEVEL_LABELS.get(h.level, "")}
            for h in ordered]


def _note(h: Honor | None) -> str:
    """The one honor shown next to a name in the table of contents."""
    return h.title if h else ""


def _assoc_name(model: Model, aid: str) -> str:
    a = model.associations.get(aid)
    return a.name if a else ""


def _summary_blocks(summary: str) -> list[dict]:
    runs = markdown.inline(summary) if summary else []
    return [{"kind": "para", "runs": runs}] if runs else []


def _contact_lines(c) -> list[str]:
    if c is None:
        return []
    lines = [("地址", c.address), ("电话", c.phone), ("邮箱", c.email), ("网站", c.website)]
    return [f"{k}：{v}" for k, v in lines if v]
