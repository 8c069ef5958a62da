"""A selection → the JSON document theme/booklet/booklet.typ lays out. Pure: no files read or written.

Every text an editor wrote travels as a JSON string and is placed by the template as text, so no
character of it can become Typst markup. Photos are given as absolute paths of print derivatives
(made beforehand by the caller through `photo(media, size)`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from ..model import LEVEL_LABELS, Collective, Honor, Media, Model, Studio, Worker
from ..print_sizes import PORTRAIT_MM
from ..qr import qr_svg
from . import markdown
from .products_section import products_section
from .selection import Selection

PAPER_MM = {"A5": (148.0, 210.0), "A4": (210.0, 297.0)}
GROUP_PHOTO_MM = {"A5": (118.0, 66.0), "A4": (170.0, 96.0)}

# photo(media, (width_mm, height_mm)) -> absolute path of the print image, or None for a placeholder
PhotoFn = Callable[[Media, tuple[float, float]], "str | None"]


@dataclass(frozen=True)
class Layout:
    paper: str = "A5"           # A5 / A4
    bleed_mm: float = 0.0       # 0 for office printers; 3 with crop marks for a print shop
    marks: bool = False

    @property
    def trim_mm(self) -> tuple[float, float]:
        return PAPER_MM[self.paper]


def document(model: Model, sel: Selection, layout: Layout, fonts: dict, photo: PhotoFn,
             today: dt.date) -> dict:
    """Everything the template needs for one booklet, as JSON-ready data."""
    site = model.site
    a = sel.association
    publisher = (site.booklet or {}).get("publisher") or site.publisher or a.name
    sections = []
    if sel.workers:
        sections.append({"kind": "workers", "title": "劳模风采",
                         "entries": [worker_entry(model, w, layout, photo) for w in sel.workers]})
    if sel.collectives:
        sections.append({"kind": "collectives", "title": "模范集体",
                         "entries": [collective_entry(model, c, layout, photo) for c in sel.collectives]})
    if sel.studios:
        sections.append({"kind": "studios", "title": "创新工作室",
                         "entries": [studio_entry(model, s, layout, photo) for s in sel.studios]})
    products = products_section(model, sel, layout.paper, photo, page_url)
    if products:
        sections.append(products)
    trim_w, trim_h = layout.trim_mm
    cover_mm = (trim_w + 2 * layout.bleed_mm, round(trim_h * 0.58, 1) + layout.bleed_mm)
    return {
        "title": sel.title,
        "author": publisher,
        "paper": {"name": layout.paper, "width_mm": trim_w, "height_mm": trim_h,
                  "bleed_mm": layout.bleed_mm, "marks": layout.marks},
        "fonts": fonts,
        "frames": {"portrait_mm": list(PORTRAIT_MM[layout.paper]), "group_photo_mm": list(GROUP_PHOTO_MM[layout.paper])},
        "cover": {"title": sel.title, "association": a.name, "subtitle": site.subtitle,
                  "year": f"{today.year}年", "image": photo(a.cover, cover_mm) if a.cover else None,
                  "image_height_mm": cover_mm[1]},
        "preface": {"title": f"{a.name}简介",
                    "blocks": markdown.blocks(a.story_md) or _summary_blocks(a.summary)},
        "sections": sections,
        "counts": {"workers": len(sel.workers), "collectives": len(sel.collectives), "studios": len(sel.studios)},
        "back": {"publisher": publisher, "date": f"{today.year}年{today.month}月",
                 "association": a.name, "site": site.title, "url": site.base_url,
                 "contact": _contact_lines(a.contact) or _contact_lines(site.contact),
                 "note": "内部资料　免费交流"},
    }


def worker_entry(model: Model, w: Worker, layout: Layout, photo: PhotoFn) -> dict:
    url = page_url(model, w.url)
    studio = model.studios[w.studio].name if w.studio and w.studio in model.studios else (
        w.studio_inline.name if w.studio_inline else "")
    facts = [["工作单位", w.employer], ["岗位职务", w.position], ["所在行业", w.industry],
             ["创新工作室", studio], ["技能专长", "、".join(w.specialties)]]
    return {
        "id": w.id, "name": w.name, "toc_note": _note(w.highest_honor), "pinyin": w.pinyin, "surname": w.surname or w.name[:1],
        "sample": w.sample, "honors": _honors(w.honors_sorted),
        "facts": [f for f in facts if f[1]], "quote": w.quote.strip().strip("“”\"「」『』").strip(),
        "portrait": photo(w.portrait, PORTRAIT_MM[layout.paper]) if w.portrait else None,
        "story": markdown.blocks(w.story_md),
        "url": url, "qr": qr_svg(url) if url else "", "qr_label": ("扫码观看视频" if w.has_video else "扫码阅读网页版") if url else "",
    }


def collective_entry(model: Model, c: Collective, layout: Layout, photo: PhotoFn) -> dict:
    url = page_url(model, c.url)
    facts = [["所属协会", _assoc_name(model, c.association)],
             ["成员", f"{c.members} 人" if c.members else ""]]
    return {
        "id": c.id, "name": c.name, "toc_note": _note(c.highest_honor), "sample": c.sample, "honors": _honors(sorted(c.honors, key=lambda h: h.rank)),
        "facts": [f for f in facts if f[1]], "summary": c.summary,
        "photo": photo(c.photo, GROUP_PHOTO_MM[layout.paper]) if c.photo else None,
        "story": markdown.blocks(c.story_md),
        "url": url, "qr": qr_svg(url) if url else "", "qr_label": "扫码阅读网页版" if url else "",
    }


def studio_entry(model: Model, s: Studio, layout: Layout, photo: PhotoFn) -> dict:
    url = page_url(model, s.url)
    leader = model.workers[s.leader].name if s.leader and s.leader in model.workers else ""
    facts = [["级别", LEVEL_LABELS.get(s.level, "")], ["成立", f"{s.founded}年" if s.founded else ""],
             ["领衔人", leader], ["成员", f"{s.members} 人" if s.members else ""],
             ["所属协会", _assoc_name(model, s.association)]]
    achievements = [" ".join(x for x in (str(a.year or ""), a.kind, a.title) if x) for a in s.achievements]
    return {
        "id": s.id, "name": s.name, "toc_note": LEVEL_LABELS.get(s.level, ""), "sample": s.sample, "honors": [],
        "facts": [f for f in facts if f[1]], "summary": s.summary,
        "photo": photo(s.photo, GROUP_PHOTO_MM[layout.paper]) if s.photo else None,
        "achievements": achievements, "story": markdown.blocks(s.story_md),
        "url": url, "qr": qr_svg(url) if url else "", "qr_label": "扫码阅读网页版" if url else "",
    }


def page_url(model: Model, path: str) -> str:
    base = model.site.base_url.strip()
    return base.rstrip("/") + "/" + path if base else ""


def _honors(honors: list[Honor]) -> list[dict]:
    return [{"year": str(h.year) if h.year else "", "title": h.title, "level": LEVEL_LABELS.get(h.level, "")}
            for h in honors]


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
