"""YAML as an editor writes it: the `fengcai new` templates (comments, key order) filled in, and single
top-level keys replaced in place so everything else in a file — comments, the editor's own additions —
stays byte for byte as it was."""

from __future__ import annotations

import functools
import json
import re

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from ..content.fields import PLACEHOLDER

_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*:(?:\s|$)")
# text YAML could read as something else: numbers (05725000100), times (1:20), dates, booleans (yes/no/on)
_NUMBERISH = re.compile(r"^[\d\s.:+\-_/,eE]+$")


def scalar(value) -> str:
    """A value as a YAML scalar: plain where YAML reads it back as the same text, else double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    s = str(value)
    return s if _plain_ok(s) else json.dumps(s, ensure_ascii=False)


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.lru_cache(maxsize=4096)
def _plain_ok(s: str) -> bool:
    if not s or s != s.strip() or any(c in s for c in "\n\r\t") or any(ord(c) < 32 for c in s):
        return False
    if _NUMBERISH.match(s) or s[0] in "!&*%@`'\"#|>{}[],?:-~" or ": " in s or " #" in s or s.endswith(":"):
        return False
    if "&" in s or "*" in s:     # the project's reader looks for anchors wherever these appear
        return False
    try:
        return yaml.load(s, Loader=_Loader) == s
    except yaml.YAMLError:
        return False


_env = Environment(loader=PackageLoader("generator.scaffold", "templates"), undefined=StrictUndefined,
                   keep_trailing_newline=True, autoescape=False)
_env.filters["yaml"] = scalar


def render_template(template: str, **values) -> str:
    """A `fengcai new` skeleton (generator/scaffold/templates/) with its own comments and key order."""
    return _env.get_template(template).render(**values)


def template_order(template: str) -> list[str]:
    text = render_template(template, name="x", association="x")
    return [m.group(1) for m in map(_TOP_KEY.match, text.split("\n")) if m]


def value_lines(key: str, value) -> list[str]:
    """`key: value`, or a block for a list of honours / a list of texts."""
    if isinstance(value, list):
        if not value:
            return [f"{key}:"]
        out = [f"{key}:"]
        for item in value:
            if isinstance(item, dict):
                first = True
                for k in ("title", "level", "year", "awarded_by"):
                    if item.get(k) in (None, ""):
                        continue
                    out.append(f"  {'- ' if first else '  '}{k}: {scalar(item[k])}")
                    first = False
                for k, v in item.items():
                    if k not in ("title", "level", "year", "awarded_by") and v not in (None, ""):
                        out.append(f"    {k}: {scalar(v)}")
            else:
                out.append(f"  - {scalar(item)}")
        return out
    return [f"{key}:" if value is None or value == "" else f"{key}: {scalar(value)}"]


def find_block(lines: list[str], key: str) -> tuple[int, int] | None:
    """[start, end) of a top-level key's line and the indented (or `- `) lines that belong to it."""
    for i, line in enumerate(lines):
        m = _TOP_KEY.match(line)
        if m and m.group(1) == key:
            end = i + 1
            j = i + 1
            while j < len(lines):
                line_j = lines[j]
                if not line_j.strip():
                    j += 1
                    continue
                if line_j[0] in " \t" or line_j.startswith("-"):
                    end = j = j + 1
                    continue
                break
            return i, end
    return None


def set_value(text: str, key: str, value, order: list[str], comment: list[str] | None = None) -> str:
    """`text` with top-level `key` set to `value`. A missing key goes after the nearest key before it in
    the template's order (or at the end), with `comment` lines above it."""
    lines = text.split("\n")
    new = value_lines(key, value)
    block = find_block(lines, key)
    if block is not None:
        start, end = block
        lines[start:end] = new
        return "\n".join(lines)
    at = None
    if key in order:
        for before in reversed(order[: order.index(key)]):
            b = find_block(lines, before)
            if b is not None:
                at = b[1]
                break
    if at is None:
        while lines and lines[-1] == "":
            lines.pop()
        lines += [""] + (comment or []) + new + [""]
        return "\n".join(lines)
    lines[at:at] = ([""] if comment else []) + (comment or []) + new
    return "\n".join(lines)


def insert_after_header(text: str, comment_lines: list[str]) -> str:
    """Comment lines after the file's opening comment block (the template's own explanation)."""
    lines = text.split("\n")
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        i += 1
    lines[i:i] = comment_lines
    return "\n".join(lines)


def comment_text(text: str) -> str:
    """Text safe inside a one-line `# …` comment."""
    return re.sub(r"\s+", " ", PLACEHOLDER.sub("", text)).strip()
