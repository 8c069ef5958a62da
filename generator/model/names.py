"""Chinese names → surname, given name, pinyin (surname-aware), slugs.

pypinyin reads 单 as dān and 曾 as céng; as surnames they are Shàn and Zēng. The tables below cover
compound surnames and the polyphonic surnames people most often get wrong; `name_pinyin` in a
profile overrides everything for the rest.
"""

from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin, pinyin

COMPOUND_SURNAMES = (
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 澹台 万俟 闻人 "
    "独孤 南宫 西门 端木 呼延 申屠 公羊 太史 司空 百里 东郭 拓跋 赫连 濮阳 淳于 单于 左丘 宗政 "
    "第五 公冶 壤驷 谷梁 段干 巫马 亓官 乐正 漆雕 梁丘 羊舌 微生 仲孙 叔孙 公西 颛孙 司寇 鲜于"
).split()

# surname reading (with tone) where it differs from the most common reading of the character
SURNAME_READINGS = {
    "单": "shàn", "曾": "zēng", "解": "xiè", "区": "ōu", "仇": "qiú", "朴": "piáo", "查": "zhā",
    "盖": "gě", "乐": "yuè", "员": "yùn", "秘": "bì", "繁": "pó", "缪": "miào", "召": "shào",
    "句": "gōu", "覃": "qín", "种": "chóng", "翟": "zhái", "祭": "zhài", "过": "guō", "冼": "xiǎn",
    "洗": "xiǎn", "沈": "shěn", "华": "huà", "燕": "yān", "蕃": "pí", "能": "nài", "宁": "nìng",
    "朝": "cháo", "藏": "zàng", "尉": "yù", "隗": "wěi", "莘": "shēn", "折": "shé", "那": "nā",
    "阚": "kàn", "重": "chóng", "长": "cháng", "曲": "qū", "任": "rén", "参": "shēn", "石": "shí",
    "薄": "bó", "柏": "bǎi", "万": "wàn", "贲": "bēn", "谌": "chén", "相": "xiàng", "卜": "bǔ",
    "都": "dū", "哈": "hǎ", "纪": "jǐ", "郇": "huán", "褚": "chǔ", "眭": "suī", "殷": "yīn",
    "尉迟": "yùchí", "万俟": "mòqí", "单于": "chányú", "长孙": "zhǎngsūn", "乐正": "yuèzhèng",
}

_TONES = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü", "aaaaeeeeiiiioooouuuuvvvvv")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f\uf900-\ufaff]")


def strip_tones(s: str) -> str:
    s = unicodedata.normalize("NFC", s).lower().translate(_TONES)
    return s.replace("u:", "v")


def split_name(name: str) -> tuple[str, str]:
    """(surname, given name). Compound surnames first; names of 1 char have no given name."""
    name = name.strip()
    for s in COMPOUND_SURNAMES:
        if name.startswith(s) and len(name) > len(s):
            return s, name[len(s):]
    return name[:1], name[1:]


def _char_readings(name: str, style: Style) -> list[list[str]]:
    return pinyin(name, style=style, heteronym=True, errors=lambda chars: [[c] for c in chars])


def _surname_syllables(surname: str, style: Style) -> list[str] | None:
    if surname in SURNAME_READINGS:
        r = SURNAME_READINGS[surname]
        if style == Style.NORMAL:
            r = strip_tones(r)
        if len(surname) == 1:
            return [r]
        # two-character surname readings are stored joined; split by each char's candidates
        split = _segment(strip_tones(r), _char_readings(surname, Style.NORMAL))
        if split:
            if style == Style.NORMAL:
                return split
            out, i = [], 0
            for part in split:  # re-cut the toned string at the same lengths
                out.append(r[i:i + len(part)])
                i += len(part)
            return out
    return None


def name_syllables(name: str, style: Style = Style.NORMAL) -> list[str]:
    """One syllable per character, surname read as a surname."""
    surname, given = split_name(name)
    sur = _surname_syllables(surname, style)
    if sur is None:
        sur = lazy_pinyin(surname, style=style, errors=lambda chars: list(chars))
    rest = lazy_pinyin(given, style=style, errors=lambda chars: list(chars)) if given else []
    return sur + rest


def _segment(joined: str, candidates: list[list[str]]) -> list[str] | None:
    """Split `joined` into one syllable per character, each from that character's readings."""
    def go(i: int, k: int) -> list[str] | None:
        if k == len(candidates):
            return [] if i == len(joined) else None
        for cand in sorted(set(strip_tones(c) for c in candidates[k]), key=len, reverse=True):
            if joined.startswith(cand, i):
                rest = go(i + len(cand), k + 1)
                if rest is not None:
                    return [cand] + rest
        return None
    return go(0, 0)


def parse_pinyin_override(name: str, override: str) -> list[str] | None:
    """Toneless syllables from an editor's `name_pinyin` ("Shàn Xióngxìn", "shan xiong xin").

    None when the override does not fit the characters of the name.
    """
    tokens = [t for t in re.split(r"[\s'’\-·]+", strip_tones(override)) if t]
    chars = [c for c in name if not c.isspace()]
    if len(tokens) == len(chars) and all(t.isalpha() for t in tokens):
        return tokens
    joined = "".join(tokens)
    if not joined.isalpha():
        return None
    return _segment(joined, _char_readings("".join(chars), Style.NORMAL))


def display_pinyin(name: str, syllables_toned: list[str]) -> str:
    """"Sūn Méijīn": surname and given name capitalised, as on a name card."""
    surname, given = split_name(name)
    n = len(surname)
    parts = ["".join(syllables_toned[:n]), "".join(syllables_toned[n:])]
    return " ".join(p[:1].upper() + p[1:] for p in parts if p)


def derive_pinyin(name: str, override: str = "") -> tuple[str, tuple[str, ...], bool]:
    """(display pinyin, toneless syllables, override_ok)."""
    if override:
        syl = parse_pinyin_override(name, override)
        if syl is not None:
            return override.strip(), tuple(syl), True
    toned = name_syllables(name, Style.TONE)
    plain = name_syllables(name, Style.NORMAL)
    return display_pinyin(name, toned), tuple(strip_tones(s) for s in plain), not override


def slugify_name(name: str) -> str:
    """孙梅金 → sun-meijin, 欧阳修 → ouyang-xiu. ASCII only; characters without pinyin are dropped."""
    surname, _ = split_name(name)
    syl = [re.sub(r"[^a-z0-9]", "", s) for s in name_syllables(name)]
    n = len(surname)
    parts = ["".join(syl[:n]), "".join(syl[n:])]
    return "-".join(p for p in parts if p) or "worker"


def slugify_text(text: str) -> str:
    """Any Chinese title → a pinyin slug (for stories, studios, collectives)."""
    out = []
    for s in lazy_pinyin(text, errors=lambda chars: [chars.lower()]):     # digits and letters stay one word: 第10村 → di-10-cun
        s = re.sub(r"[^a-z0-9]+", "-", strip_tones(s))
        if s.strip("-"):
            out.append(s.strip("-"))
    return "-".join(out)[:60].strip("-") or "item"


def is_han(ch: str) -> bool:
    return bool(_HAN.match(ch))
