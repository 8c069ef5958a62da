"""Which characters a font file can draw: a minimal reader of the OpenType `cmap` table.

Typst silently draws a tofu box for a character that no font has, so the booklet checks every text
against the union of its fonts' character maps before compiling. Reads only the table directory and
the cmap (formats 4 and 12, the ones CJK fonts use), so even a 50 MB font costs a few milliseconds.
"""

from __future__ import annotations

import bisect
import struct
from functools import lru_cache
from pathlib import Path


class Coverage:
    """A set of code points stored as sorted, merged ranges (a CJK font has ~45,000 in a few thousand ranges)."""

    def __init__(self, ranges) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [r[0] for r in merged]
        self._ends = [r[1] for r in merged]

    def __contains__(self, cp: int) -> bool:
        i = bisect.bisect_right(self._starts, cp) - 1
        return i >= 0 and cp <= self._ends[i]

    def __len__(self) -> int:
        return sum(e - s + 1 for s, e in zip(self._starts, self._ends))

    def ranges(self) -> list[tuple[int, int]]:
        return list(zip(self._starts, self._ends))

    def union(self, *others: "Coverage") -> "Coverage":
        return Coverage([r for c in (self, *others) for r in c.ranges()])


def font_coverage(path: Path) -> Coverage:
    """Every code point any face in the font file (.ttf/.otf/.ttc/.otc) maps to a glyph."""
    p = Path(path)
    st = p.stat()
    return _coverage(str(p), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=64)
def _coverage(path: str, _mtime: int, _size: int) -> Coverage:
    with open(path, "rb") as f:
        head = f.read(12)
        if head[:4] == b"ttcf":
            count = struct.unpack(">I", head[8:12])[0]
            offsets = struct.unpack(f">{count}I", f.read(4 * count))
        else:
            offsets = (0,)
        ranges: list[tuple[int, int]] = []
        seen: set[int] = set()             # faces of a collection may share one cmap subtable
        for off in offsets:
            ranges += _face_coverage(f, off, seen)
    return Coverage(ranges)


def _face_coverage(f, offset: int, seen: set[int]) -> list[tuple[int, int]]:
    f.seek(offset)
    _version, num_tables = struct.unpack(">IH", f.read(6))
    f.seek(offset + 12)
    cmap_at = None
    for _ in range(num_tables):
        tag, _sum, table_off, _length = struct.unpack(">4sIII", f.read(16))
        if tag == b"cmap":
            cmap_at = table_off
    if cmap_at is None:
        return []
    f.seek(cmap_at)
    _v, n = struct.unpack(">HH", f.read(4))
    records = [struct.unpack(">HHI", f.read(8)) for _ in range(n)]
    subtables: dict[int, int] = {}          # absolute offset → format, each read once
    for platform, encoding, sub_off in records:
        if (platform, encoding) in ((3, 1), (3, 10), (0, 3), (0, 4), (0, 6)):
            f.seek(cmap_at + sub_off)
            subtables[cmap_at + sub_off] = struct.unpack(">H", f.read(2))[0]
    # a format-12 table holds everything the format-4 one does (and the supplementary planes)
    wanted = [o for o, fmt in subtables.items() if fmt == 12] or [o for o, fmt in subtables.items() if fmt == 4]
    out: list[tuple[int, int]] = []
    for at in wanted:
        if at in seen:
            continue
        seen.add(at)
        f.seek(at + 2)
        out += _format12(f) if subtables[at] == 12 else _format4(f)
    return out


def _format4(f) -> list[tuple[int, int]]:
    length, _lang, seg_x2 = struct.unpack(">HHH", f.read(6))
    f.read(6)
    seg = seg_x2 // 2
    ends = struct.unpack(f">{seg}H", f.read(seg_x2))
    f.read(2)
    starts = struct.unpack(f">{seg}H", f.read(seg_x2))
    deltas = struct.unpack(f">{seg}h", f.read(seg_x2))
    range_offsets = struct.unpack(f">{seg}H", f.read(seg_x2))
    rest = f.read(max(0, length - 16 - 4 * seg_x2))
    out: list[tuple[int, int]] = []
    for i in range(seg):
        start, end, delta, ro = starts[i], ends[i], deltas[i], range_offsets[i]
        if start == 0xFFFF:
            continue
        for c in range(start, end + 1):
            if ro == 0:
                gid = (c + delta) & 0xFFFF
            else:
                # offset is relative to the range-offset entry itself; `rest` starts after the array
                at = ro + 2 * (c - start) + 2 * i - seg_x2
                if at < 0 or at + 2 > len(rest):
                    continue
                gid = struct.unpack(">H", rest[at:at + 2])[0]
                gid = (gid + delta) & 0xFFFF if gid else 0
            if gid:
                out.append((c, c))
    return out


def _format12(f) -> list[tuple[int, int]]:
    f.read(2)                                # reserved
    _length, _lang, groups = struct.unpack(">III", f.read(12))
    out = []
    for start, end, gid in struct.iter_unpack(">III", f.read(12 * groups)):
        if gid == 0:
            start += 1
        if start <= end:
            out.append((start, end))
    return out


def missing_characters(text: str, coverage: Coverage) -> list[str]:
    """Characters of `text` that no font covers, in order of first appearance (whitespace ignored)."""
    seen: dict[str, None] = {}
    for ch in text:
        cp = ord(ch)
        if cp in coverage or ch.isspace() or cp < 0x20 or 0xFE00 <= cp <= 0xFE0F or cp == 0x200B:
            continue
        seen.setdefault(ch, None)
    return list(seen)
