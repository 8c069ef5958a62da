"""A sheet's data rows → Items: values normalised, personal data left out, rows of one person joined."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..content.fields import THIS_YEAR
from .column_plan import ColumnPlan
from .header import Header
from .items import COLLECTIVE, WORKER, Honour, Item, name_key
from .mapping import Mapping
from .personal import LABELS, personal_kinds
from .project_facts import ProjectFacts
from .values import (all_years, cell_text, clean_name, clean_text, norm_key, parse_count, parse_gender,
                     parse_honours, parse_year, same_employer, split_employer_position,
                     split_outside_brackets)

_FOOTER = re.compile(r"^(合计|总计|小计|共计|注[:：]|注$|说明|备注[:：]|制表|填表|审核|负责人|单位[:：盖]|以上)")


@dataclass
class Skipped:
    sheet: str
    row: int
    reason: str
    name: str = ""


@dataclass
class SheetResult:
    items: list[Item] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    withheld: list[str] = field(default_factory=list)     # "第 12 行「备注」（手机号码）": cells not written


@dataclass
class Defaults:
    association: str = ""        # --association, mapping defaults, or the association named in the title
    industry: str = ""
    id_prefix: str | None = None


def read_rows(sheet: str, filled: list[list[Any]], raw_rows: list[list[Any]], header: Header, plan: ColumnPlan,
              facts: ProjectFacts, mapping: Mapping, defaults: Defaults, collective_sheet: bool) -> SheetResult:
    out = SheetResult()
    previous: Item | None = None
    above: list = []                     # the previous data row, for 同上 / 〃 cells
    for r in range(header.first_data_row, len(filled)):
        row, raw = list(filled[r]), raw_rows[r] if r < len(raw_rows) else []
        n = r + 1
        if not any(cell_text(v) for v in row):
            continue
        distinct = {cell_text(v) for v in row if cell_text(v)}
        raw_filled = [v for v in raw if cell_text(v)]
        if len(distinct) == 1 and len(raw_filled) <= 1 and sum(1 for v in row if cell_text(v)) >= 2:
            out.skipped.append(Skipped(sheet, n, "标题、分组或说明行（一个格子横跨整行）"))
            continue
        for c, v in enumerate(row):
            if cell_text(v) in DITTO and c < len(above):
                row[c] = above[c]
        above = row
        cells = _cells(row, n, plan, out)
        kind_text = clean_text(cells.get("kind", ""))
        is_collective = collective_sheet or "集体" in kind_text or (bool(cells.get("collective")) and not cells.get("name"))
        ident, aside = _name_and_aside(cells, is_collective)
        if aside in ("男", "女") and not cells.get("gender"):
            cells["gender"] = aside
        elif aside:
            cells["note"] = "；".join(filter(None, [clean_text(cells.get("note", "")), f"姓名后写着（{aside}）"]))
        first = next((cell_text(v).strip() for v in row if cell_text(v).strip()), "")
        if (ident and _FOOTER.match(ident)) or _FOOTER.match(first):     # 合计 | | 68 人: the count sits under 姓名
            out.skipped.append(Skipped(sheet, n, "合计、说明或落款行"))
            continue
        if ident and not re.search(r"[^\W\d_]", ident):
            out.skipped.append(Skipped(sheet, n, f"姓名（名称）一格写的是「{ident}」，不是姓名"))
            continue
        honours = _honours(cells, facts, mapping)
        if not ident:
            if previous is not None and honours and not cells.get("employer") and not cells.get("employer_position"):
                previous.rows.append(n)
                previous.add_honours(honours)
                previous.notes.append(f"第 {n} 行没有姓名，其中的荣誉并入上面的「{previous.name}」")
                continue
            if any(cell_text(v) for v in row):
                out.skipped.append(Skipped(sheet, n, "没有姓名（或名称）"))
            continue
        item = Item(COLLECTIVE if is_collective else WORKER, sheet, [n])
        item.values["name"] = ident
        _fill_values(item, cells, facts, mapping, defaults)
        item.honours = honours
        for h in honours:
            if h.year is None:
                item.notes.append(f"「{h.title}」没有年份，写成了【待填写】")
            if not h.level:
                item.notes.append(f"「{h.title}」看不出级别，写成了【待填写】（可在映射文件 levels 里说明）")
        item.id_value = clean_text(cells.get("import_id", ""))
        item.seq_value = clean_text(cells.get("seq", ""))
        item.photo_name = clean_text(cells.get("photo", ""))
        item.note = clean_text(cells.get("note", ""))
        item.notes.extend(cells.get("_notes", []))
        item.import_key = _import_key(item, defaults)
        out.items.append(item)
        previous = item
    return out


DITTO = {"同上", "〃", "\"", "''", "同前", "ditto"}


def _name_and_aside(cells: dict, collective: bool) -> tuple[str, str]:
    """The name, and what is written in brackets after a person's name: 孙梅金（女）, 张三（已故）."""
    if cells.get("collective") or (collective and cells.get("name")):
        return clean_text(cells.get("collective") or cells["name"]), ""
    name = clean_name(cells.get("name", ""))
    m = re.fullmatch(r"(.+?)\s*[（(]([^）)]{1,10})[）)]", name)
    if m and not re.search(r"[A-Za-z]", m.group(1)):
        return m.group(1), m.group(2).strip()
    return name, ""


def _cells(row: list, n: int, plan: ColumnPlan, out: SheetResult) -> dict:
    """field → the cell value(s) of this row; personal data in a kept cell withholds that cell."""
    cells: dict[str, Any] = {"_notes": []}
    for f, cols in plan.fields.items():
        values = []
        for col in cols:
            v = row[col.index] if col.index < len(row) else None
            if cell_text(v) == "":
                continue
            kinds = personal_kinds(v, allow_birth_date=(f == "birth"))
            if kinds:
                what = "、".join(LABELS[k] for k in kinds)
                out.withheld.append(f"第 {n} 行{col.where}（{what}）")
                cells["_notes"].append(f"{col.where}有{what}，这一格没有导入")
                continue
            values.append(v)
        if values:
            cells[f] = values if f in ("honor", "year", "level", "awarded_by") else values[0]
    return cells


def _honours(cells: dict, facts: ProjectFacts, mapping: Mapping) -> list[Honour]:
    texts = [h for v in cells.get("honor", []) for h in parse_honours(v)]
    if not texts:
        return []
    years = [y for v in cells.get("year", []) for y in all_years(v)]
    levels = [w for v in cells.get("level", []) for w in split_outside_brackets(cell_text(v))]
    by = [w for v in cells.get("awarded_by", []) for w in split_outside_brackets(clean_text(v), "、；;/\n")]
    out = []
    without_year = [t for t in texts if t.year is None]
    for i, t in enumerate(texts):
        year = t.year
        if year is None and years:
            if len(years) == len(texts):
                year = years[i]
            elif len(years) == len(without_year):
                year = years[without_year.index(t)]
            elif len(years) == 1:
                year = years[0]
        word = t.level_word or (levels[i] if len(levels) == len(texts) else "")   # one level for several titles: which?
        level = mapping.levels.get(t.title) or facts.level_of(t.title, word)[0]
        awarded = by[i] if len(by) == len(texts) else (by[0] if len(by) == 1 and len(texts) == 1 else "")
        out.append(Honour(t.title, level, year, awarded))
    if len(without_year) > 1 and len(years) == 1:
        cells["_notes"].append(f"一格里有 {len(without_year)} 个称号、只有 1 个年份，都记为 {years[0]} 年，请核对")
    return out


def _fill_values(item: Item, cells: dict, facts: ProjectFacts, mapping: Mapping, defaults: Defaults) -> None:
    v = item.values
    assoc_text = clean_text(cells.get("association", ""))
    if assoc_text:
        aid = mapping.associations.get(assoc_text) or facts.association_of(assoc_text)
        if aid:
            v["association"] = aid
        else:
            item.notes.append(f"所属协会「{assoc_text}」对应不到已有的协会编号，写成了【待填写】（可在映射文件 associations 里说明）")
    elif defaults.association:
        v["association"] = defaults.association
    if item.kind == COLLECTIVE:
        members = parse_count(cells.get("members"))
        if members:
            v["members"] = members
        summary = clean_text(cells.get("summary", ""))
        if summary:
            v["summary"] = summary
        return
    employer, position = clean_text(cells.get("employer", "")), clean_text(cells.get("position", ""))
    if cells.get("employer_position"):
        e, p = split_employer_position(cells["employer_position"])
        employer, position = employer or e, position or p
    if employer:
        v["employer"] = employer
    if position:
        v["position"] = position
    industry = clean_text(cells.get("industry", ""))
    industry = mapping.industries.get(industry, industry)
    if industry:
        v["industry"] = facts.industry_of(industry)
    elif defaults.industry:
        v["industry"] = defaults.industry
    gender = parse_gender(cells.get("gender"))
    if gender:
        v["gender"] = gender
    birth = parse_year(cells.get("birth"), lo=1900, hi=THIS_YEAR - 14) if cells.get("birth") is not None else None
    if birth:
        v["birth_year"] = birth
    for key in ("quote",):
        text = clean_text(cells.get(key, ""))
        if text:
            v[key] = text
    story = cell_text(cells.get("story", ""))
    if story:
        v["story"] = story


def _import_key(item: Item, defaults: Defaults) -> str:
    if item.id_value:
        prefix = defaults.id_prefix
        if prefix is None:
            prefix = (str(item.values.get("association") or "") or "x") + "-"
        raw = re.sub(r"[^0-9A-Za-z._\-]+", "-", item.id_value).strip("-").lower()
        if raw:
            return f"{prefix}{raw}"
    return name_key(item.kind, item.name, item.employer)


def join_duplicates(items: list[Item]) -> tuple[list[Item], list[str]]:
    """Rows of the same person (same name and employer, or the same 编号) become one item; the report says so."""
    out: list[Item] = []
    by_name: dict[tuple, list[Item]] = {}
    by_id: dict[str, Item] = {}
    report: list[str] = []
    for item in items:
        same = by_id.get(item.import_key) if item.id_value else None
        if same is not None and norm_key(same.name) != norm_key(item.name):
            report.append(f"{item.where}的编号「{item.id_value}」和{same.where}（{same.name}）重复，但姓名不同：这一行没有导入，请核对编号")
            continue
        if same is None:
            for other in by_name.get((item.kind, norm_key(item.name)), []):
                if not item.employer or not other.employer or same_employer(item.employer, other.employer):
                    if not (item.id_value and other.id_value and item.id_value != other.id_value):
                        same = other
                        break
        if same is None:
            out.append(item)
            by_name.setdefault((item.kind, norm_key(item.name)), []).append(item)
            if item.id_value:
                by_id[item.import_key] = item
            continue
        added = same.add_honours(item.honours)
        conflicts = []
        for key, value in item.values.items():
            if key not in same.values:
                same.values[key] = value
            elif norm_key(str(same.values[key])) != norm_key(str(value)):
                conflicts.append(key)
        first = same.where
        same.rows.extend(item.rows)
        same.notes.extend(item.notes)
        same.note = same.note or item.note
        same.photo_name = same.photo_name or item.photo_name
        same.seq_value = same.seq_value or item.seq_value
        what = f"并入{first}的「{same.name}」" + (f"，新增 {added} 项荣誉" if added else "，内容重复")
        if conflicts:
            what += "；" + "、".join(_LABEL.get(k, k) for k in conflicts) + f"与{first}不一致，用了{first}的写法，请核对"
        report.append(f"{item.where}：{what}")
        same.notes.append(f"{item.where}{'是同一人的另一行' if item.kind == WORKER else '是同一集体的另一行'}，已合并")
    same_name: dict[tuple, list[Item]] = {}
    for item in out:
        same_name.setdefault((item.kind, norm_key(item.name)), []).append(item)
    for group in same_name.values():
        if len(group) > 1:
            report.append("同名不同单位，按不同的人导入：" + "；".join(f"{g.where}（{g.employer or '单位空'}）" for g in group)
                          + "。如果是同一个人，请把单位写成一样")
    return out, report


_LABEL = {"name": "姓名", "association": "所属协会", "employer": "工作单位", "position": "职务", "industry": "行业",
          "gender": "性别", "birth_year": "出生年份", "members": "人数", "summary": "简介", "quote": "格言", "story": "事迹"}
