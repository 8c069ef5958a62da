"""Hidden search words for a worker page, so a reader finds a name however they type it.

Pagefind matches a query word against the start of indexed words ("sun" finds "sunmeijin"), so the page
carries the forms a reader types in full, plus the mixed ones (full syllables, then initials) that a
prefix cannot reach: 孙梅金 → sunmeijin, sunmeij, sunmj, smj, and the given name alone (meijin, meij, mj).
The search page joins spaced pinyin ("sun mei jin" → sunmeijin) before it searches, so the page needs no
spaced forms. The offline copy matches the same forms (theme/assets/search-core.js).
"""

from __future__ import annotations

import re

from pypinyin import lazy_pinyin

from ..model.entities import Worker
from ..model.names import SURNAME_READINGS

_CJK = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f])")


def spaced(text: str) -> str:
    """"湖州清源电力" → "湖 州 清 源 电 力": every Chinese character its own search token
    (titles of association, studio, collective and story pages; few pages, so the index stays small)."""
    return " ".join(_CJK.sub(r" \1 ", text or "").split())


def phrase_chars(*texts: str) -> str:
    """The Chinese characters of a worker's employer, honors, place… each once, space-separated.

    Pagefind splits a query with the browser's word list and the page with its own; where they disagree
    (南浔 is one word to the indexer, two characters to the browser), single-character words still meet.
    Each character once: the search page checks the phrase itself against the page's text."""
    return " ".join(dict.fromkeys(c for t in texts for c in _CJK.findall(t or "")))


def pinyin_forms(syllables) -> list[str]:
    """("sun", "mei", "jin") → ["sunmeijin", "sunmeij", "sunmj", "smj"]: the first k syllables in full,
    the rest as initials. ("ou", "yang", "qing", "song") gives "ouyangqs" among them."""
    syl = [s for s in syllables if s and s.isascii() and s.isalpha()]
    if not syl:
        return []
    return [("".join(syl[:k]) + "".join(s[0] for s in syl[k:])) for k in range(len(syl), -1, -1)]


def name_aliases(worker: Worker) -> list[str]:
    """孙梅金 → ["孙 梅 金", "孙梅金", "梅金", "孙", "sunmeijin", "sunmeij", "sunmj", "smj", "meijin", "meij", "mj"]."""
    chars = [c for c in worker.name if not c.isspace()]
    out = [" ".join(chars), worker.name, worker.given_name, worker.surname]
    syl = tuple(worker.pinyin_syllables)
    out += pinyin_forms(syl)
    given = pinyin_forms(syl[len(worker.surname):]) if worker.given_name else []
    out += [g for g in given if len(g) > 1]          # a single initial would match half the site
    out += _misread_surname_forms(worker.surname, syl)
    return _unique(out)


def _misread_surname_forms(surname: str, syl: tuple[str, ...]) -> list[str]:
    """单立新 (Shàn) → ["danlixin", "danlix", "danlx"]: readers who do not know a surname's own reading type
    the character's everyday one (单 dan, 曾 ceng, 解 jie, 仇 chou, 覃 tan). Only for surnames read differently
    (SURNAME_READINGS), spelled in full, so "dlx" does not reach them."""
    if surname not in SURNAME_READINGS or len(syl) <= len(surname):
        return []
    usual = lazy_pinyin(surname, errors="ignore")
    if len(usual) != len(surname) or tuple(usual) == syl[:len(surname)]:
        return []
    return pinyin_forms((*usual, *syl[len(surname):]))[:-1]


def _unique(out: list[str]) -> list[str]:
    seen: set[str] = set()
    unique = []
    for a in out:
        a = a.strip()
        if a and a not in seen:
            seen.add(a)
            unique.append(a)
    return unique
