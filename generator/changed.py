"""What a pull request touches, and everything that refers to it: the scope of `fengcai check --changed`."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .model.corpus import Model
from .model.offerings import references

ALL = None  # a change to site.yml (vocabularies, settings) can affect every file
OFFERING_FOLDERS = {"products": "product", "services": "service", "requests": "request"}


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


def item_of(path: str) -> tuple[str, str] | None:
    """("worker", id), ("association", id), … for a content file path; None for other files."""
    parts = path.split("/")
    if parts[0] == "workers" and len(parts) >= 2:
        return ("worker", parts[1])
    if parts[0] == "content" and len(parts) == 3:
        kind = {"associations": "association", "collectives": "collective", "studios": "studio",
                "stories": "story", "pages": "page", **OFFERING_FOLDERS}.get(parts[1])
        stem = parts[2].rsplit(".", 1)[0]
        return (kind, stem) if kind else None
    if path in ("content/site.yml", "content/search.yml"):
        return ("site", "")
    return None


def files_of(kind: str, item_id: str) -> set[str]:
    if kind == "worker":
        return {f"workers/{item_id}"}
    folder = {"association": "associations", "collective": "collectives", "studio": "studios",
              "story": "stories", "page": "pages", **{k: f for f, k in OFFERING_FOLDERS.items()}}[kind]
    return {f"content/{folder}/{item_id}.yml", f"content/{folder}/{item_id}.md", f"content/{folder}/{item_id}"}


def scope_of(model: Model, changed: set[str]) -> set[str] | None:
    """The changed items plus every item that refers to one of them, as file/folder paths."""
    items = {it for it in map(item_of, changed) if it}
    if ("site", "") in items:
        return ALL
    scope: set[tuple[str, str]] = set(items)
    for kind, key in items:
        if kind == "association":
            scope |= {("worker", w.id) for w in model.workers.values() if w.association == key}
            scope |= {("collective", c.id) for c in model.collectives.values() if c.association == key}
            scope |= {("studio", s.id) for s in model.studios.values() if s.association == key}
            scope |= {("story", s.id) for s in model.stories.values() if s.association == key}
            scope |= {("association", a.id) for a in model.associations.values() if a.parent == key}
        elif kind == "studio":
            scope |= {("worker", w.id) for w in model.workers.values() if w.studio == key}
        elif kind == "worker":
            scope |= {("story", s.id) for s in model.stories.values() if key in s.workers}
            scope |= {("studio", s.id) for s in model.studios.values() if s.leader == key}
            # the same person in another folder is reported there too
            w = model.workers.get(key)
            if w:
                scope |= {("worker", o.id) for o in model.workers.values() if o.name == w.name and o.employer == w.employer}
    scope |= _offering_referrers(model, scope)
    out: set[str] = set(changed)
    for kind, key in scope:
        out |= files_of(kind, key)
    return out


def _offering_referrers(model: Model, items: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Products, services and requests that name one of `items` (their association, maker, provider, service)."""
    out: set[tuple[str, str]] = set()
    for kind, group in (("product", model.products), ("service", model.services), ("request", model.requests)):
        for item in group.values():
            refs = {(r.kind, r.id) for r in references(item)}
            if getattr(item, "association", ""):
                refs.add(("association", item.association))
            if refs & items:
                out.add((kind, item.id))
    return out
