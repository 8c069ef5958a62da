"""Open data: data/workers.json and data/workers.csv with exactly what the worker pages show.

Never exported: consent notes, birth year, gender, drafts (the model passed in is already public).
"""

from __future__ import annotations

import csv
import io
import json

from ..model.corpus import Model
from ..model.entities import Worker
from ..model.honors import LEVEL_LABELS
from .urls import absolute

CSV_COLUMNS = [
    ("id", "编号"), ("name", "姓名"), ("pinyin", "拼音"), ("association", "所属协会"), ("employer", "工作单位"),
    ("position", "岗位职务"), ("industry", "行业"), ("highest_honor", "最高荣誉"), ("honor_level", "荣誉级别"),
    ("honors", "全部荣誉"), ("studio", "创新工作室"), ("services", "志愿服务"), ("url", "网页"), ("sample", "示例"),
]


# A cell starting with one of these is a formula to Excel, WPS and LibreOffice (=HYPERLINK(…), -2+3+cmd|…)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value) -> str:
    """OWASP's advice for CSV injection: a cell that could start a formula gets a leading single quote,
    which spreadsheets show as text (the JSON export keeps the real value)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def worker_record(model: Model, w: Worker) -> dict:
    assoc = model.associations.get(w.association)
    studio = model.studios.get(w.studio) if w.studio else None
    studio_name = studio.name if studio else (w.studio_inline.name if w.studio_inline else "")
    top = w.highest_honor
    return {
        "id": w.id, "name": w.name, "pinyin": w.pinyin,
        "association": assoc.name if assoc else w.association, "association_id": w.association,
        "employer": w.employer, "position": w.position, "industry": w.industry,
        "highest_honor": top.title if top else "", "honor_level": top.level if top else "",
        "honors": [{"title": h.title, "level": h.level, "year": h.year, "awarded_by": h.awarded_by}
                   for h in w.honors_sorted],
        "studio": studio_name, "specialties": list(w.specialties), "services": list(w.services),
        "quote": w.quote, "links": [{"title": l.title, "url": l.url} for l in w.links],
        "url": absolute(model.site.base_url, w.url) or w.url, "sample": w.sample,
    }


def workers_json(model: Model) -> str:
    records = [worker_record(model, w) for w in model.workers_sorted]
    doc = {"title": f"{model.site.title} · 劳模名录", "publisher": model.site.publisher,
           "count": len(records), "levels": LEVEL_LABELS, "workers": records}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def workers_csv(model: Model) -> str:
    """UTF-8 with BOM so Excel and WPS on Windows open the Chinese text correctly; every field quoted and
    formula-like cells neutralised (`spreadsheet_safe`), so opening the file never runs anything."""
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    out.writerow([label for _, label in CSV_COLUMNS])
    for w in model.workers_sorted:
        r = worker_record(model, w)
        r["honors"] = "；".join(f"{h['year']} {h['title']}" for h in r["honors"])
        r["services"] = "、".join(r["services"])
        r["honor_level"] = LEVEL_LABELS.get(r["honor_level"], "")
        r["sample"] = "是" if r["sample"] else ""
        out.writerow([spreadsheet_safe(r[key]) for key, _ in CSV_COLUMNS])
    return "\ufeff" + buf.getvalue()
