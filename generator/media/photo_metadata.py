"""Where a photo was taken, and whose camera took it, blanked in the repository's own copy.

Used by `fengcai import` (the copy it writes) and, through personal_metadata.py, by `check` and
`fengcai clean-media`.

The repository may be public (GitHub), and an iPhone portrait shot at home carries the home's GPS
position. The site and booklets strip all metadata from what they publish, but the copy in the
repository is published too, to anyone who can read the repository. So the copy is cleaned here —
losslessly: the EXIF block (JPEG APP1, the HEIF `Exif` item, PNG `eXIf`, WebP `EXIF`, a TIFF file
itself) is edited in place, value bytes overwritten with zeros, so nothing moves: the pixels, the
orientation, the colour profile and the file's size are exactly as they were.

What is blanked: the whole GPS directory; the camera's and the lens's serial numbers, the owner's
and the artist's name, user comments (EXIF); and any XMP packet that carries a location, a creator
or a serial number (replaced by an empty packet of the same length).
"""

from __future__ import annotations

import re
import struct
import zlib

GPS_IFD, EXIF_IFD = 0x8825, 0x8769
PERSONAL_TAGS = {
    0x013B,   # Artist
    0x9286,   # UserComment
    0x9C9C,   # XPComment
    0x9C9D,   # XPAuthor
    0xA430,   # CameraOwnerName
    0xA431,   # BodySerialNumber
    0xA435,   # LensSerialNumber
}
_TYPE_SIZE = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
_EXIF_IN_CONTAINER = re.compile(rb"Exif\x00\x00(?=MM\x00\*|II\*\x00)")
_XMP = re.compile(rb"<x:xmpmeta\b.*?</x:xmpmeta>", re.S)
_XMP_PERSONAL = re.compile(rb"GPS|[Ll]ocation|photoshop:City|photoshop:State|photoshop:Country|dc:creator|"
                           rb"SerialNumber|OwnerName|Artist|iptc4xmpCore:CreatorContactInfo")
_EMPTY_XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"/>'


PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".tif", ".tiff"}


def without_location(data: bytes, suffix: str) -> bytes:
    """`data` (a photo file of type `suffix`) with its location and camera-identifying metadata blanked."""
    buf = bytearray(data)
    suffix = suffix.lower()
    if suffix == ".png":
        _png(buf)
    else:
        starts = [m.end() for m in _EXIF_IN_CONTAINER.finditer(buf)]     # JPEG APP1, HEIF Exif item, some WebP
        if suffix == ".webp":
            starts += _webp_exif(buf)
        if suffix in (".tif", ".tiff"):
            starts.append(0)
        for start in dict.fromkeys(starts):
            _scrub_tiff(buf, start, len(buf))
    _blank_xmp(buf, 0, len(buf))
    return bytes(buf)


# ---- TIFF structure (the EXIF block is one) --------------------------------------------------------
def _scrub_tiff(buf: bytearray, base: int, end: int) -> None:
    """Blank GPS and personal tags in the TIFF structure starting at `base`; leaves anything it cannot parse."""
    if base + 8 > end:
        return
    order = {b"II": "<", b"MM": ">"}.get(bytes(buf[base:base + 2]))
    if order is None or struct.unpack(order + "H", buf[base + 2:base + 4])[0] != 42:
        return
    seen: set[int] = set()
    ifd = struct.unpack(order + "I", buf[base + 4:base + 8])[0]
    while ifd and ifd not in seen and len(seen) < 8:            # IFD0, IFD1 (the thumbnail) …
        seen.add(ifd)
        ifd = _scrub_ifd(buf, base, end, order, ifd, seen)


def _entries(buf, base, end, order, ifd):
    """(entry offset, tag, type, count, value offset) of each entry of the IFD at `ifd`, and the next IFD."""
    at = base + ifd
    if at + 2 > end:
        return [], 0
    n = struct.unpack(order + "H", buf[at:at + 2])[0]
    if at + 2 + 12 * n + 4 > end:
        return [], 0
    out = []
    for i in range(n):
        e = at + 2 + 12 * i
        tag, typ, count = struct.unpack(order + "HHI", buf[e:e + 8])
        size = _TYPE_SIZE.get(typ, 1) * count
        value = e + 8 if size <= 4 else base + struct.unpack(order + "I", buf[e + 8:e + 12])[0]
        out.append((e, tag, typ, count, value if value + size <= end else None, size))
    nxt = struct.unpack(order + "I", buf[at + 2 + 12 * n:at + 6 + 12 * n])[0]
    return out, nxt


def _scrub_ifd(buf, base, end, order, ifd, seen) -> int:
    entries, nxt = _entries(buf, base, end, order, ifd)
    for e, tag, typ, count, value, size in entries:
        if tag == GPS_IFD and value is not None:
            _empty_ifd(buf, base, end, order, struct.unpack(order + "I", buf[e + 8:e + 12])[0])
        elif tag == EXIF_IFD and value is not None:
            sub = struct.unpack(order + "I", buf[e + 8:e + 12])[0]
            if sub not in seen:
                seen.add(sub)
                _scrub_ifd(buf, base, end, order, sub, seen)
        elif tag in PERSONAL_TAGS and value is not None:
            buf[value:value + size] = bytes(size)
    return nxt


def _empty_ifd(buf, base, end, order, ifd) -> None:
    """Zero every value of the IFD (the GPS one), then its entries, and leave it with none."""
    entries, _nxt = _entries(buf, base, end, order, ifd)
    for _e, _tag, _typ, _count, value, size in entries:
        if value is not None:
            buf[value:value + size] = bytes(size)
    at = base + ifd
    if entries:
        buf[at:at + 2 + 12 * len(entries)] = bytes(2 + 12 * len(entries))   # count 0, entries zeroed


# ---- containers that need more than a search ------------------------------------------------------
def _png(buf: bytearray) -> None:
    """PNG chunks carry a CRC: blank inside eXIf / iTXt (XMP) and compute the CRC again."""
    at = 8
    while at + 12 <= len(buf):
        length = struct.unpack(">I", buf[at:at + 4])[0]
        kind = bytes(buf[at + 4:at + 8])
        data_start, data_end = at + 8, at + 8 + length
        if data_end + 4 > len(buf):
            return
        before = bytes(buf[data_start:data_end])
        if kind == b"eXIf":
            start = data_start + 6 if buf[data_start:data_start + 6] == b"Exif\x00\x00" else data_start
            _scrub_tiff(buf, start, data_end)
        elif kind == b"iTXt":
            _blank_xmp(buf, data_start, data_end)
        if bytes(buf[data_start:data_end]) != before:
            buf[data_end:data_end + 4] = struct.pack(">I", zlib.crc32(buf[at + 4:data_end]) & 0xFFFFFFFF)
        at = data_end + 4


def _webp_exif(buf: bytearray) -> list[int]:
    if buf[:4] != b"RIFF" or buf[8:12] != b"WEBP":
        return []
    out, at = [], 12
    while at + 8 <= len(buf):
        kind, length = bytes(buf[at:at + 4]), struct.unpack("<I", buf[at + 4:at + 8])[0]
        if kind == b"EXIF":
            out.append(at + 8 + (6 if buf[at + 8:at + 14] == b"Exif\x00\x00" else 0))
        at += 8 + length + (length & 1)
    return out


def _blank_xmp(buf: bytearray, start: int, end: int) -> None:
    for m in list(_XMP.finditer(buf, start, end)):
        packet = m.group(0)
        if not _XMP_PERSONAL.search(packet):
            continue
        if len(packet) >= len(_EMPTY_XMP):
            buf[m.start():m.end()] = _EMPTY_XMP + b" " * (len(packet) - len(_EMPTY_XMP))
        else:                                             # too short for the empty packet: keep the tags, blank inside
            inner = packet.index(b">") + 1
            buf[m.start() + inner:m.end() - len(b"</x:xmpmeta>")] = b" " * (len(packet) - inner - len(b"</x:xmpmeta>"))
