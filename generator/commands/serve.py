"""fengcai serve [--root DIR] [--port N]: preview the site locally; rebuilds when content changes (mkdocs serve)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..project import find_root
from ..site.site_build import config_file


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--root", type=Path, default=None, help="项目根目录（含 content/ 和 workers/），默认自动查找")
    p.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")


def run(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    root = find_root(args.root)
    if root is None:
        print("错误: 找不到内容目录（content/ 或 workers/） — 提示: 在项目根目录下运行，或用 --root 指定", file=sys.stderr)
        return 2
    os.environ["FENGCAI_ROOT"] = str(root)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    print(f"预览地址：http://127.0.0.1:{args.port}/ （按 Ctrl+C 结束）", flush=True)
    try:
        serve(config_file=str(config_file(root)), dev_addr=f"127.0.0.1:{args.port}", livereload=True)
    except MkDocsException as e:
        print(f"错误: {e}", file=sys.stderr)
        return 1
    return 0
