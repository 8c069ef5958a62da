"""Split a Markdown file into YAML front matter (with positions) and its body."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.source import Loc, Source
from ..problems import Problem, error
from .yaml_reader import parse_yaml


@dataclass
class MarkdownResult:
    meta: dict | None       # None when the front matter could not be read (its problems say why)
    body: str
    body_line: int          # line number of the body's first line in the file
    problems: list[Problem]


def parse_markdown(text: str, source: Source) -> MarkdownResult:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return MarkdownResult({}, text, 1, [])
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            source.line_offset = 1
            res = parse_yaml("\n".join(lines[1:i]), source)
            problems = list(res.problems)
            meta = res.data if isinstance(res.data, dict) else None
            if res.data is not None and not isinstance(res.data, dict):
                problems.append(error(Loc(source.rel, 2, 1), "文件开头 --- 之间的内容应该是「键: 值」的列表",
                                      "参照示例文件填写 title、date 等", "markdown.front-matter"))
            return MarkdownResult(meta, "\n".join(lines[i + 1:]), i + 2, problems)
    return MarkdownResult(None, text, 1, [error(Loc(source.rel, 1, 1), "文件开头的 --- 没有配对的结束行 ---",
                                              "在信息块结束处单独写一行 ---", "markdown.front-matter")])
