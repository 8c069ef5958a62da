"""Markdown bodies: no scripts or embedded pages (they would run on readers' phones), no unfilled placeholders;
plain-text fields (YAML values, front matter): HTML in them is shown as text, and the editor is told so."""

from __future__ import annotations

import re

from ..content.fields import PLACEHOLDER
from ..model.corpus import Model
from ..model.source import Loc, Source
from ..problems import Problem, error, warning
from .sources import all_sources, markdown_sources, yaml_sources

_DANGEROUS = re.compile(r"<\s*(script|iframe|object|embed|style|form|link|meta|base)\b|\bon[a-z]+\s*=\s*['\"]|javascript\s*:", re.I)
_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_ALLOWED_TAGS = {"br", "sup", "sub", "u", "mark", "small", "ruby", "rt", "rp", "abbr", "kbd", "details", "summary"}


def check(model: Model) -> list[Problem]:
    out: list[Problem] = []
    for source, _fm in markdown_sources(model):
        start = body_start(source.lines)
        out += _plain_text(source, range(1, start))
        out += _body(source, start)
    for source in yaml_sources(model):
        out += _plain_text(source, range(1, len(source.lines) + 1))
    for source in all_sources(model):
        for n, line in enumerate(source.lines, start=1):
            for m in PLACEHOLDER.finditer(line):
                out.append(error(Loc(source.rel, n, m.start() + 1), f"还有没填写的内容：{m.group(0)}",
                                 "把【待填写…】整个替换成真实内容；不需要的可选项可以整行删除", "content.placeholder", line))
    return out


def body_start(lines: list[str]) -> int:
    """The 1-based line where a Markdown file's body starts (after its --- front matter ---, if any)."""
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                return i + 2
    return 1


def body_lines(source: Source):
    """(line number, line with `inline code` blanked) for the body lines outside fenced code blocks."""
    in_fence = False
    for n in range(body_start(source.lines), len(source.lines) + 1):
        line = source.lines[n - 1]
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield n, re.sub(r"`[^`]*`", lambda m: " " * len(m.group(0)), line)


def _body(source: Source, start: int) -> list[Problem]:
    """Markdown is rendered to HTML and sanitised (generator/site/markdown_text.py): script HTML is refused
    here so an editor learns about it, other tags are cleaned away on the page."""
    out = []
    for n, code_free in body_lines(source):
        line = source.lines[n - 1]
        m = _DANGEROUS.search(code_free)
        if m:
            out.append(error(Loc(source.rel, n, m.start() + 1), "正文里有脚本或嵌入网页的 HTML 代码，出于安全不能发布",
                             "删除这段 HTML；图片、视频请写在 profile.yml 的 gallery、videos 里", "markdown.script", line))
            continue
        for t in _TAG.finditer(code_free):
            if t.group(1).lower() not in _ALLOWED_TAGS:
                out.append(warning(Loc(source.rel, n, t.start() + 1), f"正文里有 HTML 标签 <{t.group(1)}>，发布时会被清理掉",
                                   "正文请用 Markdown：## 小标题、**加粗**、- 列表", "markdown.html", line))
                break
    return out


def _plain_text(source: Source, lines: range) -> list[Problem]:
    """YAML values and front matter are plain text: every template escapes them, so a tag shows up literally
    on the page (and in the page title, search results, feed…). Harmless, but never what the editor meant."""
    out = []
    for n in lines:
        line = source.lines[n - 1]
        if line.lstrip().startswith("#"):
            continue
        t = _TAG.search(line)
        if t:
            out.append(warning(Loc(source.rel, n, t.start() + 1),
                               f"这一项是纯文字，里面的 HTML 代码 <{t.group(1)}> 不会起作用，会原样显示在网页上",
                               "这里只写文字：删掉尖括号 < > 和其中的代码", "content.html-text", line))
    return out
