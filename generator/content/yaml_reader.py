"""Position-aware, hardened YAML reading.

Returns plain Python data plus the Loc of every key and value (in a Source), and turns the YAML
mistakes editors make into problems with a Chinese hint, instead of PyYAML's English tracebacks:
full-width colons, tabs, anchors/aliases (refused: they allow "billion laughs" bombs), duplicate keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..model.source import Loc, Source
from ..problems import Problem, error

MAX_NODES = 20_000  # a profile has a few hundred; more is a mistake or an attack
# libyaml's parser (10× faster; same nodes and marks) where PyYAML was built with it
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_BLOCK_SCALAR = re.compile(r"""^(\s*)(?:-\s+)?[^#'"]*?:\s*[|>][+-]?\d*\s*(#.*)?$""")
# `姓名：孙梅金`, `- title：…`: a key followed by a full-width colon and no half-width `: ` before it
_FW_COLON_KEY = re.compile(r"""^(\s*(?:-\s+)?)([^\s:#'"\-][^:#'"]*?)\s*：\s*""")


@dataclass
class YamlResult:
    data: Any
    problems: list[Problem]


def parse_yaml(text: str, source: Source) -> YamlResult:
    """Parse `text` (the whole file, or front matter starting at source.line_offset + 1)."""
    problems: list[Problem] = []
    text = _repair_editor_mistakes(text, source, problems)
    loader = _Loader(text)
    try:
        if "&" in text or "*" in text:  # only then can there be an anchor or alias
            problems.extend(_refuse_anchors(text, source))
        if any(p.code == "yaml.alias" for p in problems):
            return YamlResult(None, problems)
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as e:
        problems.append(_yaml_error(_pure_python_error(text) or e, source))
        return YamlResult(None, problems)
    except yaml.YAMLError as e:  # pragma: no cover - PyYAML raises marked errors for syntax problems
        problems.append(error(source.loc(), f"YAML 格式错误：{e}", "对照示例检查缩进和冒号", "yaml.syntax"))
        return YamlResult(None, problems)
    finally:
        loader.dispose()
    if node is None:
        return YamlResult({}, problems)
    conv = _Converter(loader, source, problems)
    data = conv.convert(node, ())
    return YamlResult(data, problems)


def _loc(source: Source, mark) -> Loc:
    return Loc(source.rel, mark.line + 1 + source.line_offset, mark.column + 1)


class _Converter:
    def __init__(self, loader: yaml.SafeLoader, source: Source, problems: list[Problem]):
        self.loader, self.source, self.problems, self.count = loader, source, problems, 0

    def convert(self, node, path: tuple) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            if self.count == MAX_NODES + 1:  # say it once
                self.problems.append(error(_loc(self.source, node.start_mark), "YAML 内容过多", "一个文件只描述一个人或一项内容", "yaml.too-large"))
            return None
        self.source.positions[path] = _loc(self.source, node.start_mark)
        if isinstance(node, MappingNode):
            out: dict = {}
            for knode, vnode in node.value:
                if not isinstance(knode, ScalarNode):
                    self.problems.append(error(_loc(self.source, knode.start_mark), "键必须是简单的文字", "写成「键: 值」的形式", "yaml.complex-key"))
                    continue
                key = knode.value
                kloc = _loc(self.source, knode.start_mark)
                if key in out:
                    first = self.source.positions.get(path + (key, "@key"))
                    where = f"（第 {first.line} 行已经写过）" if first else ""
                    self.problems.append(error(kloc, f"键「{key}」重复出现{where}", "同一层里每个键只能写一次；删掉多余的一行", "yaml.duplicate-key", self.source.line_text(kloc.line)))
                    continue
                self.source.positions[path + (key, "@key")] = kloc
                out[key] = self.convert(vnode, path + (key,))
            return out
        if isinstance(node, SequenceNode):
            return [self.convert(v, path + (i,)) for i, v in enumerate(node.value)]
        try:
            value = self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as e:  # e.g. an impossible date 2024-02-30
            loc = _loc(self.source, node.start_mark)
            self.problems.append(error(loc, f"无法识别的值「{node.value}」（不存在的日期？）", "日期写成 2024-05-01 这样的格式并确认日期存在；其他内容可以加引号", "yaml.value", self.source.line_text(loc.line)))
            value = node.value
        return value


def _refuse_anchors(text: str, source: Source) -> list[Problem]:
    """Anchors (&a) and aliases (*a) are refused before any node is built: they are how YAML bombs work."""
    problems = []
    for ev in yaml.parse(text, Loader=_Loader):
        if isinstance(ev, yaml.AliasEvent) or getattr(ev, "anchor", None):
            loc = _loc(source, ev.start_mark)
            problems.append(error(loc, "不支持 YAML 锚点和别名（& 和 * 的写法）", "把要重复的内容直接写出来；如果文字以 & 或 * 开头，请给它加上引号", "yaml.alias", source.line_text(loc.line)))
            if len(problems) >= 5:
                break
    return problems


def _repair_editor_mistakes(text: str, source: Source, problems: list[Problem]) -> str:
    """Report tabs and full-width colons, and repair them in a copy so the rest can still be checked."""
    lines = text.split("\n")
    block_indent: int | None = None
    for i, line in enumerate(lines):
        n = i + 1 + source.line_offset
        stripped = line.lstrip(" \t")
        indent = len(line) - len(stripped)
        if block_indent is not None:
            if not stripped or indent > block_indent:
                continue  # inside a `|` or `>` block: free text, anything goes
            block_indent = None
        if stripped.startswith("#"):
            continue
        if "\t" in line[:indent]:
            col = line.index("\t") + 1
            problems.append(error(Loc(source.rel, n, col), "行首用了 Tab 制表符缩进", "YAML 只能用空格缩进：把 Tab 换成两个空格（编辑器里可以设置“用空格代替 Tab”）", "yaml.tab", line))
            line = line[:indent].replace("\t", "  ") + stripped
            indent = len(line) - len(stripped)
        m = _FW_COLON_KEY.match(line)
        if m and ": " not in line[: m.end()] and not line[: m.end()].rstrip().endswith(":"):
            col = line.index("：") + 1
            problems.append(error(Loc(source.rel, n, col), f"「{m.group(2)}」后面用了全角冒号「：」", f"键和值之间要用半角冒号加一个空格，例如「{m.group(2)}: 值」（切换到英文输入法输入冒号）", "yaml.fullwidth-colon", line))
            line = line[: col - 1] + ": " + line[col:].lstrip()
        if _BLOCK_SCALAR.match(line):
            block_indent = indent
        lines[i] = line
    return "\n".join(lines)


_SYNTAX_HINTS = [
    ("mapping values are not allowed", "这里多了一个冒号「:」", "如果值里本身有「: 」，请把整个值用英文引号括起来，例如 quote: \"干一行: 爱一行\""),
    ("could not find expected ':'", "缺少冒号", "每一行写成「键: 值」，冒号为半角，冒号后有一个空格"),
    ("expected <block end>", "缩进不一致", "同一层的键必须左对齐（用相同数量的空格缩进）"),
    ("did not find expected key", "缩进不一致或缺少冒号", "同一层的键必须左对齐，每一行写成「键: 值」"),
    ("did not find expected '-' indicator", "列表的缩进不一致", "列表每一项以「- 」开头，并且对齐"),
    ("found unexpected end of stream", "引号或括号没有闭合", "检查这一段的引号是否成对"),
    ("while scanning a quoted scalar", "引号没有闭合", "检查引号是否成对，引号请用英文引号"),
    ("found character '\\t'", "用了 Tab 制表符", "YAML 只能用空格：把 Tab 换成两个空格"),
    ("expected a single document", "一个文件里有多个 YAML 文档（出现了多余的 ---）", "删除多余的 --- 分隔线"),
    ("found undefined alias", "不支持 YAML 别名（* 开头的写法）", "如果文字以 * 开头，请给它加上引号"),
    ("found unhashable key", "键的写法不对", "写成「键: 值」的形式"),
    ("found unknown escape character", "引号里有无法识别的反斜杠转义", "去掉反斜杠，或改用单引号"),
]


def _pure_python_error(text: str) -> yaml.MarkedYAMLError | None:
    """PyYAML's own wording of a syntax error (our hints are keyed to it; libyaml words some differently)."""
    if _Loader is yaml.SafeLoader:
        return None
    try:
        yaml.SafeLoader(text).get_single_node()
    except yaml.MarkedYAMLError as e:
        return e
    return None


def _yaml_error(e: yaml.MarkedYAMLError, source: Source) -> Problem:
    mark = e.problem_mark or e.context_mark
    if e.context_mark and "quoted scalar" in (e.context or ""):
        mark = e.context_mark  # point at the opening quote, not the end of the file
    loc = _loc(source, mark) if mark else source.loc()
    raw = f"{e.context or ''} {e.problem or ''}"
    for needle, msg, hint in _SYNTAX_HINTS:
        if needle in raw:
            break
    else:
        msg, hint = f"YAML 格式错误（{(e.problem or e.context or '').strip()}）", "对照示例文件检查这一行的缩进、冒号和引号"
    return error(loc, msg, hint, "yaml.syntax", source.line_text(loc.line))
