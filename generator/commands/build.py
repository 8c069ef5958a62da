"""fengcai build [--root DIR] [--out DIR] [--no-booklets]: check, then build the website (and booklets)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..check import check_tree
from ..project import find_root
from ..site.site_build import SiteBuildError, build_site_dir


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--root", type=Path, default=None, help="项目根目录（含 content/ 和 workers/），默认自动查找")
    p.add_argument("--out", type=Path, default=Path("site"), help="网站输出文件夹（默认 site/）")
    p.add_argument("--no-booklets", action="store_true", help="只生成网站，不生成 PDF 小册子")


def run(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    if root is None:
        print("错误: 找不到内容目录（content/ 或 workers/） — 提示: 在项目根目录下运行，或用 --root 指定", file=sys.stderr)
        return 2
    print("第 1 步：检查内容…", flush=True)
    model, report = check_tree(root)
    if report is not None and report.problems:
        print(report.format_text(color=sys.stderr.isatty() and not os.environ.get("NO_COLOR")),
              file=sys.stderr if not report.ok else sys.stdout)
    if report is not None and not report.ok:
        print("内容有错误，网站没有生成，原来的网站保持不变。", file=sys.stderr)
        return 1
    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    print("第 2 步：生成网站和搜索索引…", flush=True)
    extra = None if args.no_booklets else (lambda site_dir: _booklets(model, site_dir))
    try:
        result = build_site_dir(root, model, out, extra)
    except SiteBuildError as e:
        print(f"错误: {e}", file=sys.stderr)
        print("网站没有生成，原来的网站保持不变。", file=sys.stderr)
        return 1
    except _BookletFailed as e:
        print(f"错误: 小册子生成失败：{e}", file=sys.stderr)
        print("网站没有更新，原来的网站保持不变。可以先用 --no-booklets 只生成网站。", file=sys.stderr)
        return 1
    print(f"完成：{result.pages} 个页面，用时 {result.seconds:.1f} 秒，输出到 {result.out_dir}")
    return 0


class _BookletFailed(Exception):
    pass


def _booklets(model, site_dir: Path) -> None:
    try:
        from ..booklet.build import build_booklets
    except ImportError:
        print("提示：小册子模块尚未提供，已跳过小册子。")
        return
    print("第 3 步：生成 PDF 小册子…", flush=True)
    try:
        paths = build_booklets(model.public(), site_dir / "booklets", None)
    except Exception as e:  # BookletError carries a Chinese message; anything else is reported the same way
        raise _BookletFailed(str(e)) from None
    print(f"小册子：{len(paths)} 本")
