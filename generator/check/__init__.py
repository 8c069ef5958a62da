"""`fengcai check`: every rule over the loaded model, all problems in one run.

The loader already reported what it found while reading (encoding, YAML, schema). The rules here
look across the model: references, vocabularies, privacy, media files, duplicates, Markdown.
"""

from __future__ import annotations

from pathlib import Path

from ..content.loader import load
from ..model.corpus import Model
from ..problems import Problem, Report
from . import duplicates, markdown_rules, media, privacy, references, vocabulary

RULES = (references.check, vocabulary.check, privacy.check, duplicates.check, markdown_rules.check, media.check)


def check_model(model: Model) -> list[Problem]:
    out: list[Problem] = []
    for rule in RULES:
        out.extend(rule(model))
    return out


def check_tree(root: Path, only: set[str] | None = None) -> tuple[Model, Report]:
    """Load and check the content under `root`. `only`: limit the report to these files (relative paths)."""
    result = load(root)
    report = Report()
    report.extend(result.problems)
    report.extend(check_model(result.model))
    if only is not None:
        report.problems = [p for p in report.problems if p.loc.file in only or _under(p.loc.file, only)]
    return result.model, report


def _under(file: str, only: set[str]) -> bool:
    return any(file.startswith(o.rstrip("/") + "/") for o in only)
