"""fengcai check [PATH...] [--format text|json|github] [--changed [--base REF]]"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..check import check_tree
from ..project import NO_ROOT, find_root


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="*", help="只报告这些文件或文件夹的问题（默认：全部内容）")
    p.add_argument("--root", type=Path, default=None, help="项目根目录（含 content/ 和 workers/），默认自动查找")
    p.add_argument("--format", choices=("text", "json", "github"), default="text", help="输出格式：text（默认）、json、github（PR 注释）")
    p.add_argument("--changed", action="store_true", help="只检查相对于 --base 改动过的内容及引用它们的内容")
    p.add_argument("--base", default="origin/main", help="--changed 比较的分支或提交（默认 origin/main）")


def run(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    if root is None:
        print(NO_ROOT, file=sys.stderr)
        return 2
    only = None
    if args.paths:
        only = set()
        for p in args.paths:
            ap = Path(p).resolve()
            try:
                only.add(ap.relative_to(root).as_posix())
            except ValueError:
                print(f"错误: {p} 不在项目目录 {root} 里", file=sys.stderr)
                return 2
    _model, report = check_tree(root, only, args.base if args.changed else None)
    if report is None:
        print(f"错误: 无法和「{args.base}」比较（不是 Git 仓库，或没有这个分支/提交） — 提示: 用 --base 指定，例如 --base main", file=sys.stderr)
        return 2
    if args.format == "json":
        print(report.format_json())
    elif args.format == "github":
        print(report.format_github())
    else:
        print(report.format_text(color=sys.stdout.isatty() and not os.environ.get("NO_COLOR")))
    return 0 if report.ok else 1
