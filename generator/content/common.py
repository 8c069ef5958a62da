"""Readers for the small structures several kinds of content share (honors, achievements, contact)."""

from __future__ import annotations

from ..model.entities import Achievement, Contact, Honor, Media
from ..problems import error
from .fields import FieldReader


def read_honor(r: FieldReader, _i: int) -> Honor | None:
    title = r.text("title", "荣誉称号", required=True)
    level = r.level(required=True)
    year = r.year("year", "获得年份", required=True)
    awarded_by = r.text("awarded_by", "授予单位")
    if not (title and level and year):
        return None
    return Honor(title=title, level=level, year=year, awarded_by=awarded_by, loc=r.loc())


def read_achievement(r: FieldReader, _i: int) -> Achievement | None:
    title = r.text("title", "成果名称", required=True)
    year = r.year("year", "年份")
    kind = r.text("kind", "类别（专利、工法、奖项…）")
    return Achievement(title, year, kind) if title else None


def read_contact(r: FieldReader | None) -> Contact:
    if r is None:
        return Contact()
    c = Contact(address=r.text("address", "办公地址"), phone=r.text("phone", "办公电话"),
                email=r.text("email", "电子邮箱"), website=r.url("website", "网站"),
                hours=r.text("hours", "办公时间"),
                phone_is_public_office_number=r.boolean("phone_is_public_office_number", "电话是对外公开的办公号码"))
    r.finish()
    return c


def read_file_text(r: FieldReader, key: str, label: str) -> tuple[str, Media | None]:
    """A text value, or the content of a .txt/.md file in the folder when the value names one (and that file)."""
    value = r.text(key, label)
    if value.lower().endswith((".txt", ".md")) and "\n" not in value:
        media = r.media(key, label)
        if media is None:
            return "", None
        try:
            return media.path.read_text(encoding="utf-8-sig"), media
        except (OSError, UnicodeDecodeError):
            r.problems.append(error(media.loc, f"无法读取文件「{value}」", "请另存为 UTF-8 文本", "file.encoding"))
            return "", media
    return value, None
