"""Where a video or a voice memo was recorded, blanked in the repository's own MOV/MP4/M4A file.

Phones write the place as an ISO 6709 string ("+30.8703+120.0933+012.000/"): in the `©xyz` box of
`udta` (Android, older iPhones, FFmpeg) and as the value of `com.apple.quicktime.location.ISO6709` in
`meta`/`ilst` (iPhones); MP4 and M4A writers also use the 3GPP `loci` box (coordinates in binary). All
live in the `moov` box, which holds the index, never the pictures or the sound, so the file is edited in
place: `©xyz` and `loci` boxes become `free` boxes of zeros (players skip them), other location strings
are overwritten with spaces. Nothing moves, the streams are untouched and a 500 MB video is not
rewritten (only its index is read). The published copies carry no metadata at all (media/avjobs.py).
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import BinaryIO

MOVIE_SUFFIXES = {".mov", ".mp4", ".m4v", ".m4a", ".3gp", ".3g2"}
_LOCATION = re.compile(rb"[+-]\d{2}(?:\.\d+)?[+-]\d{3}(?:\.\d+)?(?:[+-]\d+(?:\.\d+)?)?(?:CRS[A-Za-z0-9_:]*)?/")


def moov_span(f: BinaryIO) -> tuple[int, int] | None:
    """(offset, length) of the top-level `moov` box, walking the top-level box headers only."""
    f.seek(0, 2)
    end = f.tell()
    pos = 0
    while pos + 8 <= end:
        f.seek(pos)
        header = f.read(16)
        size, kind = struct.unpack(">I4s", header[:8])
        head = 8
        if size == 1 and len(header) == 16:
            size, head = struct.unpack(">Q", header[8:16])[0], 16
        elif size == 0:
            size = end - pos
        if size < head:
            return None          # not a box structure we understand: leave the file alone
        if kind == b"moov":
            return pos, min(size, end - pos)
        pos += size
    return None


_LOCATION_BOXES = (b"\xa9xyz", b"loci")


def locations(moov: bytes) -> list[tuple[int, int]]:
    """(start, end) of every location in the `moov` box's bytes: whole `©xyz`/`loci` boxes (from their
    type to their end) and location strings elsewhere."""
    spans = []
    for kind in _LOCATION_BOXES:
        at = moov.find(kind, 4)
        while at != -1:
            size = struct.unpack(">I", moov[at - 4:at])[0]
            if 12 <= size <= len(moov) - at + 4:          # a box header, not the same bytes in a table
                spans.append((at, at - 4 + size))
            at = moov.find(kind, at + 4)
    inside = lambda i: any(a <= i < b for a, b in spans)
    spans += [m.span() for m in _LOCATION.finditer(moov) if not inside(m.start())]
    return spans


def _blanked(moov: bytes, start: int, end: int) -> bytes:
    if moov[start:start + 4] in _LOCATION_BOXES:
        return b"free" + bytes(end - start - 4)
    return b" " * (end - start)


def read_moov(path: Path) -> tuple[int, bytes] | None:
    with Path(path).open("rb") as f:
        span = moov_span(f)
        if span is None:
            return None
        f.seek(span[0])
        return span[0], f.read(span[1])


def blank_locations(path: Path) -> bool:
    """Overwrite the file's location strings in place; True if there were any."""
    found = read_moov(path)
    if found is None:
        return False
    offset, moov = found
    spans = locations(moov)
    if not spans:
        return False
    with Path(path).open("r+b") as f:
        for start, end in spans:
            f.seek(offset + start)
            f.write(_blanked(moov, start, end))
    return True
