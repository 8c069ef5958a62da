"""Normalise what people type in a register: names, years, honours, levels, employer + position."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
EXCEL_EPOCH = dt.date(1899, 12, 30)


def cell_text(v) -> str:
    """A cell as text: integral floats without ".0", dates as ISO, everything NFKC-stripped of odd spaces."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, dt.datetime):
        v = v.date() if v.time() == dt.time() else v
    if isinstance(v, (dt.date, dt.datetime, dt.time)):
        return v.isoformat()
    s = str(v).replace("\r\n", "\n").replace("\r", "\n")
    s = s.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    if s[:1] == "'" and s[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        s = s[1:]          # the quote our export (and the site's CSV) puts before formula-like text
    return s.strip()


def clean_text(v) -> str:
    """One-line text: runs of spaces (half- and full-width) and line breaks become one space."""
    return re.sub(r"[\s\u3000]+", " ", cell_text(v)).strip()


def clean_name(v) -> str:
    """`孙 梅金`, `孙　梅金` → 孙梅金; keeps `·` names and single spaces between Latin words."""
    s = re.sub(r"[\s\u3000]+", " ", cell_text(v)).strip()
    s = re.sub(rf"(?<=[{HAN}·•]) (?=[{HAN}·•])", "", s)
    s = s.replace("•", "·").replace("・", "·")
    return re.sub(rf"(?<=[{HAN}]) (?=[{HAN}])", "", s)


def norm_key(s: str) -> str:
    """For comparing names and employers: no spaces, brackets or middle dots, half-width."""
    return re.sub(r"[\s\u3000()（）·・\-—]", "", unicodedata.normalize("NFKC", s or "")).lower()


def same_employer(a: str, b: str) -> bool:
    """The same employer written fully or with the position glued on ("某公司" / "某公司缫丝车间主任")."""
    a, b = norm_key(a), norm_key(b)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short)


def _chinese_year(s: str) -> str:
    """二〇二〇 / 二零二零 → 2020 (only runs of four Chinese digits)."""
    def repl(m):
        return m.group(0).translate(str.maketrans("〇零○Ｏ一二三四五六七八九", "0000123456789"))
    return re.sub(r"[〇零○Ｏ一二三四五六七八九]{4}", repl, s)


def parse_year(v, lo: int = 1900, hi: int | None = None) -> int | None:
    """2020, 2020.0, "2020年", "2020.4", "2020-04", "2020年4月", "二〇二〇年", an Excel date serial, a date cell."""
    hi = hi or dt.date.today().year + 1
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, (dt.date, dt.datetime)):
        return v.year if lo <= v.year <= hi else None
    if isinstance(v, (int, float)):
        if isinstance(v, int) or v.is_integer():
            digits = str(int(v))
            if len(digits) in (6, 8):           # 197806, 19780612: a date typed as a number
                return parse_year(digits[:4], lo, hi)
        if lo <= v < hi + 1:
            return int(v)                       # 2020, or 2020.4 typed as a number
        if 1 <= v < 80000:                      # an Excel date serial (a date cell read as a number)
            y = (EXCEL_EPOCH + dt.timedelta(days=int(v))).year
            return y if lo <= y <= hi else None
        return None
    s = unicodedata.normalize("NFKC", _chinese_year(str(v)))
    m = re.fullmatch(r"\s*((?:1[89]|20)\d\d)(?:\d\d|\d{4})\s*", s)      # "197806", "19780612"
    if m:
        return parse_year(int(m.group(1)), lo, hi)
    m = re.search(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", s)
    if m:
        y = int(m.group(1))
        return y if lo <= y <= hi else None
    m = re.fullmatch(r"\s*(\d{5})(?:\.0+)?\s*", s)           # a serial that arrived as text (CSV)
    if m:
        return parse_year(int(m.group(1)), lo, hi)
    return None


def all_years(v) -> list[int]:
    """Every year in a cell: "2015、2020" → [2015, 2020]."""
    if not isinstance(v, str):
        y = parse_year(v)
        return [y] if y else []
    s = unicodedata.normalize("NFKC", _chinese_year(v))
    found = [int(y) for y in re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", s)]
    if not found:
        y = parse_year(v)          # a date serial that arrived as text
        found = [y] if y else []
    return found


def parse_gender(v) -> str:
    s = clean_text(v).lower()
    if s in ("男", "男性", "m", "male", "男士"):
        return "男"
    if s in ("女", "女性", "f", "female", "女士"):
        return "女"
    return ""


def parse_count(v) -> int | None:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return int(v) if v >= 1 else None
    m = re.fullmatch(r"\s*(\d+)\s*(人|名|位)?\s*", unicodedata.normalize("NFKC", cell_text(v)))
    return int(m.group(1)) if m and int(m.group(1)) >= 1 else None


# ---- honours ---------------------------------------------------------------------------------------
@dataclass
class HonourText:
    title: str
    year: int | None = None
    level_word: str = ""      # a level written next to the title: 全国劳动模范（国家级）


_SEPARATORS = "、；;/／\n，,|"
_NOT_A_TITLE = re.compile(r"[\W\d_]*|无|暂无|没有|空|略|见备注|待定|待补充|不详|n/?a|none", re.I)   # "无", "—", "/": no honour
_LEVEL_WORDS = r"(?:国家级|全国级|部级|省部级|省级|市级|地市级|市厅级|区县级|县区级|县级|区级)"


def split_outside_brackets(text: str, separators: str = _SEPARATORS) -> list[str]:
    parts, depth, cur = [], 0, []
    for ch in text:
        if ch in "（(【[《":
            depth += 1
        elif ch in "）)】]》" and depth:
            depth -= 1
        if ch in separators and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return [p.strip() for p in parts if p.strip()]


def parse_honours(v) -> list[HonourText]:
    """"全国劳动模范（2020）、浙江省劳动模范（2015年）" / "2020年全国劳动模范" / one per line → items."""
    out = []
    for part in split_outside_brackets(cell_text(v)):
        title, year, level = part, None, ""
        for m in list(re.finditer(r"[（(\[【]([^）)\]】]*)[）)\]】]", part)):
            inner = m.group(1)
            y = parse_year(inner)
            lv = re.search(_LEVEL_WORDS, inner)
            if y or lv:
                year = year or y
                level = level or (lv.group(0) if lv else "")
                title = title.replace(m.group(0), "")
        m = re.match(r"^\s*((?:1[89]|20)\d\d)(?:\s*年(?:度)?|\s+|[.．:：])\s*(?:被)?(?:授予|评为|获得|荣获)?\s*", title)
        if m and len(title) > m.end():
            year = year or int(m.group(1))
            title = title[m.end():]
        m = re.search(r"\s*[（(]?\s*((?:1[89]|20)\d\d)\s*年?(?:度)?\s*[）)]?\s*$", title)
        if m and m.start() > 0 and not year:
            year = int(m.group(1))
            title = title[: m.start()]
        title = re.sub(r"^(?:被)?(?:授予|评为|荣获|获得)", "", title.strip())
        title = re.sub(r"[\s\u3000]+", "", title) if re.search(f"[{HAN}]", title) else title.strip()
        title = title.strip("“”\"'「」《》")
        if title and not _NOT_A_TITLE.fullmatch(title):
            out.append(HonourText(title, year, level))
    return out


LEVEL_COLUMN_WORDS = {
    "national": ("national", "国家级", "全国级", "全国", "国家", "部级", "国家部委", "省部级（国家）"),
    "provincial": ("provincial", "省级", "省部级", "省", "省部"),
    "municipal": ("municipal", "city", "市级", "地市级", "市厅级", "市", "设区市级"),
    "county": ("county", "district", "区县级", "县区级", "县级", "区级", "区县", "县", "区", "县（区）级", "县(区)级"),
}
_LEVEL_BY_WORD = {w: lv for lv, words in LEVEL_COLUMN_WORDS.items() for w in words}


def level_from_word(word: str) -> str:
    return _LEVEL_BY_WORD.get(unicodedata.normalize("NFKC", word or "").strip().lower().replace("(", "（").replace(")", "）"), "")


# ---- combined 工作单位及职务 -------------------------------------------------------------------
_ORG_END = re.compile(r"(?:有限责任公司|股份有限公司|有限公司|分公司|子公司|公司|集团|总厂|分厂|厂|医院|卫生院|卫生服务中心|中心|"
                      r"学校|中学|小学|幼儿园|大学|学院|研究院|研究所|设计院|院|所|局|站|银行|支行|分行|营业部|合作社|农场|"
                      r"林场|茶场|村委会|居委会|委员会|村|社区|街道|镇|乡|馆|处|队|部|社|协会|联合会|商会|事务所|工作室|酒店|宾馆|商场|超市|"
                      r"人民政府|政府|办事处)")
_ORG_WORDS = tuple(_ORG_END.pattern[3:-1].split("|"))
_ORG_TAIL = re.compile(f"(?:{_ORG_END.pattern[3:-1]})$")
# Organisation words that do not occur inside a job title: a position after one of them is not the position yet
# (镇|人民政府农技员, 村|股份经济合作社社长). The single characters (厂, 院, 部, 社…) do: 厂长, 院长, 质检部部长.
_ORG_NAME_WORD = re.compile("|".join(w for w in _ORG_WORDS if len(w) > 1 or w in "村镇乡"))
_POSITION_WORD = re.compile(r"(?:长|主任|书记|经理|主管|工|师|员|手|董事|总监|主席|委员|组长|干事|骨干|代表|负责人|专家|顾问|"
                            r"医生|护士|教师|老师|校长|院长|站长|所长|厂长|车间主任|技术员|操作工|驾驶员|党员|职工|户|农民|警|匠|家)$")


def split_employer_position(v) -> tuple[str, str]:
    """"长兴县人民医院 主任医师" / "湖州某丝绸有限公司缫丝车间主任" → (employer, position).

    A separator (space, comma, 、, /) splits first; otherwise the text splits after the last
    organisation word (公司, 医院, 村…) that is followed by something that ends like a job title.
    """
    s = re.sub(r"[\s\u3000]+", " ", cell_text(v)).strip()
    if not s:
        return "", ""
    for m in re.finditer(r"\s*[ ，,、/／|;；]\s*", s):
        left, right = s[: m.start()].strip(), s[m.end():].strip()
        if left and right and _ORG_END.search(left):
            employer, first = _split_compact(left)
            return (employer, f"{first}{m.group(0).strip() or ' '}{right}") if first else (left, right)
    employer, position = _split_compact(s)
    return (employer, position) if position else (s, "")


def _split_compact(s: str) -> tuple[str, str]:
    """Split after an organisation word when what follows ends like a job title of two or more characters
    (湖州某医院|院长, not 湖州某医院院|长); the first such place whose rest names no further organisation
    (南浔区和孚镇某村股份经济合作社|社长, not 南浔区和孚镇|某村…社长)."""
    compact = s.replace(" ", "")
    spans = [(j, j + len(w)) for j in range(len(compact)) for w in _ORG_WORDS if compact.startswith(w, j)]
    cuts = []
    for i in range(1, len(compact) - 1):
        tail = _ORG_TAIL.search(compact[:i])
        if tail and not any(j <= tail.start() and k > i for j, k in spans):   # not inside a longer word: 某村村|委会
            cuts.append(i)
    fits = [i for i in cuts if len(compact) - i <= 16 and _POSITION_WORD.search(compact[i:])]
    for i in fits:
        if not _ORG_NAME_WORD.search(compact[i:]):
            return compact[:i], compact[i:]
    return (compact[: fits[0]], compact[fits[0]:]) if fits else (s, "")
