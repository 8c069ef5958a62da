"""Personal data that must never be published: ID numbers, mobile numbers, full birth dates, home
addresses, e-mail addresses.

Scans the editor's own text of every published file (sources.published_text: YAML, Markdown, caption
and transcript files), so a number hidden in a story or a subtitle is found as surely as one in a
field. What an organisation publishes on purpose is allowed: the office address and e-mail in its
`contact:` block, and its phone — a mobile only when the file states it is a public office number.
An address or number declared there may be repeated in any other text.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

from ...model.corpus import Model
from ...model.entities import Contact
from ...model.source import Loc
from ...problems import Problem, error
from ..sources import PublishedText, published_text
from . import patterns
from .patterns import id_checksum_ok  # noqa: F401  (part of this rule's API)

STATEMENT = "phone_is_public_office_number: true"

_MESSAGES = {
    "id": ("privacy.id-number", "这里有一个居民身份证号码「{text}」，不能公开",
           "删除身份证号；身份信息只保存在协会的内部档案里，不要写进内容文件"),
    "mobile": ("privacy.mobile", "这里有一个手机号码「{text}」，个人手机号不能公开",
               "删除手机号；需要联系方式时写协会的办公电话（写在协会文件的 contact 里）"),
    "birth": ("privacy.birth-date", "这里写了完整的出生日期「{text}」，不能公开",
              "只保留出生年份（写在 birth_year 里，例如 birth_year: 1975），删除月和日；"
              "如果这个日期不是生日，请把日期和“出生”分成两句话写"),
    "address": ("privacy.address", "这里像是家庭住址「{text}」，不能公开",
                "删除门牌号、楼栋、单元和室号；最多写到区县或乡镇（例如「南浔区练市镇」）"),
    "email": ("privacy.email", "这里有一个电子邮箱「{text}」，个人邮箱不能公开",
              "删除邮箱；协会的公开邮箱请写在协会文件（或 site.yml）contact 的 email 里，写在那里的邮箱在正文中也可以出现"),
}


@dataclass(frozen=True)
class Declared:
    """What organisations publish on purpose, allowed wherever it is repeated."""

    mobiles: frozenset[str]     # 11 digits of office mobiles whose file carries the statement
    emails: frozenset[str]      # lower-cased contact e-mails


def declared(model: Model) -> Declared:
    contacts: list[Contact] = [model.site.contact, *(a.contact for a in model.associations.values())]
    mobiles = {d for c in contacts if c.phone_is_public_office_number for d in patterns.mobiles(c.phone)}
    emails = {c.email.strip().lower() for c in contacts if c.email.strip()}
    return Declared(frozenset(mobiles), frozenset(emails))


def scan_line(text: str) -> list[tuple[int, str, str, str]]:
    """(column, message, hint, code) for each piece of personal data in one text that is not a content
    file (e.g. a booklet title typed on the command line); no organisation exemptions apply."""
    out = []
    for f in patterns.find(text):
        code, template, hint = _MESSAGES[f.kind]
        out.append((f.start + 1, template.format(text=text[f.start:f.end]), hint, code))
    return out


def scan(text: PublishedText, allowed: Declared = Declared(frozenset(), frozenset())) -> list[Problem]:
    """Every piece of personal data in one published file, at the editor's line and column."""
    source = text.source
    whole = "\n".join(source.lines)
    found = patterns.find(whole)
    if not found:
        return []
    starts = [0]
    for line in source.lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    contact = text.contact
    out = []
    for f in found:
        n = bisect.bisect_right(starts, f.start)
        col = f.start - starts[n - 1] + 1
        value = whole[f.start:f.end]
        in_contact = contact is not None and n in contact.lines
        code, template, hint = _MESSAGES[f.kind]
        message = template.format(text=value)
        if f.kind == "mobile":
            if patterns.mobile_digits(value) in allowed.mobiles:
                continue
            if in_contact and n == contact.phone_line:
                code, message, hint = ("privacy.contact-mobile",
                                       f"联系电话「{value}」是手机号码，没有写明它是对外公开的办公电话，不能公开",
                                       f"如果这是协会对外公开的办公手机，在 contact 下面加一行「{STATEMENT}」；"
                                       "如果是个人手机，请改成办公室座机号码（例如 0572-2123456）")
        elif f.kind in ("email", "address") and in_contact:
            continue   # the organisation's own office address and e-mail
        elif f.kind == "email" and value.lower() in allowed.emails:
            continue
        out.append(error(Loc(source.rel, n, col), message, hint, code, source.line_text(n)))
    return out


def check(model: Model) -> list[Problem]:
    out: list[Problem] = []
    allowed = declared(model)
    for text in published_text(model):
        out.extend(scan(text, allowed))
    for w in model.workers.values():
        if w.consent and w.consent.date > dt.date.today():
            loc = w.source.loc("consent", "date")
            out.append(error(loc, f"同意公开的日期 {w.consent.date} 在今天之后", "填写本人实际签字同意的日期", "privacy.consent-date", w.source.line_text(loc.line)))
    return out
