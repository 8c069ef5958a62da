"""Typed values parsed from the string the editor typed (the YAML reader gives every scalar as text).

Each parser accepts one plain, documented form and refuses everything else with a reason and a
hint that shows the accepted form — nothing is converted silently (docs/CONTENT-MODEL.md, "Values"):

    integer   2015, -3            not 2015.0, 2,015, 1e3, 0x7DF, ２０１５, 2015年
    number    37, 3.5, -0.25      not 1,234, 1e3, .5, .nan, 37家
    boolean   true / false (any case), 是 / 否      not yes, no, on, off, 1, 0
    date      2025-03-12 (a day that exists)         not 2025/3/12, 2025年3月12日, 2025-03-12 10:00
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..problems import shorten as _short

# re.ASCII throughout: \d must not accept ２０１５ (int() would, silently)
FULLWIDTH_DIGITS = re.compile(r"[０-９]")
_FW_TRANS = str.maketrans("０１２３４５６７８９．－", "0123456789.-")
_INT = re.compile(r"[+-]?\d{1,18}", re.ASCII)
_NUMBER = re.compile(r"[+-]?\d{1,15}(?:\.\d{1,9})?", re.ASCII)
_WITH_UNIT = re.compile(r"([+-]?\d{1,15}(?:\.\d{1,9})?)\s*([年人个家位项次名台件万亿元%％]+)", re.ASCII)
_SCIENTIFIC = re.compile(r"[+-]?(\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d{1,3}", re.ASCII)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_DATE_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{1,2}(:?\d{2})?)?", re.ASCII)
_DATE_LOOSE = re.compile(r"(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?", re.ASCII)
_YEAR_MONTH = re.compile(r"(\d{4})\s*(?:年|[./\-])\s*\d{1,2}\s*月?", re.ASCII)
TRUE_WORDS = {"true": True, "false": False, "是": True, "否": False}
_TRUE_GUESS = {"yes", "y", "on", "1", "对", "真", "是的", "有", "t"}


@dataclass(frozen=True)
class Refusal:
    """Why a string is not a value of the field's kind: the message follows 「key」（label）."""

    message: str
    hint: str
    code: str = "schema.type"


def parse_int(s: str, key: str, unit: str = "") -> int | Refusal:
    s = s.strip()
    if _INT.fullmatch(s):
        return int(s)
    if FULLWIDTH_DIGITS.search(s):
        fixed = s.translate(_FW_TRANS)
        return Refusal(f"用了全角数字「{_short(s)}」", f"改为半角数字「{_short(fixed)}」（切换到英文输入法输入）", "schema.fullwidth-digits")
    m = _WITH_UNIT.fullmatch(s) or (_YEAR_MONTH.fullmatch(s) if unit == "年" else None)
    if m and _INT.fullmatch(m.group(1)):
        return Refusal(f"应该是一个数字，现在是「{_short(s)}」", f"只写数字，例如「{key}: {m.group(1)}」")
    guess = _as_decimal(s)
    if guess is not None and float(guess).is_integer():
        return Refusal(f"应该是一个整数，现在是「{_short(s)}」", f"写成普通的整数，例如「{key}: {int(float(guess))}」")
    return Refusal(f"应该是一个数字，现在是「{_short(s)}」", f"写一个数字{('，单位是' + unit) if unit else ''}")


def parse_number(s: str, key: str) -> int | float | Refusal:
    s = s.strip()
    if _NUMBER.fullmatch(s):
        return float(s) if "." in s else int(s)
    if FULLWIDTH_DIGITS.search(s):
        return Refusal(f"用了全角数字「{_short(s)}」", f"改为半角数字「{_short(s.translate(_FW_TRANS))}」", "schema.fullwidth-digits")
    m = _WITH_UNIT.fullmatch(s)
    if m:
        return Refusal(f"应该是一个数字，现在是「{_short(s)}」", f"只写数字「{key}: {m.group(1)}」，单位写在 unit 里")
    guess = _as_decimal(s)
    if guess is not None:
        return Refusal(f"应该是一个普通写法的数字，现在是「{_short(s)}」", f"写成「{key}: {guess}」")
    return Refusal(f"应该是一个数字，现在是「{_short(s)}」", "只写数字，单位写在 unit 里")


def parse_bool(s: str, key: str) -> bool | Refusal:
    word = s.strip()
    value = TRUE_WORDS.get(word.lower())
    if value is not None:
        return value
    guess = "true" if word.lower() in _TRUE_GUESS else "false"
    return Refusal(f"只能写 true 或 false（也可以写 是 或 否），现在是「{_short(word)}」", f"写「{key}: {guess}」")


def parse_date(s: str, key: str) -> dt.date | Refusal:
    s = s.strip()
    if _DATE.fullmatch(s):
        try:
            return dt.date.fromisoformat(s)
        except ValueError:
            return Refusal(f"的日期「{s}」不存在", "检查月份和日期", "schema.date")
    if FULLWIDTH_DIGITS.search(s):
        return Refusal(f"用了全角数字「{_short(s)}」", f"改为半角数字，例如「{_short(s.translate(_FW_TRANS))}」", "schema.fullwidth-digits")
    m = _DATE_TIME.fullmatch(s)
    if m:
        return Refusal(f"只写日期，不写时间：「{_short(s)}」", f"写成「{key}: {m.group(1)}」", "schema.date")
    m = _DATE_LOOSE.fullmatch(s)
    hint = (f"写成「{key}: {int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}」" if m
            else f"写成「{key}: 2025-03-12」这样的格式（年-月-日）")
    return Refusal(f"的日期格式不对：「{_short(s)}」", hint, "schema.date")


def _as_decimal(s: str) -> str | None:
    """1e3 → "1000", 1,234 → "1234", 0x1F → "31", .5 → "0.5": what such a string would mean, if anything."""
    t = s.replace(",", "").replace("，", "").replace("_", "")
    try:
        if _SCIENTIFIC.fullmatch(t) or re.fullmatch(r"[+-]?\.\d{1,9}", t, re.ASCII) or _NUMBER.fullmatch(t):
            f = float(t)
            return str(int(f)) if f.is_integer() and abs(f) < 1e15 else repr(f)
        if re.fullmatch(r"[+-]?0[xX][0-9a-fA-F]{1,12}|[+-]?0[oO][0-7]{1,16}|[+-]?0[bB][01]{1,48}", t, re.ASCII):
            return str(int(t, 0))
    except (ValueError, OverflowError):
        return None
    return None

