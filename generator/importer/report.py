"""What an import tells the editor: the per-row table (`--dry-run`) and the summary, in Chinese."""

from __future__ import annotations

import unicodedata

from .column_plan import column_letter
from .items import COLLECTIVE, KIND_LABELS
from .plan import NEW, SAME, SKIP, UPDATE, Plan

DRAFT_NOTE = "已导入为草稿：本人同意公开后，填写 consent 并删除 draft"


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def pad(s: str, n: int) -> str:
    return s + " " * max(0, n - width(s))


def table(plan: Plan, only_notable: bool = False) -> str:
    """One line per person, collective or skipped row, in sheet order. `only_notable`: only the people
    and collectives skipped or with something to say (after a real import)."""
    rows = []
    for a in sorted(plan.actions, key=_order):
        if only_notable and (a.item is None or not (a.verb == SKIP or a.reason)):
            continue
        if a.item is not None:
            where = f"{a.item.sheet} " + "、".join(map(str, a.item.rows)) if len(plan.sheets) > 1 else "、".join(map(str, a.item.rows))
            who = a.item.name + ("（集体）" if a.item.kind == COLLECTIVE else "")
            rows.append((where, who, a.verb, _target(a), a.reason))
        else:
            s = a.skipped_row
            where = f"{s.sheet} {s.row}" if len(plan.sheets) > 1 else str(s.row)
            rows.append((where, s.name or "—", SKIP, "", a.reason))
    if not rows:
        return ""
    head = ("行", "姓名/名称", "操作", "文件", "说明")
    widths = [max([width(head[i])] + [width(r[i]) for r in rows]) for i in range(4)]
    widths = [min(w, 40) for w in widths]
    out = ["  ".join(pad(h, widths[i]) if i < 4 else h for i, h in enumerate(head))]
    out.append("  ".join("-" * widths[i] if i < 4 else "----" for i in range(5)))
    for r in rows:
        out.append("  ".join(pad(c, widths[i]) if i < 4 else c for i, c in enumerate(r)).rstrip())
    return "\n".join(out)


def _order(a) -> tuple:
    if a.item is not None:
        return (a.item.sheet, a.item.rows[0])
    return (a.skipped_row.sheet, a.skipped_row.row)


def _target(a) -> str:
    t = a.target
    return t[: -len("/profile.yml")] + "/" if t.endswith("/profile.yml") else t


def summary(plan: Plan, dry_run: bool) -> list[str]:
    out = [f"表格：{plan.source.name}" + (f"（编码：{plan.encoding_note}）" if plan.encoding_note else "")]
    for s in plan.sheets:
        depth = f"第 {s.header.row + 1}–{s.header.row + 2} 行（两行表头）" if s.header.depth == 2 else f"第 {s.header.row + 1} 行"
        out.append(f"工作表「{s.name}」：表头在{depth}；导入的列：{'、'.join(s.columns.recognised()) or '无'}")
        if s.columns.dropped:
            cols = "、".join(f"{c.header or '（无列名）'}（第 {column_letter(c.index)} 列，{what}）" for c, what in s.columns.dropped)
            out.append(f"  已丢弃的列：{cols} —— 这些列的内容没有保存到任何文件里")
        if s.columns.birth:
            out.append(f"  {'、'.join(c.header for c in s.columns.birth)}：只保留出生年份，月和日没有保存")
        if s.columns.unused:
            out.append(f"  没有导入的列（资料里没有这一项）：{'、'.join(c.header for c in s.columns.unused)}")
        if s.columns.unknown:
            out.append(f"  不认识的列，没有导入：{'、'.join(c.header or '（无列名）' for c in s.columns.unknown)}"
                       " —— 需要时用 --mapping 映射文件说明它对应哪一项")
        if s.kind != COLLECTIVE:
            for f, label, hint in (("industry", "行业", "industry: 制造业"), ("association", "所属协会", "association: changxing")):
                if not s.columns.has(f) and not plan.defaults_used.get(f):
                    out.append(f"  表格里没有“{label}”列：新建的资料里{label}写成了【待填写】，要逐份补上；"
                               f"如果都一样，可以在映射文件的 defaults 里写 {hint} 统一填写")
    out += [f"  {line}" for line in plan.ignored_sheets]
    if plan.association_note:
        out.append(plan.association_note)
    if plan.withheld:
        out.append(f"含个人信息、没有导入的格子（{len(plan.withheld)} 个）：" + "；".join(plan.withheld[:20])
                   + ("……" if len(plan.withheld) > 20 else ""))
    if plan.duplicates:
        out.append(f"表内重复或同名（{len(plan.duplicates)} 处）：")
        out += [f"  {d}" for d in plan.duplicates]
    if plan.photos_unused:
        shown = "、".join(plan.photos_unused[:20]) + ("……" if len(plan.photos_unused) > 20 else "")
        out.append(f"照片文件夹里没有对上任何人的照片（{len(plan.photos_unused)} 张）：{shown} —— 把文件名改成姓名（孙梅金.jpg）"
                   "或表格里的编号、序号（17.jpg），或在表格的“照片”列写上文件名，再导入一次")
    counts = {}
    for a in plan.actions:
        kind = a.item.kind if a.item else "row"
        counts[(kind, a.verb)] = counts.get((kind, a.verb), 0) + 1
    will = "将" if dry_run else ""
    for kind in ("worker", "collective"):
        parts = [f"{will}{verb} {counts[(kind, verb)]}" for verb in (NEW, UPDATE, SAME, SKIP) if counts.get((kind, verb))]
        if parts:
            out.append(f"{KIND_LABELS[kind]}：" + "，".join(parts))
    if counts.get(("row", SKIP)):
        out.append(f"跳过的行（标题、合计、空姓名等）：{counts[('row', SKIP)]}")
    if any(a.verb == NEW and a.item is not None for a in plan.actions):
        out.append(DRAFT_NOTE + "（模范集体核对后删除 draft 即可）。")
    return out
