"""Readers for the small structures several kinds of content share (honors, achievements, contact)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..model.entities import Achievement, Contact, Honor, Media
from ..model.source import Loc
from ..problems import Problem, error
from .fields import SLUG, FieldReader
from .limits import MAX_TRANSCRIPT
from .text_file import read_text
from .yaml_file import load_yaml_file


def open_item(path: Path, root: Path, problems: list[Problem], what: str, example: str) -> FieldReader | None:
    """A content/<kind>/<id>.yml file ready to read field by field; None (reported) when its name is not
    an id or its YAML cannot be read."""
    if not SLUG.match(path.stem):
        problems.append(error(Loc(path.relative_to(root).as_posix()), f"文件名「{path.name}」不是有效的编号",
                              f"{what}的文件名就是它的编号（网址的一部分），只能用小写字母、数字和连字符，例如 {example}",
                              "schema.slug"))
        return None
    data, source = load_yaml_file(path, root, problems)
    if data is None:
        return None
    return FieldReader(data, source, problems, what=path.name)


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
    value = r.text(key, label, max_len=MAX_TRANSCRIPT)
    if value.lower().endswith((".txt", ".md")) and "\n" not in value:
        media = r.media(key, label)
        if media is None:
            return "", None
        text, problems = read_text(media.path, (PurePosixPath(r.source.rel).parent / media.rel).as_posix())
        r.problems.extend(problems)
        return text or "", media
    return value, None
