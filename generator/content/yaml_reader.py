"""Position-aware, hardened YAML reading: every scalar is the string the editor typed.

libyaml's event stream is built straight into plain dicts, lists and strings (no composer, no
resolver, no constructor): `phone: 05725000100` stays "05725000100", `title: 1:20` stays "1:20",
`yes`, `on`, `1e3`, `0x1F` and `2024-05-01` stay as typed. Typed fields parse their string later, in
fields.py, where a failure can name the key. Only two things are not text: a key with nothing after
it (and `~` / `null`, reported) is empty (None), and `[...]` / `key: value` build lists and mappings.

The Loc of every key and value goes into the Source. Depth and size are limited while building
(limits.py), so a hostile file costs little and ends in a Chinese problem (never a RecursionError or a
memory blow-up); lengths and item counts are the fields' business. Anchors
and aliases are refused ("billion laughs"). Mistakes editors make line by line (tabs, full-width colons
and spaces, a missing space after a colon) are found first by yaml_mistakes; libyaml's syntax errors
are explained by yaml_errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from ..model.source import Loc, Source
from ..problems import Problem, error, shorten, warning
from .limits import MAX_DEPTH, MAX_NODES, MAX_REPORTED
from .yaml_errors import explain_syntax_error, explain_unmarked_error
from .yaml_mistakes import repair_editor_mistakes

NULL_WORDS = frozenset({"~", "null", "Null", "NULL"})

# libyaml's parser (10× faster than PyYAML's; same events and marks) where PyYAML was built with it
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NO_KEY, _SKIP = object(), object()


@dataclass
class YamlResult:
    data: Any                 # None when the file could not be read at all
    problems: list[Problem]


def parse_yaml(text: str, source: Source) -> YamlResult:
    """Parse `text` (the whole file, or front matter starting at source.line_offset + 1)."""
    problems: list[Problem] = []
    repaired = repair_editor_mistakes(text, source, problems)
    builder = _Builder(source, problems)
    loader = _Loader(repaired)
    try:
        data = builder.run(loader)
    except _Refused:
        return YamlResult(None, problems)
    except yaml.MarkedYAMLError as e:
        problems.append(explain_syntax_error(e, repaired, source))
        return YamlResult(None, problems)
    except yaml.YAMLError as e:  # libyaml's reader errors carry no mark
        problems.append(explain_unmarked_error(e, source))
        return YamlResult(None, problems)
    finally:
        loader.dispose()
    if builder.refused:
        return YamlResult(None, problems)
    return YamlResult({} if data is None else data, problems)


def _loc(source: Source, mark) -> Loc:
    return Loc(source.rel, mark.line + 1 + source.line_offset, mark.column + 1)


class _Refused(Exception):
    """The file is refused as a whole (too deep, too many values, several documents)."""


class _Frame:
    __slots__ = ("value", "path", "key")

    def __init__(self, value, path: tuple):
        self.value, self.path, self.key = value, path, _NO_KEY


class _Builder:
    """Events → plain data, iteratively (no recursion: depth is a limit, not a stack overflow)."""

    def __init__(self, source: Source, problems: list[Problem]):
        self.source, self.problems = source, problems
        self.count = 0
        self.refused = False      # anchors/aliases were found: report them, then drop the file
        self.reported: dict[str, int] = {}

    def _problem(self, mark, message: str, hint: str, code: str, severity=error) -> None:
        """Report at `mark`; the same mistake repeated is reported MAX_REPORTED times, not 20,000."""
        self.reported[code] = self.reported.get(code, 0) + 1
        if self.reported[code] <= MAX_REPORTED:
            loc = _loc(self.source, mark)
            self.problems.append(severity(loc, message, hint, code, self.source.line_text(loc.line)))

    def run(self, loader) -> Any:
        stack: list[_Frame] = []
        root: Any = None
        skip = 0                  # >0 while inside a value that is being dropped
        documents = 0
        while True:
            ev = loader.get_event()
            if ev is None or isinstance(ev, yaml.StreamEndEvent):
                return root
            kind = type(ev)
            if skip:
                if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                    skip += 1
                elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                    skip -= 1
                continue
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                continue
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    self._problem(ev.start_mark, "一个文件里有多个 YAML 文档（出现了多余的 ---）",
                                  "删除多余的 --- 分隔线；一个文件只写一份资料", "yaml.syntax")
                    raise _Refused
                continue
            if kind not in (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent):
                continue          # stream start, document end
            # -- a node: where does it go?
            if not stack:
                path: tuple = ()
            else:
                top = stack[-1]
                if isinstance(top.value, dict):
                    if top.key is _NO_KEY:
                        if self._key(ev, top):
                            skip = 1 if kind is not yaml.ScalarEvent and kind is not yaml.AliasEvent else 0
                        continue
                    if top.key is _SKIP:
                        top.key = _NO_KEY
                        skip = 1 if kind in (yaml.MappingStartEvent, yaml.SequenceStartEvent) else 0
                        continue
                    path = top.path + (top.key,)
                else:
                    path = top.path + (len(top.value),)
            value = self._node(ev, path, len(stack))
            if stack:
                top = stack[-1]
                if isinstance(top.value, dict):
                    top.value[top.key] = value
                    top.key = _NO_KEY
                else:
                    top.value.append(value)
            else:
                root = value
            if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                stack.append(_Frame(value, path))

    def _node(self, ev, path: tuple, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            self._problem(ev.start_mark, f"内容过多：一个文件里超过 {MAX_NODES} 个值",
                          "一个文件只描述一个人或一项内容；请检查是不是粘贴了大量重复内容", "yaml.too-large")
            raise _Refused
        self.source.positions[path] = _loc(self.source, ev.start_mark)
        kind = type(ev)
        if kind is yaml.AliasEvent:
            self._anchor(ev)
            return None
        if ev.anchor:
            self._anchor(ev)
        if ev.tag and ev.tag != "!":
            tag = ev.tag.replace("tag:yaml.org,2002:", "!!")
            self._problem(ev.start_mark, f"YAML 类型标记「{shorten(tag)}」会被忽略，这里的内容按文字读取",
                          "删掉这个标记；如果文字本身以 ! 开头，请用英文引号把整个值括起来", "yaml.tag", warning)
        if kind is yaml.ScalarEvent:
            return self._scalar(ev)
        if depth >= MAX_DEPTH:
            self._problem(ev.start_mark, f"嵌套层数太多：超过 {MAX_DEPTH} 层",
                          "内容文件最多几层缩进；检查是不是多了很多 [ 或 {，或者缩进一层比一层深", "yaml.too-deep")
            raise _Refused
        return {} if kind is yaml.MappingStartEvent else []

    def _scalar(self, ev) -> str | None:
        value = ev.value
        if not ev.style:  # plain (unquoted): libyaml gives '', PyYAML None
            if value == "":
                return None
            if value in NULL_WORDS:
                self._problem(ev.start_mark, f"「{value}」在 YAML 里表示“空”，这一项按没有填写处理",
                              f"不填就直接留空；如果要显示「{value}」这几个字符，请用英文引号括起来：\"{value}\"",
                              "yaml.null", warning)
                return None
        return value  # its length is the field's business (FieldReader knows what the value is for)

    def _key(self, ev, frame: _Frame) -> bool:
        """Record a mapping key; True when the key node itself must be skipped (a list or mapping)."""
        if type(ev) is not yaml.ScalarEvent:
            self._problem(ev.start_mark, "键必须是简单的文字", "写成「键: 值」的形式", "yaml.complex-key")
            if type(ev) is yaml.AliasEvent:
                self._anchor(ev)
            frame.key = _SKIP
            return True
        if ev.anchor:
            self._anchor(ev)
        key = ev.value
        if key in frame.value:
            first = self.source.positions.get(frame.path + (key, "@key"))
            where = f"（第 {first.line} 行已经写过）" if first else ""
            self._problem(ev.start_mark, f"键「{shorten(key)}」重复出现{where}", "同一层里每个键只能写一次；删掉多余的一行",
                          "yaml.duplicate-key")
            frame.key = _SKIP
            return False
        self.source.positions[frame.path + (key, "@key")] = _loc(self.source, ev.start_mark)
        frame.key = key
        return False

    def _anchor(self, ev) -> None:
        """Anchors (&a) and aliases (*a) are how YAML bombs work: report them and drop the file."""
        self.refused = True
        self._problem(ev.start_mark, "不支持 YAML 锚点和别名（& 和 * 的写法）",
                      "把要重复的内容直接写出来；如果文字以 & 或 * 开头，请给它加上引号", "yaml.alias")
