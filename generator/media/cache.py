"""The cache folder: content-addressed derivative files, a manifest of when each was last wanted,
a memo of source hashes, and writes that never leave a half-written file under a final name.

Layout (all under `cache_dir`, which lives outside the site output):

    media/img/<key>-<width>.webp   web derivatives, same relative path they get in the site
    media/video/<hash>.mp4 …       hashed copies of videos, audio and other files
    print/<key>.jpg                300-dpi booklet images (never published)
    manifest.json                  {"run": N, "wanted": {relative path: last run that wanted it}}
    sources.json                   {source path: [mtime_ns, size, sha256, probe info]}

A derivative's name is derived from its source's content hash and its parameters, so "the file
exists" is the whole cache test: no manifest lookup is needed to skip work.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
from pathlib import Path

TMP_SUFFIX = ".tmp"
STALE_TMP_SECONDS = 3600   # temp files older than this belong to a crashed run, not a concurrent one


def file_sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def temp_path_for(dest: Path) -> Path:
    """A unique sibling name, hidden and ending in .tmp, so a crash leaves something `prune` recognises."""
    return dest.with_name(f".{dest.name}.{os.getpid()}.{time.monotonic_ns()}{TMP_SUFFIX}")


@contextlib.contextmanager
def atomic_write(dest: Path):
    """Yield a temp path to write; on success it becomes `dest` in one rename, on failure it is removed."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path_for(dest)
    try:
        yield tmp
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)


def write_json(dest: Path, data) -> None:
    with atomic_write(dest) as tmp:
        tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def read_json(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}   # missing or damaged: start afresh; only costs re-hashing


def link_or_copy(src: Path, dest: Path) -> None:
    """Place `src` at `dest`: a hard link when possible (instant, no extra disk), else a copy."""
    if dest.exists():
        if os.path.samefile(src, dest):
            return
        dest.unlink()
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dest)
    except OSError:   # other file system, or links not allowed
        with atomic_write(dest) as tmp:
            shutil.copyfile(src, tmp)


class SourceMemo:
    """Content hash and probe results per source file, trusted while (mtime, size) are unchanged.

    Persisted, so a fresh build of an unchanged site stats each source instead of reading it.
    Paths are plain absolute strings: this sits on the hot path of 10,000-worker builds.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._entries: dict[str, list] = read_json(path)
        self._dirty = False

    def lookup(self, src: str, st: os.stat_result) -> dict:
        """What is remembered about `src` ({"sha": …, "image": {…}, …}); {} when unknown or stale."""
        entry = self._entries.get(src)
        if entry and entry[0] == st.st_mtime_ns and entry[1] == st.st_size:
            return entry[2]
        return {}

    def remember(self, src: str, st: os.stat_result, fields: dict) -> None:
        entry = self._entries.get(src)
        if not entry or entry[0] != st.st_mtime_ns or entry[1] != st.st_size:
            entry = self._entries[src] = [st.st_mtime_ns, st.st_size, {}]
        entry[2].update(fields)
        self._dirty = True

    def save(self) -> None:
        if not self._dirty:
            return
        alive = {p: e for p, e in self._entries.items() if os.path.exists(p)}
        write_json(self._path, alive)
        self._dirty = False


class Manifest:
    """Which cache files recent runs wanted, so `prune` can drop the rest."""

    def __init__(self, path: Path) -> None:
        self._path = path
        data = read_json(path)
        self.run: int = int(data.get("run", 0))
        self.wanted: dict[str, int] = dict(data.get("wanted", {}))

    def record_run(self, rel_paths) -> None:
        self.run += 1
        for rel in rel_paths:
            self.wanted[rel] = self.run
        write_json(self._path, {"run": self.run, "wanted": self.wanted})

    def keep(self, keep_runs: int) -> set[str]:
        oldest = self.run - keep_runs + 1
        return {rel for rel, run in self.wanted.items() if run >= oldest}

    def forget_all_but(self, kept: set[str]) -> None:
        self.wanted = {rel: run for rel, run in self.wanted.items() if rel in kept}
        write_json(self._path, {"run": self.run, "wanted": self.wanted})


def prune(cache_dir: Path, manifest: Manifest, keep_runs: int) -> tuple[int, int]:
    """Delete cache files no run among the last `keep_runs` wanted, and crashed runs' temp files.

    Returns (files removed, bytes freed). Only looks inside the folders this package writes.
    """
    kept = manifest.keep(keep_runs)
    removed = freed = 0
    now = time.time()
    for folder in ("media", "print"):
        root = cache_dir / folder
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            if not path.is_file():
                continue
            rel = path.relative_to(cache_dir).as_posix()
            if path.name.endswith(TMP_SUFFIX):
                stale = now - path.stat().st_mtime > STALE_TMP_SECONDS
            else:
                stale = rel not in kept
            if stale:
                freed += path.stat().st_size
                path.unlink(missing_ok=True)
                removed += 1
    manifest.forget_all_but(kept)
    return removed, freed
