"""Personal data that must never be published: ID numbers, mobile numbers, full birth dates, home addresses.

Scans the editor's own text (every YAML value and Markdown line), so a number hidden in a story is
found as surely as one in a field. An organisation's public contact block is exempt.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model.corpus import Model
from ..model.source import Loc, Source
from ..problems import Problem, error
from .sources import all_sources, exempt_lines

_ID = re.compile(r"(?<![0-9A-Za-z])([1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx])(?![0-9A-Za-z])")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_MOBILE = re.compile(r"(?<![\d])(?:(?:\+|00)?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d{4}){2})(?![\d])")
_DATE = r"(?:19|20)\d{2}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d))"
_BIRTH = re.compile(rf"(?:出生(?:于|日期|年月日)?|生于|生日|诞生于?|birth(?:day|_?date)?)\s*[：:是为在]?\s*{_DATE}|{_DATE}\s*(?:出生|生(?:人|于|日)?(?=[，,。；\s]|$))", re.I)
_ADDRESS = re.compile(
    r"(?:家住|住在|住址|家庭住址|居住地址|现住|现居)\s*[：:]?\s*\S*?(?:\d+\s*(?:号|幢|栋|弄|室|单元)|村\S{0,6}组)"
    r"|\S{1,20}(?:小区|花园|新村|公寓|家园|苑|社区)\s*\d+\s*(?:幢|栋|号楼)\s*(?:\d+\s*单元\s*)?\d+\s*(?:室|号)?"
    r"|\S{1,20}(?:路|街|巷|弄|大道)\s*\d+\s*号\s*\d+\s*(?:幢|栋|单元|室)"
)


def id_checksum_ok(number: str) -> bool:
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper()


def _valid_date(text: str) -> bool:
    nums = [int(n) for n in re.findall(r"\d+", text)][:3]
    try:
        dt.date(*nums)
        return True
    except (TypeError, ValueError):
        return False


def scan_line(text: str) -> list[tuple[int, str, str, str]]:
    """(column, message, hint, code) for each piece of personal data in one line of text."""
    found = []
    for m in _ID.finditer(text):
        if id_checksum_ok(m.group(1)):
            found.append((m.start(1) + 1, "这里有一个居民身份证号码，不能公开",
                          "删除身份证号；身份信息只保存在协会的内部档案里，不要写进内容文件", "privacy.id-number"))
    for m in _MOBILE.finditer(text):
        found.append((m.start(1) + 1, f"这里有一个手机号码「{m.group(1)}」，个人手机号不能公开",
                      "删除手机号；需要联系方式时写协会的办公电话（写在协会文件的 contact 里）", "privacy.mobile"))
    for m in _BIRTH.finditer(text):
        if _valid_date(m.group(0)):
            found.append((m.start() + 1, "这里写了完整的出生日期，不能公开",
                          "只保留出生年份（写在 birth_year 里，例如 birth_year: 1975），删除月和日", "privacy.birth-date"))
    for m in _ADDRESS.finditer(text):
        found.append((m.start() + 1, "这里像是家庭住址，不能公开",
                      "删除门牌号、楼栋、单元和室号；最多写到区县或乡镇（例如「南浔区练市镇」）", "privacy.address"))
    return found


def scan_source(source: Source, exempt: set[int] = frozenset()) -> list[Problem]:
    out = []
    in_block_comment = False
    for n, line in enumerate(source.lines, start=1):
        if n in exempt:
            continue
        if "<!--" in line:
            in_block_comment = "-->" not in line.split("<!--", 1)[1]
        elif in_block_comment and "-->" in line:
            in_block_comment = False
        # comments are published nowhere, but editors paste real data into them too: scan everything
        for col, msg, hint, code in scan_line(line):
            out.append(error(Loc(source.rel, n, col), msg, hint, code, line))
    return out


def check(model: Model) -> list[Problem]:
    out: list[Problem] = []
    for source in all_sources(model):
        exempt = exempt_lines(source, "contact") if source.rel.endswith((".yml", ".yaml")) and "/workers/" not in "/" + source.rel else set()
        out.extend(scan_source(source, exempt))
    for w in model.workers.values():
        if w.consent and w.consent.date > dt.date.today():
            loc = w.source.loc("consent", "date")
            out.append(error(loc, f"同意公开的日期 {w.consent.date} 在今天之后", "填写本人实际签字同意的日期", "privacy.consent-date", w.source.line_text(loc.line)))
    return out
