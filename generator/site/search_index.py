"""Pagefind: index the built site (pages marked data-pagefind-body) into <site>/pagefind/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from . import pagefind_stable


# Pagefind also writes its ready-made UIs; our search page uses only the JS API (pagefind.js).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")


class SearchIndexError(RuntimeError):
    pass


def index_site(site_dir: Path) -> None:
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise SearchIndexError(f"生成搜索索引失败（Pagefind）：{detail}")
    for name in UNUSED:
        (Path(site_dir) / "pagefind" / name).unlink(missing_ok=True)
    pagefind_stable.stabilise(Path(site_dir) / "pagefind")   # same content, same index files
