"""fengcai serve [--root DIR] [--port N]: live preview on 127.0.0.1; rebuilds and reloads on every content change.

Content errors do not stop it: they are printed like `fengcai check` and shown at the top of every page
(see generator/site/preview.py and preview_server.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..project import NO_ROOT, find_root


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--root", type=Path, default=None, help="项目根目录（含 content/ 和 workers/），默认自动查找")
    p.add_argument("--port", type=int, default=8000, help="端口（默认 8000）")


def run(args: argparse.Namespace) -> int:
    from ..site.preview_server import serve

    root = find_root(args.root)
    if root is None:
        print(NO_ROOT, file=sys.stderr)
        return 2
    return serve(root, args.port)
