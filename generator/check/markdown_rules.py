"""Markdown bodies: no scripts or embedded pages (they would run on readers' phones), no unfilled placeholders."""

from __future__ import annotations

import re

from ..content.fields import PLACEHOLDER
from ..model.corpus import Model
from ..model.source import Loc
from ..problems import Problem, error, warning
from .sources import all_sources, markdown_sources

_DANGEROUS = re.compile(r"<\s*(script|iframe|object|embed|style|form|link|meta|base)\b|\bon[a-z]+\s*=\s*['\"]|javascript\s*:", re.I)
_TAG = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_ALLOWED_TAGS = {"br", "sup", "sub", "u", "mark", "small", "ruby", "rt", "rp", "abbr", "kbd", "details", "summary"}


def check(model: Model) -> list[Problem]:
    out: list[Problem] = []
    for source, _fm in markdown_sources(model):
        in_fence = False
        for n, line in enumerate(source.lines, start=1):
            if line.lstrip().startswith(("```", "~~~")):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            code_free = re.sub(r"`[^`]*`", "", line)
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
    for source in all_sources(model):
        for n, line in enumerate(source.lines, start=1):
            for m in PLACEHOLDER.finditer(line):
                out.append(error(Loc(source.rel, n, m.start() + 1), f"还有没填写的内容：{m.group(0)}",
                                 "把【待填写…】整个替换成真实内容；不需要的可选项可以整行删除", "content.placeholder", line))
    return out
