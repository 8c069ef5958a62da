"""What personal data looks like when people type it: the patterns, with no idea of files or rules.

Matching runs on a normalised copy of the editor's text: full-width digits and letters, ＋ － ． ＠,
odd spaces and hyphen-like dashes become ASCII, one character for one, so the offset of a match is
the editor's own column. Chinese numerals are matched as they are (一九七〇年三月十二日).

    find(text) -> [Finding(start, end, kind)]      kind: id / mobile / birth / address / email

Speed: every pattern starts with a plain character or a small set of them (the boundary test comes
after it), so the regex engine skips ahead to candidates instead of trying every position; that
keeps `fengcai check` at 10,000 workers about as fast as before this rule grew.
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
# Only what changes a number's shape. Full-width punctuation (，：（）) is matched as it is.
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
# 18 characters with a space or hyphen allowed between any two (330501 19700312 123X), or an old
# 15-digit number; told apart and checked in _id_ok.
_ID = re.compile(r"[1-9](?<![0-9A-Za-z].)(?:(?:[ \t-]?[0-9]){16}[ \t-]?[0-9Xx]|[0-9]{14})(?![0-9A-Za-z])")
_ID18_SHAPE = re.compile(r"[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]")
_ID15_SHAPE = re.compile(r"[1-8][0-9]{5}[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}")
_ID_WORDS = re.compile(r"身份证|证件|身份号|公民身份")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_checksum_ok(number: str) -> bool:
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


def _id_ok(text: str, start: int, candidate: str) -> bool:
    compact = re.sub(r"[ \t-]", "", candidate).upper()
    if len(compact) == 18:
        return (bool(_ID18_SHAPE.fullmatch(compact)) and _real_date(compact[6:10], compact[10:12], compact[12:14])
                and id_checksum_ok(compact))
    # old 15-digit IDs have no checksum and look like many other numbers: only after 身份证/证件
    before = text[max(0, start - 20):start].rsplit("\n", 1)[-1]
    return (bool(_ID15_SHAPE.fullmatch(compact)) and bool(_ID_WORDS.search(before))
            and _real_date("19" + compact[6:8], compact[8:10], compact[10:12]))


# ---- mobile numbers -----------------------------------------------------------------------------
# 11 digits from 13x–19x, written whole or grouped 3-4-4, 4-3-4, 3-8 or 7-4 with a space, dot or
# hyphen (the same one within a number), optionally after +86 / 0086 / (+86) / 86.
_MOBILE = re.compile(
    r"(?:(?:\+[ \t]?86|0(?<![0-9]0)0[ \t]?86|[(（]\+?86[)）]|8(?<![0-9]8)6)[ \t.-]?1|1(?<![0-9]1)(?<![0-9][.-]1))"
    r"[3-9][0-9](?:[0-9]{8}|(?P<a>[ \t.-])[0-9]{4}(?P=a)[0-9]{4}|[0-9](?P<b>[ \t.-])[0-9]{3}(?P=b)[0-9]{4}"
    r"|[ \t.-][0-9]{8}|[0-9]{4}[ \t.-][0-9]{4})(?![0-9])(?![.-][0-9])"
)
_MOBILE_CORE = re.compile(r"1[3-9][0-9]")      # where to try _MOBILE: fast to find (starts with a plain "1")
_MOBILE_PREFIX = re.compile(r"(?:\+[ \t]?86|00[ \t]?86|[(（]\+?86[)）]|86)[ \t.-]?$")


def _mobile_matches(text: str):
    """_MOBILE's matches, tried only where a 1[3-9]x core is (with any +86 prefix just before it)."""
    end = 0
    for core in _MOBILE_CORE.finditer(text):
        p = core.start()
        if p < end:
            continue
        prefix = _MOBILE_PREFIX.search(text, max(0, p - 9), p)
        m = (prefix and _MOBILE.match(text, prefix.start())) or _MOBILE.match(text, p)
        if m:
            end = m.end()
            yield m


def mobile_digits(match_text: str) -> str:
    """The 11 digits of a mobile number as matched (prefix and separators dropped)."""
    return re.sub(r"[^0-9]", "", normalise(match_text))[-11:]


# ---- full birth dates ---------------------------------------------------------------------------
_CN_DIGITS = "〇零一二三四五六七八九"
_CN_VALUE = {c: (0 if c in "〇零" else "一二三四五六七八九".index(c) + 1) for c in _CN_DIGITS}
_M = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
_D = r"[12][0-9]|3[01]|0?[1-9]|[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|[一二三四五六七八九]"
# a year (1970, 一九七〇; checked in _real_date), then 年月日, 1970-3-12 / 1970.3.12 / 1970/3/12, or 19700312
_FULL_DATE = re.compile(
    rf"[12一二](?<![0-9{_CN_DIGITS}].)[089〇零九][0-9{_CN_DIGITS}]{{2}}(?:"
    rf"[ \t]*年[ \t]*(?P<m>{_M})[ \t]*月[ \t]*(?P<d>{_D})[ \t]*[日号]"
    rf"|(?<![0-9]\..{{4}})(?<=[0-9]{{4}})[ \t]*(?P<s>[-/.])[ \t]*(?P<m2>1[0-2]|0?[1-9])[ \t]*(?P=s)[ \t]*"
    rf"(?P<d2>[12][0-9]|3[01]|0?[1-9])(?![0-9])(?!\.[0-9])"
    rf"|(?<=[0-9]{{4}})(?P<m3>0[1-9]|1[0-2])(?P<d3>0[1-9]|[12][0-9]|3[01])(?![0-9]))"
)
# a birth word right before the date (出生于、出生日期：、生日是、birthday:) …
_BIRTH_BEFORE = re.compile(
    r"(?:出生(?:于|日期|年月日?|时间)?|生于|生日|诞生(?:于)?|出世于?|birth(?:day|[_ ]?date)?)"
    r"[ \t]*[:：]?[ \t]*(?:是|为|于|在)?[ \t]*$", re.I)
# … or in the same sentence after it (1970年3月12日，他出生在… / 1970年3月12日生), but not
# 出生地 (birthplace) nor 出生于农村的他 (describing the person, the date being something else)
_BIRTH_AFTER = re.compile(r"出生(?!地)(?![在于][^,，。;；]{0,8}的[他她我])|诞生|出世|降生|呱呱坠地"
                          r"|^[ \t]*生(?:人|于|日|[,，、)）\s]|$)")
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
        year = _cn_number(y)
        return 1800 <= year <= 2099 and bool(dt.date(year, _cn_number(m), _cn_number(d)))
    except (ValueError, KeyError):
        return False


def _date_parts(m: re.Match) -> tuple[str, str, str]:
    return (m.group()[:4], m.group("m") or m.group("m2") or m.group("m3"),
            m.group("d") or m.group("d2") or m.group("d3"))


def _is_birth(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 16):start].rsplit("\n", 1)[-1]
    if _BIRTH_BEFORE.search(before):
        return True
    after = text[end:end + _AFTER_WINDOW]
    stop = _SENTENCE_END.search(after)
    return bool(_BIRTH_AFTER.search(after[:stop.start()] if stop else after))


# ---- home addresses -----------------------------------------------------------------------------
_ESTATE = r"(?:小区|花园|新村|公寓|家园|花苑|苑|社区|山庄|庄园|嘉园|名邸|公馆)"
_N = r"[0-9]+[ \t]*"
_DASH = r"[ \t]*[-—][ \t]*"
_FREE = r"[^\s,，。;；!！?？、]"                                            # within one clause
_UNIT = r"(?:号楼|号|幢|栋|弄|室|单元|组)"
_NOT_A_DATE = r"(?![0-9.年月日届期])"
_MORE = rf"(?:[ \t]*(?:[-—][ \t]*)?[0-9]+{_NOT_A_DATE}[ \t]*{_UNIT}?)*"      # …2单元501室 after the first unit
_ADDRESS = re.compile("|".join((
    # 家住…3号 / 住址：…5幢2单元501室 / 现住…村三组
    rf"(?:家住|住在|住于|住址|家庭住址|居住地址|现住|现居)[ \t]*[:：]?[ \t]*{_FREE}{{0,30}}?"
    rf"(?:[0-9]+[ \t]*{_UNIT}|村{_FREE}{{0,6}}组){_MORE}",
    # 锦绣花园3-2-501 / 锦绣花园3-501 / 幸福小区3幢2单元501室 / 阳光新村5号楼302
    rf"{_ESTATE}[ \t]*(?:[0-9]+{_DASH}[0-9]+{_DASH}[0-9]+{_NOT_A_DATE}|[0-9]+{_DASH}[0-9]{{3,4}}{_NOT_A_DATE}"
    rf"|{_N}(?:号楼|幢|栋|座|号)[ \t]*(?:{_N}单元[ \t]*)?[0-9]+{_NOT_A_DATE})(?:[ \t]*(?:室|号))?",
    # 3幢2单元501室 / 2单元501室: 单元 is residential (an office is not written this way); the
    # numbers before 单元 are added in _address_start
    r"单元(?:[ \t]*[0-9]+(?![0-9])(?:[ \t]*室)?)?",
    # 人民路100号3幢 / 青年街8号2单元
    rf"(?:路|街|巷|弄|大道)[ \t]*{_N}号[ \t]*{_N}(?:幢|栋|单元|室)",
    # 某某村3组12号
    rf"村[ \t]*{_N}组[ \t]*{_N}号",
)))
# where to try _ADDRESS: the first words of its branches, as one flat list the engine finds fast
_ADDRESS_START = re.compile("|".join(("家住|住在|住于|住址|家庭住址|居住地址|现住|现居", _ESTATE[3:-1], "单元|路|街|巷|弄|大道|村")))
_BEFORE_UNIT = re.compile(r"(?:[0-9]+[ \t]*(?:幢|栋|号楼|座)[ \t]*)?[0-9]+[ \t]*$")
_NAMED = (*_ESTATE[3:-1].split("|"), "路", "街", "巷", "弄", "大道", "村")
_NAME_STOP = set(" \t\n,.;:!?()[]{}<>\"'，。、；：！？（）【】「」《》住在于是的和及与了进到入回从自向位家")


def _address_start(text: str, m: re.Match) -> int | None:
    """Where the address begins, or None when this is not one (单元 without a number before it)."""
    start = m.start()
    if m.group().startswith("单元"):
        before = _BEFORE_UNIT.search(text, max(0, start - 16), start)
        if before is None:
            return None
        building = any(w in before.group() for w in "幢栋楼座")
        room = re.search(r"[0-9]+", m.group())
        if not building and not (room and 3 <= len(room.group()) <= 4):
            return None      # 第3单元 of a textbook; 2单元501室 has a room number
        return before.start()
    if not text.startswith(_NAMED, start):
        return start
    i = start      # widen to the estate's or road's name (锦绣花园, not just 花园), at most 4 characters back
    while i > 0 and start - i < 4 and text[i - 1] not in _NAME_STOP and not text[i - 1].isdigit():
        i -= 1
    return i


# ---- e-mail addresses ---------------------------------------------------------------------------
_EMAIL = re.compile(r"@(?<=[A-Za-z0-9._%+-]@)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_EMAIL_USER = re.compile(r"[A-Za-z0-9._%+-]+$")

# ---- what is not personal data even when it looks like it ----------------------------------------
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+", re.I)


def find(text: str) -> list[Finding]:
    """Every piece of personal data in `text` (a whole file), in order. Numbers inside web addresses
    are part of the address, not data about a person, and are left out."""
    norm = normalise(text)
    found: list[Finding] = []
    for m in _ID.finditer(norm):
        if _id_ok(norm, m.start(), m.group()):
            found.append(Finding(m.start(), m.end(), "id"))
    for m in _mobile_matches(norm):
        found.append(Finding(m.start(), m.end(), "mobile"))
    for m in _FULL_DATE.finditer(norm):
        if _real_date(*_date_parts(m)) and _is_birth(norm, m.start(), m.end()):
            found.append(Finding(m.start(), m.end(), "birth"))
    end = 0
    for word in _ADDRESS_START.finditer(norm):
        m = _ADDRESS.match(norm, word.start()) if word.start() >= end else None
        start = _address_start(norm, m) if m else None
        if start is not None:
            found.append(Finding(start, m.end(), "address"))
            end = m.end()
    if "@" in norm:
        for m in _EMAIL.finditer(norm):
            user = _EMAIL_USER.search(norm, max(0, m.start() - 64), m.start())
            found.append(Finding(user.start(), m.end(), "email"))
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
    return [mobile_digits(m.group()) for m in _mobile_matches(normalise(text))]
