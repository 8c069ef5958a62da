"""Problems found in content: what every reader, loader and check reports, and how it is printed.

One line each, as editors and CI annotations expect:
    文件:行:列: 错误: 说明 — 提示: 怎么改
followed (in text form) by the editor's own line with a caret under the column.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .model.source import Loc

QUOTE_WIDTH = 120  # characters of the editor's line shown under a problem (lines can be megabytes long)
ERROR = "error"
WARNING = "warning"
_LABEL = {ERROR: "错误", WARNING: "警告"}


@dataclass(frozen=True)
class Problem:
    severity: str      # ERROR or WARNING
    loc: Loc
    message: str       # what is wrong, in Chinese
    hint: str = ""     # how to fix it, in Chinese
    code: str = ""     # stable rule id, e.g. "yaml.fullwidth-colon" (for tests and JSON consumers)
    quote: str = ""    # the editor's own line

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def line(self) -> str:
        text = f"{self.loc}: {_LABEL[self.severity]}: {self.message}"
        if self.hint:
            text += f" — 提示: {self.hint}"
        return printable(text)

    def as_dict(self) -> dict:
        return {"file": self.loc.file, "line": self.loc.line, "column": self.loc.col,
                "severity": self.severity, "code": self.code, "message": self.message, "hint": self.hint}


def shorten(text: str, limit: int = 40) -> str:
    """A value quoted inside a message: at most `limit` characters, then an ellipsis."""
    text = str(text)
    return text if len(text) <= limit else text[:limit] + "…"


def printable(text: str) -> str:
    """Text any terminal or JSON file can take: a lone surrogate (from an odd file name) becomes U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


def error(loc: Loc, message: str, hint: str = "", code: str = "", quote: str = "") -> Problem:
    return Problem(ERROR, loc, message, hint, code, quote)


def warning(loc: Loc, message: str, hint: str = "", code: str = "", quote: str = "") -> Problem:
    return Problem(WARNING, loc, message, hint, code, quote)


@dataclass
class Report:
    """All problems of one run, in file order, without duplicates."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, *problems: Problem) -> None:
        self.problems.extend(problems)

    def extend(self, problems) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.sorted() if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.sorted() if not p.is_error]

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)

    def sorted(self) -> list[Problem]:
        seen, out = set(), []
        for p in sorted(self.problems, key=lambda p: (p.loc.file, p.loc.line, p.loc.col, p.severity, p.code)):
            key = (p.loc, p.severity, p.message)
            if key not in seen:
                seen.add(key)
                out.append(p)
        return out

    # ---- output formats --------------------------------------------------------------------
    def format_text(self, color: bool = False) -> str:
        lines = []
        for p in self.sorted():
            head = p.line()
            if color:
                head = ("\033[31m" if p.is_error else "\033[33m") + head + "\033[0m"
            lines.append(head)
            if p.quote.strip():
                quote, col = quote_window(p.quote.rstrip(), p.loc.col)
                lines.append(f"    | {printable(quote)}")
                if col:
                    lines.append("    | " + _caret_pad(quote, col) + "^")
        lines.append(self.summary())
        return "\n".join(lines)

    def summary(self) -> str:
        e, w = len(self.errors), len(self.warnings)
        if not e and not w:
            return "检查通过：没有发现问题。"
        if not e:
            return f"检查通过：0 个错误，{w} 个警告。"
        return f"检查未通过：{e} 个错误，{w} 个警告。请按提示修改后再提交。"

    def format_json(self) -> str:
        return printable(json.dumps({"ok": self.ok, "errors": len(self.errors), "warnings": len(self.warnings),
                           "problems": [p.as_dict() for p in self.sorted()]}, ensure_ascii=False, indent=2))

    def format_github(self) -> str:
        """GitHub Actions workflow commands: annotations on the pull request's lines."""
        out = []
        for p in self.sorted():
            kind = "error" if p.is_error else "warning"
            msg = p.message + (f" — 提示: {p.hint}" if p.hint else "")
            props = f"file={_gh_prop(p.loc.file)}"
            if p.loc.line:
                props += f",line={p.loc.line}"
            if p.loc.col:
                props += f",col={p.loc.col}"
            out.append(printable(f"::{kind} {props},title={_gh_prop('fengcai check')}::{_gh_data(msg)}"))
        out.append(self.summary())
        return "\n".join(out)


def quote_window(quote: str, col: int, width: int = QUOTE_WIDTH) -> tuple[str, int]:
    """At most `width` characters of a long line, around column `col` (1-based), and the column in them."""
    if len(quote) <= width:
        return quote, col
    start = max(0, min(max(col - 1, 0) - width // 2, len(quote) - width))
    shown = ("…" if start else "") + quote[start:start + width] + ("…" if start + width < len(quote) else "")
    return shown, (col - start + (1 if start else 0)) if col else 0


def _caret_pad(quote: str, col: int) -> str:
    """Spaces (and full-width spaces under CJK characters) so the caret lands under column `col`."""
    pad = []
    for ch in quote[: max(col - 1, 0)]:
        pad.append("\t" if ch == "\t" else ("\u3000" if ord(ch) > 0x2E7F else " "))
    return "".join(pad)


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")
