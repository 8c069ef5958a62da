"""Where the project is: the folder that holds content/ and workers/."""

from __future__ import annotations

from pathlib import Path

NO_ROOT = "错误: 找不到内容目录（content/ 或 workers/） — 提示: 在项目根目录下运行，或用 --root 指定"   # every command says it the same way


def find_root(explicit: Path | None = None) -> Path | None:
    """`explicit`, or the nearest folder upwards from the current one that has content/ or workers/."""
    if explicit is not None:
        p = Path(explicit).resolve()
        return p if (p / "content").is_dir() or (p / "workers").is_dir() else None
    here = Path.cwd().resolve()
    for p in (here, *here.parents):
        if (p / "content").is_dir() or (p / "workers").is_dir():
            return p
    return None
