"""Personal data in a register: columns to drop by their content, and single cells not to write.

The project's privacy scanner (generator/check/privacy.py, the rule `fengcai check` runs on every
content file) finds ID numbers, mobile numbers, full birth dates and home addresses in text; numbers
that only a spreadsheet produces (an ID number Excel turned into 3.30502197001011E+17, a landline,
a bank card) are added here.
"""

from __future__ import annotations

import re

from ..check.privacy import scan_line
from .values import cell_text

LABELS = {"privacy.id-number": "身份证号码", "privacy.mobile": "手机号码", "privacy.birth-date": "完整的出生日期",
          "privacy.address": "家庭住址", "privacy.email": "电子邮箱", "number": "证件号、电话或账号一类的长号码", "landline": "电话号码"}
_LONG_NUMBER = re.compile(r"(?<![\dA-Za-z])(?:\+?86[\s-]?)?\d(?:[\s-]?\d){10,}[\dXx]?(?![\dA-Za-z])")
_LANDLINE = re.compile(r"(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)")
_BIG_FLOAT = 1e10


def personal_kinds(value, allow_birth_date: bool = False) -> list[str]:
    """What personal data a cell holds (codes of LABELS), empty when none."""
    if value is None:
        return []
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return ["number"] if abs(value) >= _BIG_FLOAT else []
    text = cell_text(value)
    if not text:
        return []
    kinds = []
    for line in text.split("\n"):
        for _col, _msg, _hint, code in scan_line(line):
            if code == "privacy.birth-date" and allow_birth_date:
                continue
            kinds.append(code if code in LABELS else "number")
        if _LONG_NUMBER.search(line) and not kinds:
            kinds.append("number")
        if _LANDLINE.search(line):
            kinds.append("landline")
    return list(dict.fromkeys(kinds))


def column_is_personal(values: list, allow_birth_date: bool = False) -> str:
    """The kind of personal data a column holds, when most of its filled cells hold some (a single stray
    number in a 备注 column is withheld cell by cell instead)."""
    filled = [v for v in values if cell_text(v)]
    if not filled:
        return ""
    counts: dict[str, int] = {}
    hits = 0
    for v in filled:
        kinds = personal_kinds(v, allow_birth_date)
        if kinds:
            hits += 1
            counts[kinds[0]] = counts.get(kinds[0], 0) + 1
    if hits * 2 > len(filled):
        return LABELS[max(counts, key=counts.get)]
    return ""
