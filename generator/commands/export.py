"""fengcai export --xlsx FILE [--association ID]: the published register as an Excel workbook."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..content.fields import SLUG
from ..gate import ContentRefused, open_public
from ..project import NO_ROOT, find_root
from ..safe_folders import Guard, RefusedTarget, check_file


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--xlsx", type=Path, required=True, metavar="文件.xlsx", help="写入的 Excel 文件，例如 劳模名录.xlsx")
    p.add_argument("--association", default="", help="只导出这个协会（和它下级协会）的资料，例如 changxing")
    p.add_argument("--root", type=Path, default=None, help="项目根目录（含 content/ 和 workers/），默认自动查找")


def checked_public_model(root: Path):
    """The content every output may show, from the gate (generator.gate: every rule, then drafts and
    withdrawn people removed). None (problems printed) when the content has errors."""
    try:
        return open_public(root).public
    except ContentRefused as e:
        print(e.text(color=sys.stderr.isatty() and not os.environ.get("NO_COLOR")), file=sys.stderr)
        print("内容有错误，没有导出。按上面的提示修改后再导出。", file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    from ..register_export import is_our_register, write_register

    root = find_root(args.root)
    if root is None:
        print(NO_ROOT, file=sys.stderr)
        return 2
    out: Path = args.xlsx
    if out.suffix.lower() != ".xlsx":
        print(f"错误: 「{out.name}」不是 .xlsx 文件名 — 提示: 写成例如 劳模名录.xlsx", file=sys.stderr)
        return 2
    if args.association and not SLUG.match(args.association):
        print(f"错误: --association 的值「{args.association}」不是有效的编号 — 提示: 只能用小写字母、数字和连字符，例如 changxing", file=sys.stderr)
        return 2
    try:   # never over an editor's own workbook (e.g. the register just imported), nor into content/ or workers/
        target = check_file(out, is_our_register, Guard(project=root), "导出名录到")
    except RefusedTarget as e:
        print(f"错误: {e}", file=sys.stderr)
        return 2
    model = checked_public_model(root)
    if model is None:
        return 1
    if args.association and args.association not in model.associations:
        print(f"错误: 协会编号「{args.association}」不存在 — 提示: 可用的编号：{'、'.join(sorted(model.associations))}", file=sys.stderr)
        return 2
    try:
        workers, collectives = write_register(model, target, args.association)
    except PermissionError:
        print(f"错误: 无法写入「{out}」：没有写入权限，或文件正在 Excel/WPS 里打开 — 提示: 关闭这个文件后再导出，或换一个文件名", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"错误: 无法写入「{out}」（{e.strerror or e}） — 提示: 检查文件夹是否存在、磁盘是否已满", file=sys.stderr)
        return 1
    print(f"已导出 {workers} 位劳模、{collectives} 个模范集体到 {out}（只含已公开的资料，草稿不在其中）。")
    return 0
