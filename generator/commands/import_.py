"""fengcai import FILE.xlsx|FILE.csv [--association ID] [--mapping FILE] [--photos DIR] [--sheet NAME]
[--dry-run] [--overwrite] [--restore-deleted]: a register → draft profiles (see generator/importer/)."""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

from ..check import check_tree
from ..content.fields import SLUG
from ..importer import ImportStop, Options, make_plan, write_plan
from ..importer.mapping import load_mapping
from ..importer.report import summary, table
from ..project import NO_ROOT, find_root


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, metavar="表格文件", help="劳模名录表格：.xlsx 或 .csv（UTF-8 或 GBK 编码）")
    p.add_argument("--association", default="", metavar="协会编号", help="所属协会编号（表格里没有“所属协会/区县”列时用），例如 changxing")
    p.add_argument("--mapping", type=Path, default=None, metavar="映射.yml", help="映射文件（YAML）：说明不认识的列名、协会和行业的写法，见编辑指南“从 Excel 导入”")
    p.add_argument("--photos", type=Path, default=None, metavar="照片文件夹", help="照片文件夹：按姓名、编号或序号找到每个人的照片，复制为肖像")
    p.add_argument("--sheet", default="", metavar="工作表名", help="只导入这个工作表（默认：所有有表头的工作表）")
    p.add_argument("--dry-run", action="store_true", help="只列出每一行会怎样处理（新建/更新/跳过），不写任何文件")
    p.add_argument("--overwrite", action="store_true", help="用表格里的值覆盖编辑手工改过的项（默认保留编辑的修改）")
    p.add_argument("--restore-deleted", action="store_true", help="重新创建上次导入后被删除的资料（默认不恢复，例如本人撤回了同意）")
    p.add_argument("--root", type=Path, default=None, help="项目根目录（含 content/ 和 workers/），默认自动查找")


def run(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    if root is None:
        print(NO_ROOT, file=sys.stderr)
        return 2
    if args.association and not SLUG.match(args.association):
        print(f"错误: --association 的值「{args.association}」不是有效的编号 — 提示: 只能用小写字母、数字和连字符，例如 changxing", file=sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        options = Options(association=args.association, mapping=load_mapping(args.mapping), photos=args.photos,
                          overwrite=args.overwrite, restore_deleted=args.restore_deleted, sheet=args.sheet)
        plan = make_plan(args.file.resolve() if args.file.exists() else args.file, root, options)
    except ImportStop as e:
        print(str(e), file=sys.stderr)
        return 2
    if args.dry_run:
        print(table(plan))
        print()
        print("\n".join(summary(plan, dry_run=True)))
        print("这是预演（--dry-run）：没有写入任何文件。去掉 --dry-run 即可导入。")
        return 0
    written = write_plan(plan)
    notable = table(plan, only_notable=True)
    if notable:
        print("需要留意的行：")
        print(notable)
        print()
    print("\n".join(summary(plan, dry_run=False)))
    print(f"写入 {len(written)} 个文件，用时 {time.perf_counter() - started:.1f} 秒。" if written else "没有需要修改的文件。")
    if not written:
        return 0
    scope = {w.rsplit("/", 1)[0] if w.startswith("workers/") else w for w in written}
    _model, report = check_tree(root, scope)
    if report is None or not report.problems:
        print("检查刚写入的资料：没有发现问题。")
        return 0
    print("\n检查刚写入的资料：")
    problems = report.sorted()
    if len(problems) <= MAX_LISTED:
        print(report.format_text(color=sys.stdout.isatty() and not os.environ.get("NO_COLOR")))
    else:
        print(grouped(problems))
        print(report.summary() + " 运行 fengcai check 可以看到每一条。")
    if not report.ok:
        print("导入的草稿里还有要补全的地方（例如【待填写…】）；补全之前，fengcai check 和 fengcai build 会报这些错误。")
    return 0


MAX_LISTED = 20


def grouped(problems) -> str:
    """Hundreds of profiles with the same gap: one line per kind of problem, with a count and an example."""
    groups: dict[tuple, list] = {}
    for p in problems:
        groups.setdefault((p.severity, p.code, re.sub(r"「[^」]*」", "「…」", p.message) if p.code != "content.placeholder" else p.message), []).append(p)
    lines = []
    for (severity, code, message), ps in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        label = "错误" if severity == "error" else "警告"
        lines.append(f"{label}（{code}）×{len(ps)}：{message} — 例如 {ps[0].loc}" + (f" — 提示: {ps[0].hint}" if ps[0].hint else ""))
    return "\n".join(lines)
