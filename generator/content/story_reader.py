"""content/stories/YYYY-MM-DD-<slug>.md and content/pages/*.md → Story, Page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..model.entities import Page, Story
from ..model.source import Loc
from ..problems import Problem, error
from .fields import FieldReader
from .limits import MAX_OBJECTS
from .yaml_file import load_markdown_file

STORY_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")


def read_story(path: Path, root: Path, problems: list[Problem]) -> Story | None:
    rel = path.relative_to(root).as_posix()
    m = STORY_NAME.match(path.stem)
    if not m:
        problems.append(error(Loc(rel), f"文件名「{path.name}」不符合「日期-编号.md」的格式",
                              "例如 2024-05-01-hong-wu-yue.md：日期在前，编号只用小写字母、数字和连字符", "story.filename"))
        return None
    loaded = load_markdown_file(path, root, problems)
    if loaded is None:
        return None
    meta, body, source = loaded
    if meta is None:
        return None  # its front matter's problems are reported; a missing title would only repeat them
    r = FieldReader(meta, source, problems, what="文章信息")
    title = r.text("title", "标题", required=True)
    date = r.date("date", "日期")
    try:
        file_date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        problems.append(error(Loc(rel), f"文件名里的日期「{path.stem[:10]}」不存在", "改成真实的日期", "story.filename"))
        return None
    if date and date != file_date:
        loc = source.loc("date")
        problems.append(error(loc, f"「date」写的是 {date}，文件名里的日期是 {file_date}", "两者要一致：改 date 或改文件名",
                              "story.date-mismatch", source.line_text(loc.line)))
    s = Story(
        id=path.stem, title=title, date=date or file_date, source=source,
        association=r.ref("association", "所属劳模协会编号"), cover=r.media("cover", "封面图片"),
        cover_alt=r.text("cover_alt", "封面图片说明"), workers=r.text_list("workers", "相关劳模编号", max_items=MAX_OBJECTS),
        tags=r.text_list("tags", "标签"), summary=r.text("summary", "摘要"), draft=r.boolean("draft", "草稿"),
        body_md=body, namesakes=r.text_list("namesakes", "同名的其他人"),
    )
    r.finish()
    return s if title else None


def read_page(path: Path, root: Path, problems: list[Problem]) -> Page | None:
    loaded = load_markdown_file(path, root, problems)
    if loaded is None:
        return None
    meta, body, source = loaded
    r = FieldReader(meta or {}, source, problems, what="页面信息")
    title = r.text("title", "标题")
    if not title:
        h1 = re.search(r"^#\s+(.+)$", body, re.M)
        title = h1.group(1).strip() if h1 else path.stem
    p = Page(id=path.stem, title=title, source=source, body_md=body, order=r.integer("order", "排序") or 0,
             namesakes=r.text_list("namesakes", "同名的其他人"))
    r.finish()
    return p
