"""`fengcai check`: every rule over the loaded model, all problems in one run.

The loader already reported what it found while reading (encoding, YAML, schema). The rules here
look across the model: references, vocabularies, privacy, media files, duplicates, Markdown.
"""

from __future__ import annotations

from pathlib import Path

from ..changed import changed_files, scope_of
from ..content.loader import load
from ..model.corpus import Model
from ..problems import Problem, Report
from . import duplicates, markdown_links, markdown_rules, media, offerings, privacy, references, vocabulary

RULES = (references.check, vocabulary.check, privacy.check, duplicates.check, markdown_rules.check,
         markdown_links.check, media.check, offerings.check)


def check_model(model: Model, scope: set[str] | None = None) -> list[Problem]:
    """All rules. `scope` (file/folder paths) lets the slow media rule skip files outside it."""
    out: list[Problem] = []
    for rule in RULES:
        out.extend(rule(model, in_scope(scope)) if rule is media.check else rule(model))
    return out


def check_tree(root: Path, only: set[str] | None = None, changed_base: str | None = None) -> tuple[Model, Report | None]:
    """Load and check the content under `root`.

    `only`: report only problems in these files/folders. `changed_base`: only what changed since
    that Git ref plus what refers to it. Returns (model, None) when the ref cannot be compared.
    """
    result = load(root)
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
    report.extend(check_model(result.model, scope))
    if scope is not None:
        keep = in_scope(scope)
        report.problems = [p for p in report.problems if keep(p.loc.file)]
    return result.model, report


def in_scope(scope: set[str] | None):
    """A predicate: is this file path inside one of the scope's files or folders?"""
    if scope is None:
        return lambda file: True
    prefixes = tuple(s.rstrip("/") + "/" for s in scope)
    return lambda file: file in scope or file.startswith(prefixes)
