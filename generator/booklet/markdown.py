"""Editor Markdown → a list of blocks of styled text runs, for the Typst template to lay out.

The output is plain data (JSON-ready dicts), so nothing an editor writes is ever read as Typst markup:
a `#`, `$`, `*` or `[` in a story stays text. Supported, as editors use them in stories:
headings, paragraphs, bullet and numbered lists, block quotes, horizontal rules, **strong**,
*emphasis* / _emphasis_, `code`, [links](url) (text kept, URL dropped) and images (dropped —
a printed page cannot show a web gallery). Raw HTML tags are removed, their text kept.

    {"kind": "heading", "level": 2, "runs": [...]}
    {"kind": "para", "runs": [...]}
    {"kind": "list", "ordered": false, "items": [[runs], ...]}
    {"kind": "quote", "runs": [...]}
    {"kind": "rule"}
    run = {"text": "…", "strong": bool, "em": bool}
"""

from __future__ import annotations

import html
import re

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
_ORDERED = re.compile(r"^\s{0,3}\d{1,9}[.)、]\s*(.*)$")
_QUOTE = re.compile(r"^\s{0,3}>\s?(.*)$")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_TAG = re.compile(r"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|</?[A-Za-z][^>]*>", re.S | re.I)
_INLINE = re.compile(r"(\*\*|__)(.+?)\1|(\*|_)(.+?)\3|`([^`]+)`", re.S)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")


def blocks(md: str) -> list[dict]:
    """Parse `md` into blocks; empty input gives []."""
    out: list[dict] = []
    para: list[str] = []
    lines = md.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    i = 0

    def flush() -> None:
        if para:
            runs = inline(_join(para))
            if runs:
                out.append({"kind": "para", "runs": runs})
            para.clear()

    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):
            flush()
            fence = _FENCE.match(line).group(1)
            code = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(fence):
                code.append(lines[i])
                i += 1
            if any(c.strip() for c in code):
                out.append({"kind": "para", "runs": [_run("\n".join(code).strip())]})
        elif not line.strip():
            flush()
        elif _RULE.match(line):
            flush()
            out.append({"kind": "rule"})
        elif m := _HEADING.match(line):
            flush()
            runs = inline(m.group(2))
            if runs:
                out.append({"kind": "heading", "level": len(m.group(1)), "runs": runs})
        elif _BULLET.match(line) or (_ORDERED.match(line) and not para):
            flush()
            ordered = not _BULLET.match(line)
            pattern = _ORDERED if ordered else _BULLET
            items: list[list[str]] = []
            while i < len(lines) and lines[i].strip():
                m = pattern.match(lines[i])
                if m:
                    items.append([m.group(1)])
                elif items and lines[i].startswith((" ", "\t")):
                    items[-1].append(lines[i].strip())
                else:
                    break
                i += 1
            out.append({"kind": "list", "ordered": ordered,
                        "items": [r for r in (inline(_join(it)) for it in items) if r]})
            continue
        elif _QUOTE.match(line):
            flush()
            quoted = []
            while i < len(lines) and (m := _QUOTE.match(lines[i])):
                quoted.append(m.group(1))
                i += 1
            out.extend({"kind": "quote", "runs": b["runs"]} for b in blocks("\n".join(quoted)) if "runs" in b)
            continue
        else:
            para.append(line.strip())
        i += 1
    flush()
    return out


def inline(text: str) -> list[dict]:
    """Styled runs of one paragraph; adjacent runs of the same style are merged."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    # a backslash-escaped character (\* \_ \#) is hidden from the emphasis pattern, restored below
    text = _ESCAPE.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), text)
    runs: list[dict] = []
    _inline_into(text, False, False, runs)
    for r in runs:
        r["text"] = breakable(_unhide(r["text"]))
    merged: list[dict] = []
    for r in runs:
        if not r["text"]:
            continue
        if merged and merged[-1]["strong"] == r["strong"] and merged[-1]["em"] == r["em"]:
            merged[-1]["text"] += r["text"]
        else:
            merged.append(r)
    if merged:
        merged[0]["text"] = merged[0]["text"].lstrip()
        merged[-1]["text"] = merged[-1]["text"].rstrip()
    return [r for r in merged if r["text"]]


def _inline_into(text: str, strong: bool, em: bool, out: list[dict]) -> None:
    pos = 0
    for m in _INLINE.finditer(text):
        out.append(_run(text[pos:m.start()], strong, em))
        if m.group(2) is not None:
            _inline_into(m.group(2), True, em, out)
        elif m.group(4) is not None:
            _inline_into(m.group(4), strong, True, out)
        else:
            out.append(_run(m.group(5), strong, em))
        pos = m.end()
    out.append(_run(text[pos:], strong, em))


def _join(lines: list[str]) -> str:
    """Soft-wrapped lines of one paragraph: no space where the break falls between two CJK characters."""
    out = ""
    for line in lines:
        if out and not (_wide(out[-1]) or _wide(line[:1])):
            out += " "
        out += line
    return out


def _wide(ch: str) -> bool:
    return bool(ch) and ord(ch) >= 0x2E80


_LONG_WORD = re.compile(r"[!-~]{24,}")
_BREAK_AFTER = re.compile(r"([/.\-_?&=#:])")


def breakable(text: str) -> str:
    """Long Latin runs (web addresses, file names) get invisible break points, so a line never overflows."""
    return _LONG_WORD.sub(lambda m: _BREAK_AFTER.sub("\\1\u200b", m.group(0)), text)


_HIDDEN = 0xF0000   # supplementary private-use plane: never in editor text


def _unhide(s: str) -> str:
    return "".join(chr(ord(c) - _HIDDEN) if ord(c) >= _HIDDEN else c for c in s)


def _run(text: str, strong: bool = False, em: bool = False) -> dict:
    return {"text": text, "strong": strong, "em": em}


def plain_text(block_list: list[dict]) -> str:
    """All the text of `blocks`, for character checks and tests."""
    parts: list[str] = []
    for b in block_list:
        for runs in ([b["runs"]] if "runs" in b else b.get("items", [])):
            parts.append("".join(r["text"] for r in runs))
    return "\n".join(parts)
