"""libyaml's syntax errors, said the way an editor can act on them.

The parser stops at the first syntax error. Its English ("mapping values are not allowed in this
context") is keyed to a Chinese message and hint; the common causes get a closer look at the lines
around the mark: an indentation one or two spaces off (named in spaces, against the line it should
align with), a Chinese quote closing an English one, a quote that covers only part of a value.
"""

from __future__ import annotations

import re

import yaml

from ..model.source import Loc, Source
from ..problems import Problem, error
from .limits import MAX_DEPTH

# (substring of libyaml's or PyYAML's wording, message, hint); the first match wins
_SYNTAX_HINTS = [
    ("exceeded maximum nesting depth", f"嵌套层数太多：超过 {MAX_DEPTH} 层", "内容文件最多几层缩进；检查是不是多了很多 [ 或 {", "yaml.too-deep"),
    ("unknown escape character", "引号里有无法识别的反斜杠转义", "去掉反斜杠，或改用单引号", "yaml.syntax"),
    ("mapping values are not allowed", "这里多了一个冒号「:」",
     "如果值里本身有「: 」，请把整个值用英文引号括起来，例如 quote: \"干一行: 爱一行\"", "yaml.syntax"),
    ("block sequence entries are not allowed", "列表不能和键写在同一行",
     "列表的每一项另起一行，以「- 」开头并比键多缩进两个空格", "yaml.syntax"),
    ("could not find expected ':'", "缺少冒号", "每一行写成「键: 值」，冒号为半角，冒号后有一个空格", "yaml.syntax"),
    ("',' or ']'", "方括号「[」没有闭合", "检查这一段的 [ 和 ] 是否成对；列表也可以每项一行，以「- 」开头", "yaml.syntax"),
    ("',' or '}'", "花括号「{」没有闭合", "检查这一段的 { 和 } 是否成对；也可以改成每行一个「键: 值」", "yaml.syntax"),
    ("expected <block end>", "缩进不一致", "同一层的键必须左对齐（用相同数量的空格缩进）", "yaml.syntax"),
    ("did not find expected key", "缩进不一致或缺少冒号", "同一层的键必须左对齐，每一行写成「键: 值」", "yaml.syntax"),
    ("did not find expected '-' indicator", "列表的缩进不一致", "列表每一项以「- 」开头，并且对齐", "yaml.syntax"),
    ("quoted scalar", "引号没有闭合", "检查引号是否成对，引号请用英文引号", "yaml.syntax"),
    ("found unexpected end of stream", "引号或括号没有闭合", "检查这一段的引号和括号是否成对", "yaml.syntax"),
    ("tab character", "用了 Tab 制表符", "YAML 只能用空格：把 Tab 换成两个空格", "yaml.tab"),
    ("found character '\\t'", "用了 Tab 制表符", "YAML 只能用空格：把 Tab 换成两个空格", "yaml.tab"),
    ("cannot start any token", "值不能以这个符号开头", "以 @ 或 ` 开头的文字要用英文引号括起来，例如 quote: \"@湖州\"", "yaml.syntax"),
    ("while scanning a tag", "值不能以「!」开头", "以 ! 开头的文字要用英文引号括起来，例如 quote: \"!重要\"", "yaml.syntax"),
    ("while scanning an anchor", "值不能以「&」开头", "以 & 开头的文字要用英文引号括起来", "yaml.syntax"),
    ("while scanning an alias", "值不能以「*」开头", "以 * 开头的文字要用英文引号括起来", "yaml.syntax"),
    ("directive", "以「%」开头的行不能这样写", "以 % 开头的文字要用英文引号括起来", "yaml.syntax"),
    ("expected a single document", "一个文件里有多个 YAML 文档（出现了多余的 ---）", "删除多余的 --- 分隔线", "yaml.syntax"),
    ("found unhashable key", "键的写法不对", "写成「键: 值」的形式", "yaml.syntax"),
]
_KEY_LINE = re.compile(r"^( *)(- +)?([^\s#'\"\-][^:#]*?)\s*:(?:\s|$)")
_CHINESE_CLOSE = {'"': "”“", "'": "’‘"}


def explain_syntax_error(e: yaml.MarkedYAMLError, text: str, source: Source) -> Problem:
    """One problem for libyaml's error `e` in `text` (the repaired text; same lines as the file)."""
    lines = text.split("\n")
    raw = f"{e.context or ''} {e.problem or ''}"
    for explain in (_chinese_quote, _partly_quoted, _indentation):
        found = explain(e, raw, lines, source)
        if found is not None:
            return found
    mark = e.problem_mark or e.context_mark
    if e.context_mark and "quoted scalar" in (e.context or "") and "escape" not in raw:
        mark = e.context_mark  # point at the opening quote, not the end of the file
    loc = _loc(source, mark) if mark else source.loc()
    for needle, msg, hint, code in _SYNTAX_HINTS:
        if needle in raw:
            break
    else:
        msg, hint, code = "YAML 格式错误", "对照示例文件检查这一行和上一行的缩进、冒号和引号", "yaml.syntax"
    if "mapping values" in raw and _value_opens_with_chinese_quote(lines, mark):
        hint = "值里有「: 」时要用英文引号把整个值括起来；这里开头的「“」是中文引号，请改成英文引号「\"」"
    return error(loc, msg, hint, code, source.line_text(loc.line))


def explain_unmarked_error(e: yaml.YAMLError, source: Source) -> Problem:
    """Errors without a position (libyaml's reader); text_file removes their usual causes first."""
    if "control characters" in str(e) or "unacceptable character" in str(e):
        return error(source.loc(), "文件里有看不见的控制字符", "删掉这些字符（常见于从网页、Word 或微信复制的文字）", "file.invisible-char")
    return error(source.loc(), "YAML 格式错误", "对照示例文件检查缩进、冒号和引号", "yaml.syntax")


def _loc(source: Source, mark) -> Loc:
    return Loc(source.rel, mark.line + 1 + source.line_offset, mark.column + 1)


def _problem(source: Source, line0: int, col0: int, msg: str, hint: str, code: str = "yaml.syntax") -> Problem:
    loc = Loc(source.rel, line0 + 1 + source.line_offset, col0 + 1)
    return error(loc, msg, hint, code, source.line_text(loc.line))


def _chinese_quote(e, raw: str, lines: list[str], source: Source) -> Problem | None:
    """`quote: "干一行: 爱一行”`: an English quote opened, a Chinese one meant to close it."""
    if "quoted scalar" not in raw or "escape" in raw or not e.context_mark:
        return None
    line0, col0 = e.context_mark.line, e.context_mark.column
    line = lines[line0] if line0 < len(lines) else ""
    quote = line[col0:col0 + 1]
    rest = line[col0 + 1:]
    if quote not in _CHINESE_CLOSE or quote in rest:
        return None
    where = max((rest.rfind(c) for c in _CHINESE_CLOSE[quote]), default=-1)
    if where < 0:
        return _problem(source, line0, col0, f"引号没有闭合：这一行的英文引号「{quote}」后面没有配对的「{quote}」",
                        f"在值的末尾补上英文引号「{quote}」；值里没有「: 」时也可以两个引号都不写")
    chinese = rest[where]
    return _problem(source, line0, col0 + 1 + where,
                    f"引号没有闭合：开头是英文引号「{quote}」，结尾的「{chinese}」是中文引号",
                    f"把结尾的「{chinese}」改成英文引号「{quote}」（切换到英文输入法输入）")


def _partly_quoted(e, raw: str, lines: list[str], source: Source) -> Problem | None:
    """`quote: "干一行"爱一行`: a quote closes before the value ends."""
    if "did not find expected key" not in raw and "expected <block end>" not in raw or not e.problem_mark:
        return None
    line0, col0 = e.problem_mark.line, e.problem_mark.column
    line = lines[line0] if line0 < len(lines) else ""
    before = line[:col0].rstrip()
    if not before.endswith(('"', "'")) or not line[col0:col0 + 1].strip():
        return None
    return _problem(source, line0, col0, "引号后面还有文字：英文引号要括住整个值",
                    "把引号放到整个值的两头，例如 quote: \"干一行爱一行\"；文字里要用引号时请用中文引号“”")


def _indentation(e, raw: str, lines: list[str], source: Source) -> Problem | None:
    """A key line one or two spaces off: name it in spaces, against the line it should align with."""
    mark = e.problem_mark
    if mark is None or not any(s in raw for s in ("mapping values", "expected key", "block end", "'-' indicator")):
        return None
    line0 = mark.line
    if line0 >= len(lines):
        return None
    m = _KEY_LINE.match(lines[line0])
    if not m or ("mapping values" in raw and m.end(3) > mark.column):
        return None  # the colon the parser tripped on is inside the value: not an indentation problem
    if "mapping values" in raw and m.end(3) < mark.column - 1 and lines[line0][m.end(3):mark.column].strip(" "):
        return None
    here = len(m.group(1))
    columns = _open_columns(lines, line0)
    if not columns:
        return None
    dash = bool(m.group(2))  # on a tie, a list item aligns with list items, a key with keys
    target = min(columns, key=lambda c: (abs(c - here), columns[c][2] != dash, c))
    if target == here:
        return None
    diff = here - target
    key = m.group(3).strip()
    what = f"多了 {diff} 个空格" if diff > 0 else f"少了 {-diff} 个空格"
    ref_line, ref_key, _ = columns[target]
    fix = f"把这一行改成前面正好 {target} 个空格" if target else "删掉这一行前面的空格"
    return _problem(source, line0, here, f"「{key}」的缩进不对：和第 {ref_line + 1 + source.line_offset} 行的「{ref_key}」相比{what}",
                    f"同一层的键要左对齐：{fix}（不要用 Tab 或全角空格）", "yaml.indent")


def _open_columns(lines: list[str], line0: int) -> dict[int, tuple[int, str, bool]]:
    """Columns a line at `line0` could align with: the previous key line and its enclosing ones."""
    out: dict[int, tuple[int, str, bool]] = {}
    limit = None
    for i in range(line0 - 1, max(-1, line0 - 200), -1):
        m = _KEY_LINE.match(lines[i])
        if not m:
            continue
        col = len(m.group(1))
        key_col = col + len(m.group(2) or "")
        if limit is None or key_col < limit:
            out.setdefault(key_col, (i, m.group(3).strip(), False))
        if m.group(2) and (limit is None or col < limit):
            out.setdefault(col, (i, "- " + m.group(3).strip(), True))
        limit = col if limit is None else min(limit, col)
        if col == 0:
            break
    return out


def _value_opens_with_chinese_quote(lines: list[str], mark) -> bool:
    if mark is None or mark.line >= len(lines):
        return False
    m = _KEY_LINE.match(lines[mark.line])
    return bool(m) and lines[mark.line][m.end():].lstrip().startswith(("“", "‘"))
