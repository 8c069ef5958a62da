"""Pagefind: index the built site (pages marked data-pagefind-body) into <site>/pagefind/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from . import pagefind_stable


# Pagefind also writes its ready-made UIs; our search page uses only the JS API (pagefind.js).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")


# Pagefind cuts its word index into chunks of about this many word positions (default 20,000). A query
# loads the chunk of each word it looks up; the name lookups of the search page (one pinyin word each)
# load a third as much with smaller chunks, for ~2 KB more in the file every search loads first (10,000
# workers: ~12 KB instead of ~40 KB per pinyin chunk; bench/run.py measures it).
INDEX_CHUNK_SIZE = 6000


class SearchIndexError(RuntimeError):
    pass


def index_site(site_dir: Path) -> None:
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    env = {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(INDEX_CHUNK_SIZE)}
    result = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise SearchIndexError(f"生成搜索索引失败（Pagefind）：{detail}")
    for name in UNUSED:
        (Path(site_dir) / "pagefind" / name).unlink(missing_ok=True)
    pagefind_stable.stabilise(Path(site_dir) / "pagefind")   # same content, same index files
