"""Read a register and decide, item by item, what an import does — without writing anything.

    read_workbook → per sheet: fill merges, find the header, plan the columns, read rows → items
    → join duplicates → match each item to the project (records, import_id, name + employer)
    → new text or field-by-field update → Plan (what `--dry-run` prints and `write_plan` writes)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..content.fields import SLUG
from ..model.names import slugify_name, slugify_text
from ..scaffold import unique_id
from .column_plan import ColumnPlan, plan_columns
from .errors import ImportStop
from .existing import ExistingContent, canon, fingerprint, records_json
from .header import Header, fill_merged, require_header
from .items import COLLECTIVE, WORKER, Item
from .mapping import Mapping
from .photos import PhotoFolder, cleaned_digest, file_digest, portrait_name
from .profiles import LABELS, Change, new_text, story_change, story_text, theirs_of, update_text
from .project_facts import ProjectFacts
from .rows import Defaults, Skipped, join_duplicates, read_rows
from .sheet import read_workbook

NEW, UPDATE, SAME, SKIP = "新建", "更新", "不变", "跳过"
DELETED = {"deleted": True}


@dataclass
class Options:
    association: str = ""
    mapping: Mapping = field(default_factory=Mapping)
    photos: Path | None = None
    overwrite: bool = False
    restore_deleted: bool = False
    sheet: str = ""


@dataclass
class SheetInfo:
    name: str
    header: Header
    columns: ColumnPlan
    kind: str                    # "worker", "collective" or "mixed"


@dataclass
class Action:
    item: Item | None
    verb: str
    target: str = ""             # file relative to the project root
    reason: str = ""
    writes: dict[Path, str] = field(default_factory=dict)
    copies: list[tuple[Path, Path]] = field(default_factory=list)
    record: dict | None = None   # the new records entry for item.import_key
    skipped_row: Skipped | None = None


@dataclass
class Plan:
    root: Path
    source: Path
    encoding_note: str
    sheets: list[SheetInfo]
    actions: list[Action]
    duplicates: list[str]
    withheld: list[str]
    ignored_sheets: list[str]
    association_note: str = ""
    records_text: str | None = None     # new content of the records file, None when unchanged
    defaults_used: dict[str, str] = field(default_factory=dict)   # field → the default every row got
    photos_unused: list[str] | None = None   # with --photos: the folder's photos no one got

    @property
    def rows(self) -> int:
        return sum(len(a.item.rows) for a in self.actions if a.item) + sum(1 for a in self.actions if a.skipped_row)


def make_plan(path: Path, root: Path, options: Options) -> Plan:
    book = read_workbook(path)
    facts = ProjectFacts.load(root)
    if options.association and options.association not in facts.associations and facts.associations:
        raise ImportStop(f"协会编号「{options.association}」不存在", "可用的编号：" + "、".join(sorted(facts.associations)))
    grids = book.grids
    if options.sheet:
        grids = [g for g in grids if g.name == options.sheet]
        if not grids:
            raise ImportStop(f"表格里没有名为「{options.sheet}」的工作表", "可用的工作表：" + "、".join(g.name for g in book.grids))
    if not any(g.rows for g in grids):
        raise ImportStop(f"「{path.name}」是空的，没有任何内容", "确认打开的是劳模名录那个文件，并且内容在第一个工作表里")
    reading = _Reading(ignored=[f"工作表「{name}」是隐藏的，没有导入" for name in book.hidden])
    for grid in grids:
        if grid.rows:
            _read_sheet(grid, path, facts, options, reading, several=len(grids) > 1)
    if not reading.sheets:
        raise ImportStop(f"「{path.name}」里没有可以导入的工作表", "；".join(reading.ignored) or "确认表头里有“姓名”一列")
    items, duplicates = join_duplicates(reading.items)
    existing = ExistingContent.load(root)
    photos = PhotoFolder.open(options.photos) if options.photos else None
    actions = _actions(items, root, existing, photos, options)
    actions += [Action(None, SKIP, reason=s.reason, skipped_row=s) for s in reading.skipped]
    # an entry whose file was deleted keeps only the fact (no fingerprints, no folder name)
    records = {k: (r if r.get("file") and (root / r["file"]).is_file() else DELETED) for k, r in existing.records.items()}
    for a in actions:
        if a.item is not None and a.record is not None:
            records[a.item.import_key] = a.record
    text = records_json(records)
    unused = [p.relative_to(photos.folder).as_posix() for p in photos.files if p not in photos.used] if photos else None
    return Plan(root, path, book.encoding_note, reading.sheets, actions, duplicates, reading.withheld, reading.ignored,
                reading.association_note, None if text == existing.records_text or not records else text, reading.defaults_used,
                unused)


@dataclass
class _Reading:
    """What the sheets of one workbook gave, gathered sheet by sheet."""

    sheets: list[SheetInfo] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    withheld: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    association_note: str = ""
    defaults_used: dict[str, str] = field(default_factory=dict)


def _read_sheet(grid, path: Path, facts: ProjectFacts, options: Options, reading: _Reading, several: bool) -> None:
    mapping = options.mapping
    filled = fill_merged(grid)
    try:
        header = require_header(grid, filled, mapping.columns)
    except ImportStop:
        if not several:
            raise
        reading.ignored.append(f"工作表「{grid.name}」：没有找到表头，没有导入")
        return
    columns = plan_columns(header.names, filled[header.first_data_row:], mapping.columns)
    if not (columns.has("name") or columns.has("collective")):
        if several:
            reading.ignored.append(f"工作表「{grid.name}」：表头第 {header.row + 1} 行没有“姓名”或“集体名称”列，没有导入")
            return
        raise ImportStop(f"工作表「{grid.name}」的表头（第 {header.row + 1} 行）没有“姓名”或“集体名称”列",
                         "在表头写上“姓名”，或用 --mapping 映射文件说明哪一列是姓名（见编辑指南“从 Excel 导入”）")
    # a sheet of collectives: named so (模范集体) without a 类型 column, or with 集体名称 and no 姓名
    collective_sheet = ("集体" in grid.name and not columns.has("kind")) or (columns.has("collective") and not columns.has("name"))
    defaults = Defaults(association=options.association or mapping.defaults.get("association", ""),
                        industry=mapping.defaults.get("industry", ""), id_prefix=mapping.id_prefix)
    if not defaults.association and not columns.has("association"):
        found = facts.association_in_title(header.title_lines + [grid.name, path.stem])
        if found:
            defaults.association = found
            reading.association_note = (f"所属协会：按表格标题判断为「{facts.associations[found].name}」（{found}）；"
                                        "不对时用 --association 指定")
    kind = COLLECTIVE if collective_sheet else ("mixed" if columns.has("kind") else WORKER)
    reading.sheets.append(SheetInfo(grid.name, header, columns, kind))
    for f in ("association", "industry"):
        reading.defaults_used.setdefault(f, getattr(defaults, f))
    result = read_rows(grid.name, filled, grid.rows, header, columns, facts, mapping, defaults, collective_sheet)
    reading.items += result.items
    reading.skipped += result.skipped
    reading.withheld += result.withheld


def _actions(items: list[Item], root: Path, existing: ExistingContent, photos: PhotoFolder | None, options: Options) -> list[Action]:
    reserved: set[str] = set()
    claimed: dict[str, Item] = {}
    name_counts: dict[str, int] = {}
    for it in items:
        name_counts[it.name] = name_counts.get(it.name, 0) + 1
    out = []
    for item in items:
        rec = existing.records.get(item.import_key)
        target = None
        if rec is not None:
            target = (existing.by_file(rec["file"]) if rec.get("file") else None) or existing.by_import_id(item.kind, item.import_key)
            if target is None:
                if rec.get("file") and (root / rec["file"]).is_file():
                    out.append(Action(item, SKIP, rec["file"], f"{rec['file']} 有格式错误，先运行 fengcai check 改好再导入"))
                    continue
                if not options.restore_deleted:
                    out.append(Action(item, SKIP, "", "上次导入后这份资料被删除了（例如本人撤回同意），不再重新创建；确需恢复时加 --restore-deleted",
                                      record=DELETED))
                    continue
                rec = None
        target = target or existing.by_import_id(item.kind, item.import_key) \
            or existing.by_identity(item.kind, item.name, item.employer, str(item.values.get("association") or ""))
        if target is not None and target.rel in claimed:
            other = claimed[target.rel]
            out.append(Action(item, SKIP, target.rel, f"和{other.where}对应到同一份资料，请核对这两行是不是同一人"))
            continue
        if target is not None:
            claimed[target.rel] = item
        out.append(_worker_or_collective(item, target, rec or {}, root, existing, photos, name_counts[item.name], reserved, options))
    return out


def _worker_or_collective(item, target, rec, root, existing, photos, same_name, reserved, options) -> Action:
    photo, photo_how = (photos.match(item, same_name) if photos and item.kind == WORKER else (None, ""))
    portrait = portrait_name(photo) if photo else ""
    theirs = theirs_of(item, portrait)
    base = rec.get("fields", {})
    if target is None:
        rel, folder = _new_location(item, root, reserved)
        ch = new_text(item, theirs, item.import_key)
        verb = NEW
        reason = "；".join(filter(None, [_new_reason(item, existing), photo_how and f"照片{photo_how}"] + item.notes))
    else:
        rel = target.rel
        folder = target.path.parent
        ch = update_text(target, item, theirs, base, options.overwrite)
        verb = UPDATE if ch.text is not None else SAME
        reason = _update_reason(ch, target)
    action = Action(item, verb, rel, reason)
    if ch.text is not None:
        action.writes[root / rel] = ch.text
    record = {"file": rel, "fields": ch.record}
    if item.kind == WORKER and item.values.get("story"):
        story_path = folder / "story.md"
        text = story_text(str(item.values["story"]))
        new_story, kept = story_change(story_path, text, base.get("story"), options.overwrite or target is None)
        if new_story is not None:
            action.writes[story_path] = new_story
            action.verb = NEW if target is None else UPDATE
            if target is not None:
                action.reason = _join(action.reason, "更新了事迹（story.md）")
        elif kept:
            action.reason = _join(action.reason, "事迹（story.md）有编辑修改，保留")
        record["fields"]["story"] = fingerprint(text)
    if photo is not None:
        photos.used[photo] = item.name
        digest = cleaned_digest(photo)          # the copy has no GPS: compare with what the copy would be
        dest = folder / portrait
        current = file_digest(dest) if dest.is_file() else None
        if current != digest:
            if current is None or options.overwrite or current == base.get("portrait_file"):
                action.copies.append((photo, dest))
                if action.verb == SAME:
                    action.verb = UPDATE
                if target is not None:
                    said = re.search(r"更新了[^；]*照片", action.reason)       # "更新了照片" already: say which one
                    action.reason = re.sub(r"(更新了[^；]*照片)", rf"\1（{photo.name}）", action.reason) if said \
                        else _join(action.reason, f"照片更新为 {photo.name}")
            else:
                action.reason = _join(action.reason, f"文件夹里的 {portrait} 被换过，保留（表格文件夹里是 {photo.name}；要替换加 --overwrite）")
        record["fields"]["portrait_file"] = digest
    action.record = record
    return action


def _join(a: str, b: str) -> str:
    return f"{a}；{b}" if a else b


def _new_location(item: Item, root: Path, reserved: set[str]) -> tuple[str, Path]:
    if item.kind == COLLECTIVE:
        base = root / "content" / "collectives"
        cid = unique_id(slugify_text(item.name), lambda i: (base / f"{i}.yml").exists() or ("c:" + i) in reserved)
        reserved.add("c:" + cid)
        return f"content/collectives/{cid}.yml", base
    workers = root / "workers"
    wid = unique_id(slugify_name(item.name), lambda i: (workers / i).exists() or ("w:" + i) in reserved)
    assert SLUG.match(wid)
    reserved.add("w:" + wid)
    return f"workers/{wid}/profile.yml", workers / wid


def _new_reason(item: Item, existing: ExistingContent) -> str:
    same = [e for e in existing.same_name(item.kind, item.name)]
    if same:
        return "已有同名的 " + "、".join(f"{e.rel.rsplit('/', 1)[0]}/（{canon(e.data.get('employer')) or canon(e.data.get('association'))}）" for e in same) \
            + "，单位不同，按另一个人新建；如果是同一个人，请统一单位名称后再导入"
    return ""


def _update_reason(ch: Change, target) -> str:
    parts = []
    if ch.changed:
        parts.append("更新了" + "、".join(ch.changed))
    if ch.added_honours:
        parts.append(f"荣誉有编辑修改，保留，并加入表格里新增的 {ch.added_honours} 项")
    kept = [k for k in ch.kept if not (k == LABELS["honors"] and ch.added_honours)]
    if kept:
        parts.append("、".join(kept) + " 有编辑修改，保留（要用表格里的值覆盖加 --overwrite）")
    return "；".join(parts)
