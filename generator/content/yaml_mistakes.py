"""Line-level mistakes editors make in YAML, found before parsing and repaired in a copy.

Each is reported at its own line and column (the parser would point somewhere else: `year:2020`
makes it complain about the next line). The repaired copy lets the rest of the file be checked in
the same run. A Chinese key (`姓名：孙梅金`) gets its colon repaired silently: FieldReader reports the
key once, with the whole corrected line as the hint.
"""

from __future__ import annotations

import re

from ..model.source import Loc, Source
from ..problems import Problem, error
from .fields import KEY_SYNONYMS

_HEAD = 200  # a key sits at the start of a line: the patterns look no further (bounded work on huge lines)
_BLOCK_SCALAR = re.compile(r"""^(\s*)(?:-\s+)?[^#'"]*?:\s*[|>][+-]?\d*\s*(#.*)?$""")
# `姓名：孙梅金`, `- title：…`: a key followed by a full-width colon and no half-width `: ` before it
_FW_COLON_KEY = re.compile(r"""^(\s*(?:-\s+)?)([^\s:#'"\-][^:#'"]*?)\s*：\s*""")
# `name:孙梅金`, `- year:2020`: a key and a colon with no space after it (not `http://`)
_NO_SPACE_KEY = re.compile(r"""^( *(?:- +)?)([a-z][a-z0-9_]*|[\u3400-\u9fff]{1,8}):(?=[^ \t/\n])""")
_WIDE_SPACES = {"\u3000": "全角空格", "\u00a0": "不换行空格"}


def repair_editor_mistakes(text: str, source: Source, problems: list[Problem]) -> str:
    """Report tabs, full-width indentation and colons, missing spaces after colons; repair them in a copy."""
    lines = text.split("\n")
    block_indent: int | None = None
    for i, line in enumerate(lines):
        n = i + 1 + source.line_offset
        stripped = line.lstrip(" \t\u3000\u00a0")
        indent = len(line) - len(stripped)
        if block_indent is not None:
            if not stripped or indent > block_indent:
                continue  # inside a `|` or `>` block: free text, anything goes
            block_indent = None
        if not stripped:
            lines[i] = ""  # a line of (full-width) spaces is a blank line
            continue
        if stripped.startswith("#"):
            continue
        line = _indentation(line, indent, source, n, problems)
        indent = len(line) - len(stripped)
        head, tail = line[:_HEAD], line[_HEAD:]
        head = _fullwidth_colon(head, source, n, problems)
        head = _missing_space(head, source, n, problems)
        line = head + tail
        if len(line) <= _HEAD and _BLOCK_SCALAR.match(line):
            block_indent = indent
        lines[i] = line
    return "\n".join(lines)


def _indentation(line: str, indent: int, source: Source, n: int, problems: list[Problem]) -> str:
    """Tabs and full-width (or no-break) spaces in the indentation become plain spaces."""
    lead = line[:indent]
    if lead.strip(" ") == "":
        return line
    if "\t" in lead:
        col = lead.index("\t") + 1
        problems.append(error(Loc(source.rel, n, col), "行首用了 Tab 制表符缩进",
                              "YAML 只能用空格缩进：把 Tab 换成两个空格（编辑器里可以设置“用空格代替 Tab”）", "yaml.tab", line))
    wide = next((c for c in lead if c in _WIDE_SPACES), None)
    if wide:
        col = lead.index(wide) + 1
        problems.append(error(Loc(source.rel, n, col), f"行首用了{_WIDE_SPACES[wide]}缩进",
                              "缩进只能用半角空格：删掉这一行前面的空白，切换到英文输入法后用空格键重新缩进（全角空格看起来一样，但程序不认）",
                              "yaml.fullwidth-indent", line))
    return lead.replace("\t", "  ").replace("\u3000", "  ").replace("\u00a0", " ") + line[indent:]


def _fullwidth_colon(head: str, source: Source, n: int, problems: list[Problem]) -> str:
    m = _FW_COLON_KEY.match(head)
    if not m or ": " in head[: m.end()] or head[: m.end()].rstrip().endswith(":"):
        return head
    col = head.index("：") + 1
    key = m.group(2).strip()
    if key not in KEY_SYNONYMS:  # a Chinese key is reported once, by FieldReader, with the whole fix
        problems.append(error(Loc(source.rel, n, col), f"「{key}」后面用了全角冒号「：」",
                              f"键和值之间要用半角冒号加一个空格，例如「{key}: 值」（切换到英文输入法输入冒号）",
                              "yaml.fullwidth-colon", source.line_text(n)))
    return head[: col - 1] + ": " + head[col:].lstrip(" \u3000")


def _missing_space(head: str, source: Source, n: int, problems: list[Problem]) -> str:
    m = _NO_SPACE_KEY.match(head)
    if not m:
        return head
    key, after = m.group(2), m.end()
    wide = _WIDE_SPACES.get(head[after])
    if key not in KEY_SYNONYMS:
        what = f"冒号后面是{wide}，要换成半角空格" if wide else "冒号后面要空一格"
        value = head[after + (1 if wide else 0):].strip()
        problems.append(error(Loc(source.rel, n, after + 1), f"「{key}:」{what}",
                              f"写成「{key}: {value[:20]}」：半角冒号，后面加一个空格（切换到英文输入法输入）",
                              "yaml.colon-space", source.line_text(n)))
    return head[:after] + " " + head[after + (1 if wide else 0):]
