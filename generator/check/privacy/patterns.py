"""What personal data looks like when people type it: the patterns, with no idea of files or rules.

Matching runs on a normalised copy of the editor's text: full-width digits, letters and punctuation,
odd spaces and dashes become their ASCII forms, one character for one character, so the offset of a
match is the editor's own column. Chinese numerals are matched as they are (一九七〇年三月十二日).

    find(text) -> [Finding(start, end, kind)]      kind: id / mobile / birth / address / email
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple


class Finding(NamedTuple):
    start: int      # offsets into the text (the same in the original and the normalised copy)
    end: int
    kind: str       # "id", "mobile", "birth", "address", "email"


# ---- normalisation (strictly one character for one) ---------------------------------------------
# Only what changes a number's shape: full-width digits and letters, ＋ － ． ＠, odd spaces, hyphen-like
# dashes, middle dots and ×. Full-width punctuation (，：（）) is matched as it is by the patterns.
_TABLE = {c: c - 0xFEE0 for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B),
                                  0xFF0B, 0xFF0D, 0xFF0E, 0xFF20)}
_TABLE.update({c: " " for c in (0x3000, 0x00A0, 0x202F, 0x205F, *range(0x2000, 0x200B))})
_TABLE.update({c: "-" for c in (0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFE58, 0xFE63)})
_TABLE.update({c: "." for c in (0x00B7, 0x2022, 0x2027, 0x30FB)})          # 139·1234·5678
_TABLE[0x00D7] = "X"                                                         # ID numbers typed with ×
_ODD = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + "]")


def normalise(text: str) -> str:
    # most files have none of these characters: skip the (slower) per-character translation
    return text.translate(_TABLE) if _ODD.search(text) else text


# ---- resident ID numbers ------------------------------------------------------------------------
# Each pattern starts with a plain character (the boundary test follows it): the regex engine then
# skips ahead to candidates quickly, which keeps the scan cheap at 10,000 workers.
# 18 characters, a space or hyphen allowed between any two (330501 19700312 123X); checked below
_ID18 = re.compile(r"[1-9](?<![0-9A-Za-z].)(?:[ \t-]?\d){16}[ \t-]?[0-9Xx](?![0-9A-Za-z])")
_ID18_SHAPE = re.compile(r"[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9X]")
_ID15 = re.compile(r"[1-8](?<![0-9A-Za-z].)\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])")
_ID_WORDS = re.compile(r"身份证|证件|身份号|公民身份")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_checksum_ok(number: str) -> bool:
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


def _id18_ok(candidate: str) -> bool:
    compact = re.sub(r"[ \t-]", "", candidate).upper()
    return (bool(_ID18_SHAPE.fullmatch(compact)) and _real_date(compact[6:10], compact[10:12], compact[12:14])
            and id_checksum_ok(compact))


def _id15_ok(text: str, start: int, candidate: str) -> bool:
    """Old 15-digit IDs (no checksum) look like many other numbers: only with 身份证/证件 just before."""
    before = text[max(0, start - 20):start].rsplit("\n", 1)[-1]
    return bool(_ID_WORDS.search(before)) and _real_date("19" + candidate[6:8], candidate[8:10], candidate[10:12])


# ---- mobile numbers -----------------------------------------------------------------------------
# 11 digits from 13x–19x, written whole or grouped 3-4-4, 4-3-4, 3-8 or 7-4 with a space, dot or
# hyphen (the same one within a number), optionally after +86 / 0086 / (+86) / 86.
_MOBILE = re.compile(
    r"(?:(?:\+[ \t]?86|0(?<![0-9]0)0[ \t]?86|[(（]\+?86[)）]|8(?<![0-9]8)6)[ \t.-]?1|1(?<![0-9]1)(?<![0-9][.-]1))"
    r"[3-9]\d(?:\d{8}|(?P<a>[ \t.-])\d{4}(?P=a)\d{4}|\d(?P<b>[ \t.-])\d{3}(?P=b)\d{4}|[ \t.-]\d{8}|\d{4}[ \t.-]\d{4})"
    r"(?!\d)(?![.-]\d)"
)


def mobile_digits(match_text: str) -> str:
    """The 11 digits of a mobile number as matched (prefix and separators dropped)."""
    return re.sub(r"\D", "", normalise(match_text))[-11:]


# ---- full birth dates ---------------------------------------------------------------------------
_CN_DIGITS = "〇零一二三四五六七八九"
_CN_VALUE = {c: (0 if c in "〇零" else "一二三四五六七八九".index(c) + 1) for c in _CN_DIGITS}
_Y = r"(?:18|19|20)\d{2}|[一二][〇零九][〇零一二三四五六七八九]{2}"
_M = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_D = r"[12]\d|3[01]|0?[1-9]|[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|[一二三四五六七八九]"
_NOT_BEFORE_YEAR = rf"(?<![0-9{_CN_DIGITS}].{{4}})"     # after the 4 year characters: none before them
_FULL_DATE = re.compile(
    rf"(?P<y>{_Y}){_NOT_BEFORE_YEAR}[ \t]*年[ \t]*(?P<m>{_M})[ \t]*月[ \t]*(?P<d>{_D})[ \t]*[日号]"
    rf"|(?P<y2>(?:18|19|20)\d{{2}})(?<![0-9].{{4}})(?<![0-9]\..{{4}})[ \t]*(?P<s>[-/.])[ \t]*(?P<m2>1[0-2]|0?[1-9])"
    rf"[ \t]*(?P=s)[ \t]*(?P<d2>[12]\d|3[01]|0?[1-9])(?!\d)(?!\.\d)"
    rf"|(?P<y3>(?:18|19|20)\d{{2}})(?<![0-9].{{4}})(?P<m3>0[1-9]|1[0-2])(?P<d3>0[1-9]|[12]\d|3[01])(?!\d)"
)
# a birth word right before the date (出生于、出生日期：、生日是、birthday:) …
_BIRTH_BEFORE = re.compile(
    r"(?:出生(?:于|日期|年月日?|时间)?|生于|生日|诞生(?:于)?|出世于?|birth(?:day|[_ ]?date)?)"
    r"[ \t]*[:：]?[ \t]*(?:是|为|于|在)?[ \t]*$", re.I)
# … or in the same sentence after it (1970年3月12日，他出生在… / 1970年3月12日生)
_BIRTH_AFTER = re.compile(r"出生(?!地)(?![在于][^,，。;；]{0,8}的[他她我])|诞生|出世|降生|呱呱坠地|^[ \t]*生(?:人|于|日|[,，、)）\s]|$)")
_SENTENCE_END = re.compile(r"[。!！?？;；\n]")
_AFTER_WINDOW = 12


def _cn_number(s: str) -> int:
    """'12', '十二', '二十一', '廿三', '一九七〇' (digit by digit) → int."""
    if s.isdigit() and s.isascii():
        return int(s)
    if "十" in s or "廿" in s:
        tens, _, ones = s.replace("廿", "二十").partition("十")
        return (_CN_VALUE[tens] if tens else 1) * 10 + (_CN_VALUE[ones] if ones else 0)
    return int("".join(str(_CN_VALUE[c]) for c in s))


def _real_date(y: str, m: str, d: str) -> bool:
    try:
        dt.date(_cn_number(y), _cn_number(m), _cn_number(d))
        return True
    except (ValueError, KeyError):
        return False


def _is_birth(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 16):start].rsplit("\n", 1)[-1]
    if _BIRTH_BEFORE.search(before):
        return True
    after = text[end:end + _AFTER_WINDOW]
    stop = _SENTENCE_END.search(after)
    return bool(_BIRTH_AFTER.search(after[:stop.start()] if stop else after))


# ---- home addresses -----------------------------------------------------------------------------
_ESTATE = r"(?:小区|花园|新村|公寓|家园|花苑|苑|社区|山庄|庄园|嘉园|名邸|公馆)"
_N = r"\d+[ \t]*"
_DASH = r"[ \t]*[-—][ \t]*"
_FREE = r"[^\s,，。;；!！?？、]"                                            # within one clause
_UNIT = r"(?:号楼|号|幢|栋|弄|室|单元|组)"
_MORE = rf"(?:[ \t]*(?:[-—][ \t]*)?\d+(?![\d.年月日届期])[ \t]*{_UNIT}?)*"   # …2单元501室 after the first unit
_ADDRESS = re.compile("|".join((
    # 家住…3号 / 住址：…5幢2单元501室 / 现住…村三组
    rf"(?:家住|住在|住于|住址|家庭住址|居住地址|现住|现居)[ \t]*[:：]?[ \t]*{_FREE}{{0,30}}?"
    rf"(?:\d+[ \t]*{_UNIT}|村{_FREE}{{0,6}}组){_MORE}",
    # 锦绣花园3-2-501 / 锦绣花园3-501
    rf"{_ESTATE}[ \t]*(?:\d+{_DASH}\d+{_DASH}\d+|\d+{_DASH}\d{{3,4}})(?![\d.年月日届期])(?:[ \t]*室)?",
    # 幸福小区3幢2单元501室 / 锦绣花园5号楼302
    rf"{_ESTATE}[ \t]*{_N}(?:号楼|幢|栋|座|号)[ \t]*(?:{_N}单元[ \t]*)?\d+(?![\d.年月日届期])(?:[ \t]*(?:室|号))?",
    # 3幢2单元501室 / 2单元501室 (单元 is residential; an office is not written this way)
    rf"{_N}(?:幢|栋|号楼|座)[ \t]*{_N}单元(?:[ \t]*\d+(?:[ \t]*室)?)?",
    rf"{_N}单元[ \t]*\d{{3,4}}(?!\d)(?:[ \t]*室)?",
    # 人民路100号3幢 / 青年街8号2单元
    rf"(?:路|街|巷|弄|大道)[ \t]*{_N}号[ \t]*{_N}(?:幢|栋|单元|室)",
    # 某某村3组12号
    rf"村[ \t]*{_N}组[ \t]*{_N}号",
)))
_NAME_STOP = set(" \t\n,.;:!?()[]{}<>\"'，。、；：！？（）【】「」《》住在于是的和及与了进到入回从自向位家")


def _address_start(text: str, start: int) -> int:
    """Widen an estate match to the estate's name (锦绣花园, not just 花园), at most 4 characters back."""
    if text[start:start + 1].isdigit() or text.startswith(("家", "住", "现", "居"), start):
        return start
    i = start
    while i > 0 and start - i < 4 and text[i - 1] not in _NAME_STOP and not text[i - 1].isdigit():
        i -= 1
    return i


# ---- e-mail addresses ---------------------------------------------------------------------------
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

# ---- what is not personal data even when it looks like it ----------------------------------------
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+", re.I)


def find(text: str) -> list[Finding]:
    """Every piece of personal data in `text` (a whole file), in order. Numbers inside web addresses
    are part of the address, not data about a person, and are left out."""
    norm = normalise(text)
    found: list[Finding] = []
    for m in _ID18.finditer(norm):
        if _id18_ok(m.group()):
            found.append(Finding(m.start(), m.end(), "id"))
    for m in _ID15.finditer(norm):
        if _id15_ok(norm, m.start(), m.group()):
            found.append(Finding(m.start(), m.end(), "id"))
    for m in _MOBILE.finditer(norm):
        found.append(Finding(m.start(), m.end(), "mobile"))
    for m in _FULL_DATE.finditer(norm):
        parts = [p for p in m.group("y", "m", "d", "y2", "m2", "d2", "y3", "m3", "d3") if p]
        if _real_date(*parts) and _is_birth(norm, m.start(), m.end()):
            found.append(Finding(m.start(), m.end(), "birth"))
    for m in _ADDRESS.finditer(norm):
        found.append(Finding(_address_start(norm, m.start()), m.end(), "address"))
    if "@" in norm:
        found.extend(Finding(m.start(), m.end(), "email") for m in _EMAIL.finditer(norm))
    if found and ("://" in text or "www." in text):
        urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
        found = [f for f in found if not any(s <= f.start and f.end <= e for s, e in urls)]
    return _merge(sorted(found))


def _merge(found: list[Finding]) -> list[Finding]:
    """One finding for one address written with several parts that matched separately."""
    out: list[Finding] = []
    for f in found:
        last = out[-1] if out else None
        if last is not None and last.kind == f.kind == "address" and f.start <= last.end:
            out[-1] = Finding(last.start, max(last.end, f.end), "address")
        else:
            out.append(f)
    return out


def mobiles(text: str) -> list[str]:
    """The 11 digits of every mobile number in `text` (for an organisation's declared office phone)."""
    return [mobile_digits(m.group()) for m in _MOBILE.finditer(normalise(text))]
