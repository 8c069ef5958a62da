"""Photos and QR codes are laid out as stand-ins, and put in their place in the PDF afterwards.

Typst never opens a photo. In the document a photo is a number; the template places a two-pixel
stand-in carrying that number (`placed-photo` in theme/booklet/style.typ), stretched to its frame.
After layout, `stand_ins(pdf)` reads how large each one was printed, the caller makes a print file
of exactly that shape and size (never upscaled), and `swap()` writes the JPEG's bytes into the
stand-in's image object (embedded as is, no re-encoding). It is the print trade's picture replacement
(OPI) for the same reasons: layout time and memory do not grow with the photos' pixels (Typst keeps
every decoded image for the whole compile), and no photo carries more pixels than its print needs.

QR codes go the same way: Typst places a stand-in the size of the symbol, and `swap()` turns it into
a form of filled rectangles in black ink (one per run of dark modules), drawn exactly where Typst's
own shapes were. Laid out by Typst, the few hundred shapes of each code took a fifth of the compile
time and a third of its memory.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import pikepdf
from PIL import Image
from pikepdf import Array, Name

from ..model import Media

PHOTO, QR = b"FCP", b"FCQ"      # a stand-in's second pixel: (70, 67, 80) a photo, (70, 67, 81) a QR code
MM = 25.4 / 72          # mm per point

# Pixels per inch at the printed size. The press file: 300, the print trade's rule for photos. The
# reading copy is read on screens (an A5 page fills a laptop screen at ~150 ppi) and printed on office
# printers, whose halftone cannot show more than ~200 ppi: 250 looks the same there, with 70 % of the
# bytes of 300 (and 45 % of 300's pixels when a page is shown at 200 % on a 4K screen is still sharp).
PRESS_PPI = 300
READING_PPI = 250
# The press file's photos are JPEG_PRINT (quality 92, no chroma subsampling: generator/media/specs.py),
# the source of their CMYK conversion. The reading copy's: quality 85 with 4:2:0 chroma, the usual
# "high" setting for photos seen on screens; 55-60 % of the bytes of JPEG_PRINT at the same pixels.
READING_JPEG = {"quality": 85, "subsampling": 2, "optimize": True}


class PhotoRefs:
    """The photos and QR codes of the documents being built, by number (the stand-in's first pixel)."""

    def __init__(self) -> None:
        self.media: list[Media] = []
        self.qr_codes: list[tuple[int, list]] = []     # (modules per side, runs [[x, y, length], …])

    def ref(self, m: Media) -> int:
        self.media.append(m)
        return len(self.media)          # 1-based: a black stand-in (0) is never a photo

    def refer_qr_codes(self, doc: dict) -> None:
        """Give every QR code of `doc` a number, in place of its module runs (which stay here)."""
        parts = [doc["back"]] + [e for s in doc["sections"] for e in s["entries"]]
        for part in parts:
            q = part.get("qr")
            if q and "runs" in q:
                self.qr_codes.append((q["n"], q.pop("runs")))
                q["ref"] = len(self.qr_codes)


def stand_ins(pdf: bytes) -> dict[int, tuple[float, float]]:
    """{photo number: (width, height) in mm of its largest placement} for every stand-in `pdf` prints."""
    doc = pikepdf.open(io.BytesIO(pdf))
    sizes: dict[int, tuple[float, float]] = {}
    ids: dict[tuple[int, int], int | None] = {}
    for page in doc.pages:
        resources = page.obj.get("/Resources", pikepdf.Dictionary())
        if _places_any(resources, ids):     # most pages place no photo: their content is not parsed
            _walk(page.obj, resources, (1, 0, 0, 1, 0, 0), ids, sizes)
    return sizes


def _places_any(resources, ids: dict) -> bool:
    for xobj in resources.get("/XObject", {}).values():
        if xobj.get("/Subtype") == Name.Form:
            return True
        if xobj.objgen not in ids:
            ids[xobj.objgen] = _number(xobj)
        if ids[xobj.objgen] is not None:
            return True
    return False


def swap(pdf: bytes, files: dict[int, str], qr_codes: list[tuple[int, list]], dest: Path) -> int:
    """Write `pdf` to `dest` with every stand-in replaced by its photo's JPEG (`files`: number → path);
    returns its number of pages. Written by qpdf straight to the file: the photos' bytes are held once.

    An RGB JPEG is placed in the colour space of the ICC profile it carries (one PDF object per
    profile), CMYK is DeviceCMYK, as PDF/X-1a wants (the file's OutputIntent names the profile the
    photos were converted with). A stand-in without a file is an error: a two-pixel smudge must never
    reach a reader. `qr_codes`: (size, module runs) of QR code n at [n - 1].
    """
    doc = pikepdf.open(io.BytesIO(pdf))
    spaces: dict[bytes, pikepdf.Object] = {}
    for obj in list(doc.objects):
        if not isinstance(obj, pikepdf.Stream) or obj.get("/Subtype") != Name.Image:
            continue
        kind, number = _stand_in(obj)
        if kind == QR:
            _draw_qr(obj, *qr_codes[number - 1])
            continue
        if kind != PHOTO:
            continue
        if number not in files:
            raise ValueError(f"no photo file for stand-in {number}")
        data = _read(files[number])
        with Image.open(io.BytesIO(data)) as img:
            mode, size, adobe, icc = img.mode, img.size, "adobe" in img.info, img.info.get("icc_profile")
        for key in ("/SMask", "/Mask", "/DecodeParms", "/Decode", "/Interpolate"):
            if key in obj:
                del obj[key]
        obj.write(data, filter=Name.DCTDecode)
        obj.Width, obj.Height, obj.BitsPerComponent = size[0], size[1], 8
        if mode == "CMYK":
            obj.ColorSpace = Name.DeviceCMYK
            if adobe:       # Adobe-style CMYK JPEGs (Pillow writes them so) store inverted values
                obj.Decode = Array([1, 0, 1, 0, 1, 0, 1, 0])
        elif mode == "L":
            obj.ColorSpace = Name.DeviceGray
        elif icc:
            if icc not in spaces:
                stream = doc.make_stream(icc)
                stream.N = 3
                spaces[icc] = doc.make_indirect(Array([Name.ICCBased, stream]))
            obj.ColorSpace = spaces[icc]
        else:
            obj.ColorSpace = Name.DeviceRGB
    doc.save(dest, deterministic_id=True, stream_decode_level=pikepdf.StreamDecodeLevel.none,
             object_stream_mode=pikepdf.ObjectStreamMode.preserve)
    return len(doc.pages)


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def _draw_qr(obj, n: int, runs: list) -> None:
    """Turn a QR stand-in into a form that fills its square with the `n`×`n` symbol's dark modules, in black ink."""
    ops = ["q 0 0 0 1 k"]
    for x, y, length in runs:           # in modules, rows from the top; the form's origin is bottom left
        ops.append(f"{x} {n - y - 1} {length} 1 re")
    ops += ["f", "Q"]
    for key in list(obj.keys()):
        if key not in ("/Type", "/Length"):
            del obj[key]
    obj.write("\n".join(ops).encode())
    obj.Type, obj.Subtype = Name.XObject, Name.Form
    obj.BBox = Array([0, 0, n, n])
    obj.Matrix = Array([1 / n, 0, 0, 1 / n, 0, 0])     # n modules fill the stand-in's unit square
    obj.Resources = pikepdf.Dictionary()


def _stand_in(obj) -> tuple[bytes | None, int]:
    """(PHOTO or QR, number) of a stand-in image object; (None, 0) for any other image."""
    if int(obj.get("/Width", 0)) != 2 or int(obj.get("/Height", 0)) != 1:
        return None, 0
    try:
        data = obj.read_bytes()
    except pikepdf.PdfError:
        return None, 0
    number = int.from_bytes(data[:3], "big")
    if len(data) != 6 or data[3:] not in (PHOTO, QR) or not number:
        return None, 0
    return data[3:], number


def _number(obj) -> int | None:
    """The photo number of a photo stand-in, None for any other image."""
    kind, number = _stand_in(obj)
    return number if kind == PHOTO else None


def _mul(m: tuple, n: tuple) -> tuple:
    """m × n for PDF matrices [a b c d e f]."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _walk(owner, resources, ctm: tuple, ids: dict, sizes: dict) -> None:
    stack: list[tuple] = []
    for operands, op in pikepdf.parse_content_stream(owner, "q Q cm Do"):
        o = str(op)
        if o == "q":
            stack.append(ctm)
        elif o == "Q":
            ctm = stack.pop() if stack else ctm
        elif o == "cm":
            ctm = _mul(tuple(float(x) for x in operands), ctm)
        elif o == "Do":
            xobj = resources.get("/XObject", {}).get(str(operands[0]))
            if xobj is None:
                continue
            if xobj.get("/Subtype") == Name.Form:
                matrix = tuple(float(x) for x in xobj.get("/Matrix", [1, 0, 0, 1, 0, 0]))
                _walk(xobj, xobj.get("/Resources", resources), _mul(matrix, ctm), ids, sizes)
            elif xobj.get("/Subtype") == Name.Image:
                if xobj.objgen not in ids:
                    ids[xobj.objgen] = _number(xobj)
                number = ids[xobj.objgen]
                if number is not None:
                    w, h = math.hypot(ctm[0], ctm[1]) * MM, math.hypot(ctm[2], ctm[3]) * MM
                    old = sizes.get(number, (0.0, 0.0))
                    sizes[number] = (max(old[0], w), max(old[1], h))
