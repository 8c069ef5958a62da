"""Write a Plan: each file to a temporary name first, then renamed into place (never half-written)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .existing import RECORDS
from .photos import cleaned_photo
from .plan import Plan


def write_plan(plan: Plan, progress: bool | None = None) -> list[str]:
    """Writes every change; returns the files written or copied, relative to the project root."""
    todo = [a for a in plan.actions if a.writes or a.copies]
    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    if show and len(todo) > 20:
        from tqdm import tqdm
        bar = tqdm(total=len(todo), unit="条", desc="写入资料", dynamic_ncols=True, leave=False)
    written: list[str] = []
    try:
        for action in todo:
            for path, text in action.writes.items():
                _atomic_write(path, text.encode("utf-8"))
                written.append(path.relative_to(plan.root).as_posix())
            for src, dest in action.copies:
                _atomic_copy(src, dest)
                written.append(dest.relative_to(plan.root).as_posix())
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    if plan.records_text is not None:
        _atomic_write(plan.root / RECORDS, plan.records_text.encode("utf-8"))
        written.append(RECORDS)
    return written


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.importing")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _atomic_copy(src: Path, dest: Path) -> None:
    """A photo into the repository, without where it was taken (see photo_metadata: the repository may be public)."""
    _atomic_write(dest, cleaned_photo(src))
