"""The one gate between the content and anything a reader sees.

Every command that writes for readers — `build` (site, kiosk, offline, exports), `booklet`, `publish
--build`, `serve`, and a plain `mkdocs build` / `mkdocs serve` — gets its model from here: the content
is loaded, EVERY check rule runs (generator.check.RULES), and only then is the public model handed out.

    open_public(root)            refuses (ContentRefused) while any error is left
    open_preview(root, memory)   `fengcai serve`: never refuses; every item whose files have an error
                                 is left out instead (as if it were a draft), so flagged text is never shown

Commands and output modules never import the loader themselves (tests/test_gate.py checks this).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .check import CheckMemory, check_tree
from .model.corpus import Model
from .model.entities import SiteConfig
from .model.kinds import SITE, item_of
from .problems import Report


@dataclass
class Publication:
    """What may be shown: the public model, and the report `fengcai check` would print for the tree."""

    public: Model
    report: Report
    withheld: list[tuple[str, str]] = field(default_factory=list)   # preview only: (kind, id) left out for errors


class ContentRefused(Exception):
    """The content has errors: nothing may be published. `str()` is the report exactly as `fengcai check`
    prints it; `text(color)` the same with colours for a terminal."""

    def __init__(self, report: Report):
        super().__init__(report.format_text())
        self.report = report

    def text(self, color: bool = False) -> str:
        return self.report.format_text(color=color)


def open_public(root: Path, memory: CheckMemory | None = None) -> Publication:
    """Load, run every rule, and hand out the public model — or raise ContentRefused with the report."""
    model, report = check_tree(root, memory=memory)
    if not report.ok:
        raise ContentRefused(report)
    return Publication(model.public(), report)


def open_preview(root: Path, memory: CheckMemory) -> Publication:
    """For the live preview: the same load and rules, but an error does not stop it. Every item that
    has an error in any of its files is left out of the public model, exactly like a draft (its page,
    its place in lists and search); site.yml with an error is replaced by bare settings. The report
    (for the banner and the terminal) is the one `fengcai check` prints."""
    model, report = check_tree(root, memory=memory)
    withheld = sorted({it for it in (item_of(p.loc.file) for p in report.problems if p.is_error) if it})
    if SITE in withheld:
        model = replace(model, site=SiteConfig(title="劳模风采录", source=model.site.source))
    return Publication(model.public(set(withheld) - {SITE}), report, withheld)
