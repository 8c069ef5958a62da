"""The offline copy's search index: one classic script, `search-data.js`, assigning a global.

Browsers refuse fetch() and module scripts from file://, so Pagefind cannot run from a USB stick.
theme/assets/search-offline.js searches these records instead, with the same query reading as the web
site (search-core.js), over the same text Pagefind indexes: the name and its pinyin forms, employer,
position, honors, industry, studio, association, skills, achievements and the story.

A record is a list (shorter than an object, thousands of times over):
    [url, title, honor, image, summary, pinyin, text, associations, level]
url and image are relative to the site root; pinyin is the "|"-separated pinyin forms of a worker's name
(search_terms.py); text is everything else a page says, in one line; associations is the space-separated
ids of the item's association and every association above it (the association filter); level is the
highest honor's level (the honor-level filter, workers only).
"""

from __future__ import annotations

import json

from ..model.corpus import Model
from ..model.honors import LEVEL_LABELS
from .markdown_text import plain_text
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
        pinyin = [a for a in name_aliases(w) if a.isascii()]
        text = [h.title for h in w.honors_sorted] + [w.industry, assoc.region if assoc else "",
                studio.name if studio else "", w.studio_inline.name if w.studio_inline else "", w.quote,
                *w.specialties, *[a.title for a in w.achievements], *w.services, plain_text(w.story_md)]
        out.append(_record(w.url, w.name, top.title if top else "",
                           media.img_url(w.portrait, "portrait", w.name, w.surname), summary, pinyin, text,
                           _associations(model, w.association), top.level if top else ""))
    for a in model.associations_sorted:
        out.append(_record(a.url, a.name, "", "", a.summary, [], [a.short_name, a.region, plain_text(a.story_md)],
                           _associations(model, a.id)))
    for s in sorted(model.studios.values(), key=lambda s: s.id):
        leader = model.workers.get(s.leader) if s.leader else None
        level = f"{LEVEL_LABELS[s.level]}创新工作室" if s.level in LEVEL_LABELS else ""
        out.append(_record(s.url, s.name, level, media.img_url(s.photo, "thumb", s.name) if s.photo else "",
                           s.summary, [], [leader.name if leader else "", *s.tags, plain_text(s.story_md)],
                           _associations(model, s.association)))
    for c in sorted(model.collectives.values(), key=lambda c: c.id):
        top = c.highest_honor
        out.append(_record(c.url, c.name, top.title if top else "",
                           media.img_url(c.photo, "thumb", c.name) if c.photo else "", c.summary, [],
                           [h.title for h in c.honors] + list(c.tags) + [plain_text(c.story_md)],
                           _associations(model, c.association)))
    for s in model.stories_sorted:
        date = f"{s.date.year}年{s.date.month}月{s.date.day}日"
        out.append(_record(s.url, s.title, "", media.img_url(s.cover, "thumb") if s.cover else "",
                           s.summary or date, [], [date, *s.tags, plain_text(s.body_md)],
                           _associations(model, s.association)))
    for p in model.offerings.products_sorted:   # found by their name and by their maker's name
        maker = model.offerings.maker(p)
        summary = " · ".join(x for x in ("劳模产品", p.category, f"制作：{maker.name}" if maker else "") if x)
        pinyin = [a for a in name_aliases(maker) if a.isascii()] if maker is not None and p.maker.kind == "worker" else []
        text = [p.category, maker.name if maker else "", p.description, *[a.title for a in p.awards], *p.tags]
        out.append(_record(p.url, p.name, "", media.img_url(p.photos[0].file, "thumb") if p.photos else "", summary,
                           pinyin, text, _associations(model, p.association)))
    return out


def search_data_js(records: list[list[str]]) -> str:
    body = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)
    return f"/* 劳模风采录 离线搜索数据（由 fengcai build --offline 生成） */\nwindow.{GLOBAL}=[\n{body}\n];\n"


def _associations(model: Model, association_id: str) -> str:
    if association_id not in model.associations:
        return ""
    return " ".join([a.id for a in model.ancestors(association_id)] + [association_id])


def _record(url: str, title: str, honor: str, image: str, summary: str, pinyin: list[str], text: list[str],
            associations: str = "", level: str = "") -> list[str]:
    shown = "|".join((title, honor, summary or ""))
    kept = [t for t in dict.fromkeys(" ".join((t or "").split()) for t in text) if t and t not in shown]
    forms = list(dict.fromkeys(p.lower() for p in pinyin if p))
    return [index_html_link(url), title, honor, image, summary or "", "|".join(forms), "|".join(kept),
            associations, level]
