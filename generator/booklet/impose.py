"""Saddle-stitch imposition: pages two-up on sheets in folding order, ready to print double-sided.

A 12-page booklet prints as six sheet sides [12,1] [2,11] [10,3] [4,9] [8,5] [6,7]: print them
double-sided (flip on the short edge), stack, fold in the middle and staple. Page counts are padded to a
multiple of four with blank pages, inserted before the back cover so it stays the outside of the book.
"""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader, PdfWriter, Transformation

MM = 72 / 25.4
# page (portrait, mm) → the sheet two of them are printed on (landscape, mm)
SHEETS = {(148, 210): (297, 210), (210, 297): (420, 297)}


def saddle_order(pages: int) -> list[tuple[int, int]]:
    """(left, right) 1-based page numbers of every sheet side; numbers above `pages` are blanks."""
    n = -(-pages // 4) * 4
    sides = []
    for i in range(n // 2):
        lo, hi = i + 1, n - i
        sides.append((hi, lo) if i % 2 == 0 else (lo, hi))
    return sides


def padded_sequence(pages: int, keep_back_cover: bool = True) -> list[int | None]:
    """Page numbers in reading order after padding to a multiple of four; None is a blank page.

    With `keep_back_cover` the blanks go before the last page (the back cover stays last).
    """
    n = -(-pages // 4) * 4
    blanks = [None] * (n - pages)
    seq: list[int | None] = list(range(1, pages + 1))
    if keep_back_cover and pages > 1:
        return seq[:-1] + blanks + seq[-1:]
    return seq + blanks


def sheet_size(w: float, h: float) -> tuple[float, float]:
    """The sheet (points) for two pages of w × h points: A5 → A4 landscape, A4 → A3 landscape, else 2w × h."""
    size = (round(w / MM), round(h / MM))
    if size in SHEETS:
        return SHEETS[size][0] * MM, SHEETS[size][1] * MM
    return 2 * w, h


def impose_saddle(pdf: bytes, keep_back_cover: bool = True) -> bytes:
    """Two pages side by side on each sheet side (A5 pages → A4 landscape, A4 → A3 landscape)."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = list(reader.pages)
    if not pages:
        return pdf
    first = pages[0]
    w, h = float(first.mediabox.width), float(first.mediabox.height)
    sheet_w, sheet_h = sheet_size(w, h)
    x0, y0 = (sheet_w - 2 * w) / 2, (sheet_h - h) / 2      # the pages meet at the fold, centred
    seq = padded_sequence(len(pages), keep_back_cover)
    writer = PdfWriter()
    for left, right in saddle_order(len(seq)):
        sheet = PageObject.create_blank_page(width=sheet_w, height=sheet_h)
        for slot, number in ((0, seq[left - 1]), (1, seq[right - 1])):
            if number is None:
                continue
            page = pages[number - 1]
            move = Transformation().translate(tx=x0 + slot * w - float(page.mediabox.left),
                                              ty=y0 - float(page.mediabox.bottom))
            sheet.merge_transformed_page(page, move)
        if "/Annots" in sheet:
            del sheet["/Annots"]        # links would point at the wrong places on a sheet of two pages
        added = writer.add_page(sheet)
        added.compress_content_streams()
    for key in ("/Title", "/Author"):
        if reader.metadata and reader.metadata.get(key):
            writer.add_metadata({key: reader.metadata[key]})
    writer.compress_identical_objects()
    writer.pdf_header = reader.pdf_header       # the pages keep the PDF features of their source (Typst: 1.7)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
