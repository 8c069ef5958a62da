"""What a register's rows become: one Item per person or collective, before anything is written."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .values import norm_key

WORKER, COLLECTIVE = "worker", "collective"
KIND_LABELS = {WORKER: "劳模", COLLECTIVE: "模范集体"}


@dataclass
class Honour:
    title: str
    level: str = ""          # "" → written as a 【待填写】 placeholder
    year: int | None = None
    awarded_by: str = ""

    @property
    def key(self) -> tuple:
        return (norm_key(self.title), self.year)


@dataclass
class Item:
    kind: str
    sheet: str
    rows: list[int]                                   # 1-based row numbers in the sheet
    values: dict[str, object] = field(default_factory=dict)   # field → value (name, employer, birth_year…)
    honours: list[Honour] = field(default_factory=list)
    id_value: str = ""                                # the register's own number (编号), when it has one
    seq_value: str = ""                               # 序号: a row counter, used only to match photos
    photo_name: str = ""                              # a file name from a 照片 column
    note: str = ""                                    # 备注: written as a comment, never published
    notes: list[str] = field(default_factory=list)    # what the editor should know about this item
    import_key: str = ""

    @property
    def name(self) -> str:
        return str(self.values.get("name") or "")

    @property
    def employer(self) -> str:
        return str(self.values.get("employer") or "")

    @property
    def where(self) -> str:
        return "第 " + "、".join(map(str, self.rows)) + " 行"

    def add_honours(self, honours: list[Honour]) -> int:
        """Adds the ones not there yet (same title and year); fills a missing year or level. Returns how many were new."""
        added = 0
        for h in honours:
            same = next((o for o in self.honours if norm_key(o.title) == norm_key(h.title)
                         and (o.year == h.year or o.year is None or h.year is None)), None)
            if same is None:
                self.honours.append(h)
                added += 1
            else:
                same.year = same.year or h.year
                same.level = same.level or h.level
                same.awarded_by = same.awarded_by or h.awarded_by
        return added


def name_key(kind: str, name: str, employer: str) -> str:
    """The key of an item whose register has no id column: a digest, so no name lands in the records file."""
    digest = hashlib.sha256(f"{kind}|{norm_key(name)}|{norm_key(employer)}".encode()).hexdigest()[:12]
    return f"h-{digest}"
