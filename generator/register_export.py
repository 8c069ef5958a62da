"""The published register as an .xlsx workbook, for an association's own records (`fengcai export --xlsx`).

A function of the public model only (no drafts, no consent notes, no birth year or gender — the same
fields as the site's data/workers.csv). Honours are written the way `fengcai import` reads them back:
全国劳动模范（2020年，全国级）、浙江省劳动模范（2015年，省级）.
"""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

from .model.corpus import Model
from .model.honors import LEVEL_LABELS
from .site.exports import spreadsheet_safe, worker_record
from .site.urls import absolute

WORKER_COLUMNS = [("name", "姓名", 10), ("association", "所属协会", 16), ("employer", "工作单位", 30), ("position", "职务", 18),
                  ("industry", "行业", 10), ("honors", "荣誉称号", 50), ("url", "网页", 40)]
# In the workbook's properties (docProps/core.xml), so a later export knows the file is its own to replace.
MARKER = "fengcai export"

COLLECTIVE_COLUMNS = [("name", "集体名称", 30), ("association", "所属协会", 16), ("honors", "荣誉称号", 50),
                      ("members", "人数", 8), ("url", "网页", 40)]


def honours_text(honours) -> str:
    return "、".join(f"{h['title']}（{h['year']}年，{LEVEL_LABELS.get(h['level'], h['level'])}）" for h in honours)


def register_rows(model: Model, association: str = "") -> tuple[list[dict], list[dict]]:
    """(workers, collectives) of the public model as rows, optionally of one association and those below it."""
    ids = set(model.descendants(association)) if association else None
    workers = []
    for w in model.workers_sorted:
        if ids is None or w.association in ids:
            r = worker_record(model, w)
            r["honors"] = honours_text(r["honors"])
            workers.append(r)
    collectives = []
    for c in sorted(model.collectives.values(), key=lambda c: (c.association, c.name)):
        if ids is None or c.association in ids:
            assoc = model.associations.get(c.association)
            collectives.append({
                "name": c.name, "association": assoc.name if assoc else c.association,
                "honors": honours_text([{"title": h.title, "level": h.level, "year": h.year} for h in sorted(c.honors, key=lambda h: h.rank)]),
                "members": c.members, "url": absolute(model.site.base_url, c.url) or c.url,
            })
    return workers, collectives


def write_register(model: Model, out: Path, association: str = "") -> tuple[int, int]:
    """Writes the workbook to `out` (through a temporary file); returns (workers, collectives) written."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workers, collectives = register_rows(model, association)
    scope = model.associations[association].name if association else model.site.title
    wb = Workbook()
    wb.properties.keywords = MARKER
    for ws, title, columns, rows in ((wb.active, "劳模", WORKER_COLUMNS, workers),
                                     (wb.create_sheet(), "模范集体", COLLECTIVE_COLUMNS, collectives)):
        ws.title = title
        ws.append([_text(f"{scope} · {title}名录（{dt.date.today().isoformat()} 导出，只含已公开的资料）")])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
        ws["A1"].font = Font(bold=True, size=14)
        ws.append([label for _, label, _ in columns])
        for cell in ws[2]:
            cell.font = Font(bold=True)
        for r in rows:
            ws.append([_text(r.get(key)) for key, _, _ in columns])
        for i, (_, _, width) in enumerate(columns):
            ws.column_dimensions[chr(65 + i)].width = width
        for row in ws.iter_rows(min_row=3):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if isinstance(cell.value, str):
                    cell.data_type = "s"     # never a formula, whatever the text starts with
        ws.freeze_panes = "A3"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.writing")
    try:
        wb.save(tmp)
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return len(workers), len(collectives)


def is_our_register(path: Path) -> bool:
    """A workbook `write_register` made (it may be replaced); anything else is someone's own file."""
    try:
        with zipfile.ZipFile(path) as z:
            return f"<cp:keywords>{MARKER}</cp:keywords>" in z.read("docProps/core.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def _text(value):
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return spreadsheet_safe(str(value))
