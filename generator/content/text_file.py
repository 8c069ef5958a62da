"""Read a content file's bytes as text, with the encoding mistakes editors make turned into problems."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from ..model.source import Loc
from ..problems import Problem, error
from .limits import MAX_BYTES, MAX_REPORTED

BOM = b"\xef\xbb\xbf"
# Characters with no place in content, all invisible: controls (but tab and line breaks); the line and
# paragraph separators libyaml counts as line breaks (every later line number would be off); bidi
# embedding/override/isolate controls (they make text display as something else); zero-width marks.
_INVISIBLE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\u202a-\u202e"
                        "\u2060\u2066-\u2069\ufeff\ufffe\uffff]")
_KINDS = [("\u2028\u2029", "分行符"), ("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", "文字方向控制符"),
          ("\u200b\u2060\ufeff", "零宽字符")]


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text of `path` (a UTF-8 BOM is accepted and dropped), or None and a problem saying why."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        return None, [error(Loc(rel), f"无法读取文件（{e.strerror or e}）", "检查文件是否存在、是否有读取权限", "file.unreadable")]
    if len(raw) > MAX_BYTES:
        return None, [error(Loc(rel, 1, 1), f"文件过大（{len(raw) // 1024} KB）", "内容文件应为几 KB 的文本；图片、视频请作为单独的文件放在文件夹里", "file.too-large")]
    if raw.startswith(BOM):
        raw = raw[len(BOM):]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [error(Loc(rel, 1, 1), "文件是 UTF-16 编码，无法读取", "请另存为 UTF-8：在编辑器的“另存为”里把编码选为 UTF-8", "file.encoding")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        col = len(raw[: e.start].rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        try:
            raw.decode("gb18030")
            msg = "文件不是 UTF-8 编码（看起来是 GBK/GB2312，常见于 Windows 记事本或 WPS 的默认保存）"
        except UnicodeDecodeError:
            msg = "文件里有无法识别的字节，不是 UTF-8 文本"
        return None, [error(Loc(rel, line, col), msg, "请另存为 UTF-8：在编辑器的“另存为”里把编码选为 UTF-8 后再提交", "file.encoding")]
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return None, [error(Loc(rel, line, 1), "文件里有空字符，不是文本文件", "请确认这是用文本编辑器保存的 .yml 或 .md 文件", "file.binary")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _INVISIBLE.search(text) is None:
        return text, []
    return _INVISIBLE.sub(" ", text), _invisible(text, rel)


def _invisible(text: str, rel: str) -> list[Problem]:
    """One error per invisible character (the first few), at its line and column."""
    problems = []
    for m in itertools.islice(_INVISIBLE.finditer(text), MAX_REPORTED):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        line = text.count("\n", 0, m.start()) + 1
        ch = m.group()
        kind = next((name for chars, name in _KINDS if ch in chars), "控制字符")
        problems.append(error(Loc(rel, line, m.start() - start + 1), f"这里有一个看不见的{kind}（U+{ord(ch):04X}）",
                              "把光标移到这里删掉它，或把这几个字重新输入一遍（常见于从网页、Word 或微信复制的文字）",
                              "file.invisible-char", text[start:len(text) if end < 0 else end]))
    return problems
