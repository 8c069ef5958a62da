"""One sheet's columns: which field each feeds, and which are dropped and why (for the summary)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .columns import FIELD_LABELS, meaning_of
from .personal import column_is_personal


def column_letter(i: int) -> str:
    s, i = "", i + 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


@dataclass
class Column:
    index: int
    header: str

    @property
    def where(self) -> str:
        return f"第 {column_letter(self.index)} 列「{self.header or '（无列名）'}」"


@dataclass
class ColumnPlan:
    fields: dict[str, list[Column]] = field(default_factory=dict)   # field id → columns, in sheet order
    dropped: list[tuple[Column, str]] = field(default_factory=list)  # personal data: (column, what it holds)
    unused: list[Column] = field(default_factory=list)               # known, deliberately not imported
    unknown: list[Column] = field(default_factory=list)              # not recognised
    birth: list[Column] = field(default_factory=list)                # only the year kept

    def has(self, f: str) -> bool:
        return bool(self.fields.get(f))

    def recognised(self) -> list[str]:
        return [f"{c.header}→{FIELD_LABELS[f]}" for f, cols in self.fields.items() for c in cols]


def plan_columns(names: list[str], data_rows: list[list[Any]], extra: dict[str, str] | None) -> ColumnPlan:
    plan = ColumnPlan()
    for i, header in enumerate(names):
        col = Column(i, header)
        values = [row[i] if i < len(row) else None for row in data_rows]
        if not header and not any(v is not None and str(v).strip() for v in values):
            continue
        m = meaning_of(header, extra)
        if m.personal:
            plan.dropped.append((col, m.personal))
            continue
        # by content, whatever the header says: a column of ID or phone numbers is dropped whole
        found = column_is_personal(values, allow_birth_date=(m.field == "birth"))
        if found:
            plan.dropped.append((col, found))
            continue
        if m.field:
            plan.fields.setdefault(m.field, []).append(col)
            if m.field == "birth":
                plan.birth.append(col)
        elif m.known_unused:
            plan.unused.append(col)
        else:
            plan.unknown.append(col)
    return plan
