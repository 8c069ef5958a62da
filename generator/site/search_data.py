"""The offline copy's search index: one classic script, `search-data.js`, assigning a global.

Browsers refuse fetch() and module scripts from file://, so Pagefind cannot run from a USB stick.
theme/assets/search-offline.js searches these records instead, by substring, over the same words
Pagefind gets: the name, given name and surname, every pinyin form, employer, place, honors, industry,
studio and association.

A record is a list (shorter than an object, thousands of times over):
    [url, title, honor, image, summary, terms]
url and image are relative to the site root; terms is one "|"-separated string, Latin in lower case.
"""

from __future__ import annotations

import json

from ..model.corpus import Model
from ..model.honors import LEVEL_LABELS
from .media import SiteMedia
from .search_terms import name_aliases
from .variants import index_html_link

GLOBAL = "FENGCAI_SEARCH"


def search_records(model: Model, media: SiteMedia) -> list[list[str]]:
    """Workers first (in pinyin order), then associations, studios, collectives, stories and products."""
    out = []
    for w in model.workers_sorted:
        top = w.highest_honor
        assoc = model.associations.get(w.association)
        studio = model.studios.get(w.studio) if w.studio else None
        summary = " · ".join(x for x in (w.employer, w.position, assoc.name if assoc else "") if x)
        terms = [a for a in name_aliases(w) if a.isascii()]        # the Chinese forms are in the name
        terms += [h.title for h in w.honors_sorted] + [w.industry, assoc.region if assoc else "",
                  studio.name if studio else "", w.studio_inline.name if w.studio_inline else ""]
        out.append(_record(w.url, w.name, top.title if top else "",
                           media.img_url(w.portrait, "portrait", w.name, w.surname), summary, terms))
    for a in model.associations_sorted:
        out.append(_record(a.url, a.name, "", "", a.summary, [a.short_name, a.region]))
    for s in sorted(model.studios.values(), key=lambda s: s.id):
        leader = model.workers.get(s.leader) if s.leader else None
        level = f"{LEVEL_LABELS[s.level]}创新工作室" if s.level in LEVEL_LABELS else ""
        out.append(_record(s.url, s.name, level, media.img_url(s.photo, "thumb", s.name) if s.photo else "",
                           s.summary, [leader.name if leader else "", *s.tags]))
    for c in sorted(model.collectives.values(), key=lambda c: c.id):
        top = c.highest_honor
        out.append(_record(c.url, c.name, top.title if top else "",
                           media.img_url(c.photo, "thumb", c.name) if c.photo else "", c.summary,
                           [h.title for h in c.honors] + list(c.tags)))
    for s in model.stories_sorted:
        date = f"{s.date.year}年{s.date.month}月{s.date.day}日"
        out.append(_record(s.url, s.title, "", media.img_url(s.cover, "thumb") if s.cover else "",
                           s.summary or date, [date, *s.tags]))
    for p in model.offerings.products_sorted:   # found by their name and by their maker's name
        maker = model.offerings.maker(p)
        summary = " · ".join(x for x in ("劳模产品", p.category, f"制作：{maker.name}" if maker else "") if x)
        assoc = model.associations.get(p.association)
        terms = [assoc.name if assoc else "", *p.tags]
        if maker is not None and p.maker.kind == "worker":
            terms += [a for a in name_aliases(maker) if a.isascii()]
        out.append(_record(p.url, p.name, "", media.img_url(p.photos[0].file, "thumb") if p.photos else "", summary, terms))
    return out


def search_data_js(records: list[list[str]]) -> str:
    body = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)
    return f"/* 劳模风采录 离线搜索数据（由 fengcai build --offline 生成） */\nwindow.{GLOBAL}=[\n{body}\n];\n"


def _record(url: str, title: str, honor: str, image: str, summary: str, terms: list[str]) -> list[str]:
    shown = "|".join((title, honor, summary or ""))
    seen: set[str] = set()
    kept = []
    for t in terms:
        t = (t or "").strip()
        t = t.lower() if t.isascii() else t
        if t and t not in seen and t not in shown:
            seen.add(t)
            kept.append(t)
    return [index_html_link(url), title, honor, image, summary or "", "|".join(kept)]
