"""`fengcai check`: every rule over the loaded model, all problems in one run.

The loader already reported what it found while reading (encoding, YAML, schema). The rules here
look across the model: references, vocabularies, privacy, names of people who are not published,
media files, duplicates, Markdown. Anything that publishes goes through generator.gate, which runs
check_tree and refuses on any error.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from ..changed import changed_files, scope_of
from ..content.loader import load
from ..content.worker_reader import read_worker
from ..model.corpus import Model
from ..model.kinds import BY_NAME, item_of
from ..problems import WARNING, Problem, Report
from . import (duplicates, markdown_links, markdown_rules, media, offerings, privacy, references,
               unpublished_names, vocabulary)

RULES = (references.check, vocabulary.check, privacy.check, unpublished_names.check, duplicates.check,
         markdown_rules.check, markdown_links.check, media.check, offerings.check)
# rules that look at each file on its own: CheckMemory reruns them only where files changed
PER_FILE = (privacy.check, markdown_rules.check, media.check)


def check_model(model: Model, scope: set[str] | None = None) -> list[Problem]:
    """All rules. `scope` (file/folder paths) lets the slow media rule skip files outside it."""
    out: list[Problem] = []
    for rule in RULES:
        out.extend(rule(model, in_scope(scope)) if rule is media.check else rule(model))
    return out


def check_tree(root: Path, only: set[str] | None = None, changed_base: str | None = None,
               memory: "CheckMemory | None" = None) -> tuple[Model, Report | None]:
    """Load and check the content under `root`.

    `only`: report only problems in these files/folders. `changed_base`: only what changed since
    that Git ref plus what refers to it. Returns (model, None) when the ref cannot be compared.
    `memory`: a CheckMemory kept between runs (`fengcai serve`): only changed worker folders are read
    and scanned again.
    """
    if memory is not None:
        memory.start()
    result = load(root, read_worker_folder=memory.read_worker if memory is not None else None)
    scope = only
    if changed_base is not None:
        files = changed_files(root, changed_base)
        if files is None:
            return result.model, None
        changed = scope_of(result.model, files)
        if changed is not None:
            scope = changed if scope is None else {f for f in changed if in_scope(scope)(f)}
    report = Report()
    report.extend(result.problems)
    report.extend(memory.check(result.model) if memory is not None else check_model(result.model, scope))
    report.problems = relax_drafts(result.model, report.problems)
    if scope is not None:
        keep = in_scope(scope)
        report.problems = [p for p in report.problems if keep(p.loc.file)]
    return result.model, report


DRAFT_NOTE = "这份资料是草稿（draft: true），不会发布，所以暂时只算警告；删掉 draft 之前必须改好"


def relax_drafts(model: Model, problems: list[Problem]) -> list[Problem]:
    """A draft is published nowhere (Model.public() drops it), so what is still unfinished in its own
    files — placeholders from `fengcai new` or `fengcai import`, missing fields — must not stop the
    association's site: those errors become warnings that say why. Personal data stays an error even in
    a draft: it must not sit in the repository at all."""
    out = []
    for p in problems:
        if p.is_error and not p.code.startswith("privacy.") and _is_draft(model, item_of(p.loc.file)):
            hint = f"{p.hint}（{DRAFT_NOTE}）" if p.hint else DRAFT_NOTE
            p = dataclasses.replace(p, severity=WARNING, hint=hint)
        out.append(p)
    return out


def _is_draft(model: Model, item: tuple[str, str] | None) -> bool:
    kind = BY_NAME.get(item[0]) if item else None
    found = getattr(model, kind.attr, {}).get(item[1]) if kind else None
    return bool(getattr(found, "draft", False))


def in_scope(scope: set[str] | None):
    """A predicate: is this file path inside one of the scope's files or folders?"""
    if scope is None:
        return lambda file: True
    prefixes = tuple(s.rstrip("/") + "/" for s in scope)
    return lambda file: file in scope or file.startswith(prefixes)


class CheckMemory:
    """What repeated checks of one tree keep (`fengcai serve`), so a check after one edit stays cheap
    at thousands of workers: worker folders are read again only when a file in them changed (name,
    mtime, size), and the per-file rules (privacy scan, Markdown, media probes) look again only at those
    folders; every other rule runs over the whole model each time."""

    def __init__(self):
        self._reads: dict[Path, tuple] = {}              # worker folder → (stamp, Worker | None, its problems)
        self._file_problems: dict[str, list[Problem]] = {}   # worker id → its per-file problems
        self._changed: set[str] | None = None            # worker ids read again by this load; None = all

    def start(self) -> None:
        self._changed = set() if self._reads else None

    def read_worker(self, folder: Path, root: Path, problems: list[Problem]):
        stamp = _stamp(folder)
        known = self._reads.get(folder)
        if known is not None and known[0] == stamp:
            problems.extend(known[2])
            return known[1]
        if self._changed is not None:
            self._changed.add(folder.name)
        found: list[Problem] = []
        worker = read_worker(folder, root, found)
        problems.extend(found)
        self._reads[folder] = (stamp, worker, found)
        return worker

    def check(self, model: Model) -> list[Problem]:
        everyone = self._changed is None
        problems = [p for rule in RULES if rule not in PER_FILE for p in rule(model)]
        part = model if everyone else dataclasses.replace(
            model, workers={k: w for k, w in model.workers.items() if k in self._changed})
        fresh = [p for rule in PER_FILE for p in rule(part)]
        problems += fresh
        if not everyone:
            problems += [p for wid in model.workers if wid not in self._changed for p in self._file_problems.get(wid, [])]
        by_worker: dict[str, list[Problem]] = {}
        for p in fresh:
            if p.loc.file.startswith("workers/"):
                by_worker.setdefault(p.loc.file.split("/")[1], []).append(p)
        if everyone:
            self._file_problems = by_worker
        else:
            for wid in self._changed:
                self._file_problems[wid] = by_worker.get(wid, [])
        return problems


def _stamp(folder: Path) -> tuple:
    """(name, mtime, size) of every file in a worker folder: any edit, added or replaced photo changes it."""
    out = []
    for base, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            try:
                st = os.stat(os.path.join(base, name))
            except OSError:
                continue
            out.append((base, name, st.st_mtime_ns, st.st_size))
    return tuple(out)
