"""Seeded mutations of a content file's bytes, for the fuzz test: what careless copying, broken
transfers and hostile editors do to YAML and Markdown. Each mutator takes (bytes, Random) and returns
new bytes; `mutate` applies one to three of them and says which.
"""

from __future__ import annotations

import random

ODD_TEXT = [
    "\ud800", "\udfff",                  # lone surrogates (written with surrogatepass: invalid UTF-8)
    "\ufeff", "\u200b", "\u2060",        # BOM / zero-width
    "\u202e", "\u2066", "\u200f",        # bidi controls
    "\u2028", "\u2029", "\x85",          # line separators libyaml counts as line breaks
    "\u3000", "\u00a0", "：", "“", "”", "‘", "’", "「", "」",
    "\x01", "\x0b", "\x0c", "\x1b", "\x7f", "\x9f", "\ufffe", "\uffff",
    "😀", "👨‍👩‍👧", "𠀀", "䶮", "e\u0301", "\U0010ffff",
]
YAML_WORDS = [
    "yes", "no", "on", "off", "Y", "~", "null", "NULL", ".nan", ".inf", "-.inf", "1e3", "0x1F", "0o17",
    "1_000", "12:30:00", "1:20", "2024-02-30", "2024-05-01 10:00", "05725000100", "true", "False",
    "!!python/object/apply:os.system ['echo hi']", "!!binary aGVsbG8=", "&a x", "*a", "<<: *a", "? x",
    "[a, b", "{a: 1", '"unclosed', "'unclosed", "| ", "> ", "- x", "@x", "`x", "%YAML 1.1", "---", "...",
    "'a''b'", '"\\x00"', '"\\ud800"', '"\\U0010ffff"', '"\\q"', "2015年", "２０１５", "是", "否",
]
SPECIAL_BYTES = b"\x00\xff\x80\xc3\xe4:\"'-[]{}&*!|>#\t\r\n %@`?,\\"


def _pos(data: bytes, rnd: random.Random) -> int:
    return rnd.randrange(len(data) + 1)


def bit_flip(data: bytes, rnd: random.Random) -> bytes:
    if not data:
        return data
    b = bytearray(data)
    for _ in range(rnd.randint(1, 8)):
        i = rnd.randrange(len(b))
        b[i] ^= 1 << rnd.randrange(8)
    return bytes(b)


def special_byte(data: bytes, rnd: random.Random) -> bytes:
    if not data:
        return bytes([rnd.choice(SPECIAL_BYTES)])
    b = bytearray(data)
    for _ in range(rnd.randint(1, 4)):
        b[rnd.randrange(len(b))] = rnd.choice(SPECIAL_BYTES)
    return bytes(b)


def truncate(data: bytes, rnd: random.Random) -> bytes:
    return data[: _pos(data, rnd)]


def odd_unicode(data: bytes, rnd: random.Random) -> bytes:
    out = data
    for _ in range(rnd.randint(1, 3)):
        i = _pos(out, rnd)
        out = out[:i] + rnd.choice(ODD_TEXT).encode("utf-8", "surrogatepass") + out[i:]
    return out


def nul_bytes(data: bytes, rnd: random.Random) -> bytes:
    i = _pos(data, rnd)
    return data[:i] + b"\x00" * rnd.choice((1, 2, 100)) + data[i:]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def huge_value(data: bytes, rnd: random.Random) -> bytes:
    """A value (or a whole line) thousands to millions of characters long."""
    lines = _lines(data)
    i = rnd.randrange(len(lines))
    n = rnd.choice((5_000, 120_000, 400_000, 2_100_000))
    filler = rnd.choice(("啊", "x", "劳模 ", "a: ", "- ", "[", " "))
    blob = (filler * (n // len(filler.encode()) + 1)).encode()[:n]
    line = lines[i]
    cut = line.find(b": ")
    lines[i] = (line[: cut + 2] + blob) if cut >= 0 and rnd.random() < 0.7 else blob
    return b"\n".join(lines)


def deep_nesting(data: bytes, rnd: random.Random) -> bytes:
    depth = rnd.choice((8, 11, 50, 500, 1_200, 20_000))
    kind = rnd.randrange(3)
    if kind == 0:
        blob = b"deep: " + b"[" * depth + b"]" * depth
    elif kind == 1:
        blob = b"deep: " + b"{a: " * depth + b"}" * depth
    else:
        blob = b"deep:\n" + b"".join(b"  " * (k + 1) + b"- \n" for k in range(min(depth, 3_000)))
    lines = _lines(data)
    lines.insert(rnd.randrange(len(lines) + 1), blob)
    return b"\n".join(lines)


def long_list(data: bytes, rnd: random.Random) -> bytes:
    n = rnd.choice((150, 1_200, 25_000))
    key = rnd.choice((b"specialties", b"tags", b"honors", b"gallery", b"workers", b"industries"))
    if rnd.random() < 0.5:
        blob = key + b": [" + b", ".join(b"x%d" % k for k in range(n)) + b"]"
    else:
        blob = key + b":\n" + b"".join(b"  - x%d\n" % k for k in range(n))
    return data + b"\n" + blob


def line_shuffle(data: bytes, rnd: random.Random) -> bytes:
    lines = _lines(data)
    if len(lines) < 2:
        return data
    i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
    op = rnd.randrange(4)
    if op == 0:
        lines.insert(j, lines[i])
    elif op == 1:
        del lines[i]
    elif op == 2:
        lines[i], lines[j] = lines[j], lines[i]
    else:
        lines[i] = b" " * rnd.randint(1, 7) + lines[i]
    return b"\n".join(lines)


def yaml_word(data: bytes, rnd: random.Random) -> bytes:
    """A value replaced by something YAML 1.1 would have typed, or by YAML syntax."""
    lines = _lines(data)
    i = rnd.randrange(len(lines))
    line = lines[i]
    cut = line.find(b": ")
    word = rnd.choice(YAML_WORDS).encode("utf-8", "surrogatepass")
    lines[i] = line[: cut + 2] + word if cut >= 0 else word + line
    return b"\n".join(lines)


def line_endings(data: bytes, rnd: random.Random) -> bytes:
    return rnd.choice((data.replace(b"\n", b"\r\n"), data.replace(b"\n", b"\r"), data.replace(b"\n", b"\n\r")))


MUTATORS = [bit_flip, special_byte, truncate, odd_unicode, nul_bytes, huge_value, deep_nesting, long_list,
            line_shuffle, yaml_word, line_endings]


def mutate(data: bytes, rnd: random.Random) -> tuple[bytes, list[str]]:
    names = []
    for _ in range(rnd.choice((1, 1, 1, 2, 3))):
        m = rnd.choice(MUTATORS)
        data = m(data, rnd)
        names.append(m.__name__)
    return data, names
