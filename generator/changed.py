"""What a pull request touches, and everything that refers to it: the scope of `fengcai check --changed`."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .model.corpus import Model
from .model.kinds import SITE, files_of, item_of

ALL = None  # a change to site.yml (vocabularies, settings) can affect every file


def changed_files(root: Path, base: str) -> set[str] | None:
    """Files changed since the merge base with `base`, including uncommitted and untracked ones."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True).stdout
    try:
        top = Path(git("rev-parse", "--show-toplevel").strip())
        mb = git("merge-base", base, "HEAD").strip()
        names = git("diff", "--name-only", "-z", mb).split("\0") + git("ls-files", "--others", "--exclude-standard", "-z").split("\0")
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None
    prefix = root.resolve().relative_to(top.resolve()).as_posix() if root.resolve() != top.resolve() else ""
    out = set()
    for n in filter(None, names):
        if prefix:
            if not n.startswith(prefix + "/"):
                continue
            n = n[len(prefix) + 1:]
        out.add(n)
    return out


def scope_of(model: Model, changed: set[str]) -> set[str] | None:
    """The changed items plus every item that refers to one of them, as file/folder paths."""
    items = {it for it in map(item_of, changed) if it}
    if SITE in items:
        return ALL
    scope: set[tuple[str, str]] = set(items)
    for kind, key in items:
        scope |= model.referrers(kind, key)
        if kind == "worker":   # the same person in another folder is reported there too
            w = model.workers.get(key)
            if w:
                scope |= {("worker", o.id) for o in model.workers.values() if o.name == w.name and o.employer == w.employer}
    out: set[str] = set(changed)
    for kind, key in scope:
        out |= files_of(kind, key)
    return out

