"""Items → file contents: a new profile from the `fengcai new` template, or an existing one updated
field by field under the rerun rule (see existing.py and docs/编辑指南.md “从 Excel 导入”)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .existing import Existing, canon, fingerprint
from .items import COLLECTIVE, Item
from .values import norm_key
from .yaml_text import comment_text, insert_after_header, render_template, set_value, template_order

WORKER_FIELDS = ("name", "association", "employer", "position", "industry", "gender", "birth_year", "honors", "portrait", "quote")
COLLECTIVE_FIELDS = ("name", "association", "honors", "members", "summary")
LABELS = {"name": "姓名", "association": "所属协会", "employer": "工作单位", "position": "职务", "industry": "行业",
          "gender": "性别", "birth_year": "出生年份", "honors": "荣誉", "portrait": "照片", "quote": "格言",
          "members": "人数", "summary": "简介", "story": "事迹", "import_id": "导入编号"}
PLACEHOLDER_LEVEL = "【待填写：级别，例如 municipal】"
PLACEHOLDER_YEAR = "【待填写：获得年份，例如 2020】"
IMPORT_ID_COMMENT = ["# 表格导入编号（fengcai import 自动填写，不会发布）：再次导入同一张表时靠它找到这份资料，请不要修改"]
CONSENT_COMMENT = [
    "# 这份资料是从表格导入的草稿，还没有本人同意公开的记录。本人同意后，把下面的 consent: 写成（冒号后空一格）：",
    "# consent:",
    "#   date: 2025-03-12",
    "#   note: 本人书面同意公开，同意书原件存协会档案",
    "# 然后把最后的 draft: true 改成 draft: false。",
]
COLLECTIVE_DRAFT_COMMENT = "# 这份资料是从表格导入的草稿：核对无误后把 draft: true 改成 draft: false 即可发布"
_ORDER = {"worker.yml": template_order("worker.yml"), "collective.yml": template_order("collective.yml")}


@dataclass
class Change:
    """What one item does to one file: the new text (None = leave as is) and what the editor should know."""

    text: str | None = None
    changed: list[str] = field(default_factory=list)     # field labels written
    kept: list[str] = field(default_factory=list)        # field labels an editor changed, kept as they are
    added_honours: int = 0
    record: dict = field(default_factory=dict)           # field → fingerprint(s) of the register's values


def theirs_of(item: Item, portrait: str = "") -> dict:
    """The values the register gives for this item, as they would be written."""
    fields = COLLECTIVE_FIELDS if item.kind == COLLECTIVE else WORKER_FIELDS
    out = {}
    for key in fields:
        if key == "honors":
            if item.honours:
                out[key] = [honour_dict(h) for h in item.honours]
        elif key == "portrait":
            if portrait:
                out[key] = portrait
        elif item.values.get(key) not in (None, ""):
            out[key] = item.values[key]
    return out


def honour_dict(h) -> dict:
    d = {"title": h.title, "level": h.level or PLACEHOLDER_LEVEL, "year": h.year if h.year else PLACEHOLDER_YEAR}
    if h.awarded_by:
        d["awarded_by"] = h.awarded_by
    return d


def new_text(item: Item, theirs: dict, import_key: str) -> Change:
    template = "collective.yml" if item.kind == COLLECTIVE else "worker.yml"
    assoc = theirs.get("association") or ("【待填写：协会编号】" if item.kind == COLLECTIVE else "【待填写：协会编号，例如 nanxun】")
    text = render_template(template, name=item.name, association=assoc)
    if item.note:
        text = insert_after_header(text, [f"# 表格里的备注（只供编辑参考，不会发布）：{comment_text(item.note)}"])
    order = _ORDER[template]
    for key, value in theirs.items():
        if key not in ("name", "association"):
            text = set_value(text, key, value, order)
    if item.kind == COLLECTIVE:
        text = text.replace("\ndraft: false", f"\n{COLLECTIVE_DRAFT_COMMENT}\ndraft: true")
    else:
        text = set_value(text, "consent", None, order)
        text = text.replace("\nconsent:\n", "\n" + "\n".join(CONSENT_COMMENT) + "\nconsent:\n", 1)
        text = set_value(text, "draft", True, order)
    text = set_value(text, "import_id", import_key, order, IMPORT_ID_COMMENT)
    text = text.rstrip("\n") + "\n"
    return Change(text, changed=[LABELS[k] for k in theirs], record=record_of(theirs, {}))


def record_of(theirs: dict, old: dict) -> dict:
    rec = {k: v for k, v in old.items() if k not in theirs}
    for key, value in theirs.items():
        rec[key] = honour_fps(value) if key == "honors" else fingerprint(value)
    return rec


def update_text(existing: Existing, item: Item, theirs: dict, base: dict, overwrite: bool) -> Change:
    template = "collective.yml" if item.kind == COLLECTIVE else "worker.yml"
    order = _ORDER[template]
    text = existing.path.read_text(encoding="utf-8-sig")
    ch = Change(record=record_of(theirs, base))
    for key, value in theirs.items():
        mine = existing.data.get(key)
        if key == "honors":
            merged, kept, added = merge_honours(mine, value, base.get("honors"), overwrite)
            ch.added_honours += added
            if kept:
                ch.kept.append(LABELS[key])
            if merged is not None:
                text = set_value(text, key, merged, order)
                ch.changed.append(LABELS[key])
            continue
        write, kept = decide(mine, value, base.get(key), overwrite)
        if kept:
            ch.kept.append(LABELS[key])
        if write:
            text = set_value(text, key, value, order)
            ch.changed.append(LABELS[key])
    if ch.changed:
        ch.text = text.rstrip("\n") + "\n"
    return ch


def decide(mine, theirs, base_fp: str | None, overwrite: bool) -> tuple[bool, bool]:
    """(write the register's value, an editor's change was kept). The rerun rule for one value."""
    if canon(theirs) == "" or canon(mine) == canon(theirs):
        return False, False
    if canon(mine) == "" or overwrite or (base_fp is not None and fingerprint(mine) == base_fp):
        return True, False
    return False, True


def merge_honours(mine, theirs: list[dict], base_fps: list | None, overwrite: bool) -> tuple[list | None, bool, int]:
    """(list to write or None, an editor's change was kept, honours added to the editor's list).

    Honours compare by title, level and year, in any order. Untouched since the last import → the
    register's list. Changed by an editor (or never imported) → the editor's list, plus the honours the
    register gained since the last import; one the editor removed stays removed."""
    mine_list = [h for h in mine if canon(h).strip("|")] if isinstance(mine, list) else []
    if honour_fps(mine_list) == honour_fps(theirs):
        return None, False, 0
    if not mine_list or overwrite or (base_fps is not None and honour_fps(mine_list) == sorted(base_fps)):
        return theirs, False, 0
    have = {_honour_key(h) for h in mine_list if isinstance(h, dict)}
    seen = set(base_fps or ())
    new = [h for h in theirs if honour_fp(h) not in seen and _honour_key(h) not in have]
    missing = [h for h in theirs if _honour_key(h) not in have and h not in new]
    differs = any(_honour_key(h) in have and honour_fp(h) not in honour_fps(mine_list) for h in theirs)
    kept = bool(missing) or differs
    if not new:
        return None, kept, 0
    return [h if isinstance(h, dict) else {"title": h} for h in mine_list] + new, kept, len(new)


def honour_fp(h) -> str:
    """An honour's fingerprint: title, level and year (授予单位 aside)."""
    if isinstance(h, dict):
        return fingerprint("|".join(canon(h.get(k)) for k in ("title", "level", "year")))
    return fingerprint(h)


def honour_fps(honours: list) -> list[str]:
    return sorted(honour_fp(h) for h in honours)


def _honour_key(h: dict) -> tuple:
    return (norm_key(str(h.get("title") or "")), canon(h.get("year")))


def story_text(text: str) -> str:
    """A register's 事迹 cell as Markdown paragraphs."""
    paras = [p.strip() for p in text.replace("\r", "").split("\n") if p.strip()]
    return "\n\n".join(paras) + "\n"


def story_change(path: Path, theirs: str, base_fp: str | None, overwrite: bool) -> tuple[str | None, bool]:
    mine = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
    write, kept = decide(mine, theirs, base_fp, overwrite)
    return (theirs if write else None), kept
