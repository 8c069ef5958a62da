"""Saddle-stitch imposition: folding order, padding, sheet size — on numbered pages."""

from __future__ import annotations

import io

import pytest
import typst
from pypdf import PdfReader

from generator.booklet.impose import impose_saddle, padded_sequence, saddle_order

MM = 72 / 25.4


def numbered_pdf(pages: int, width_mm: int = 148, height_mm: int = 210) -> bytes:
    """A PDF whose page i shows only the text "Pi" (no fonts needed beyond Typst's own)."""
    src = ('#let n = int(sys.inputs.n)\n'
           f'#set page(width: {width_mm}mm, height: {height_mm}mm, margin: 20mm)\n'
           '#for i in range(1, n + 1) { if i > 1 { pagebreak() }; text(size: 30pt, "P" + str(i)) }\n')
    return typst.compile(src.encode(), sys_inputs={"n": str(pages)})


def sheet_texts(pdf: bytes) -> list[list[str]]:
    """The page labels on each sheet side, left to right."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        out.append([t for t in page.extract_text().split() if t.startswith("P")])
    return out


def test_order_for_12_pages():
    assert saddle_order(12) == [(12, 1), (2, 11), (10, 3), (4, 9), (8, 5), (6, 7)]


def test_padding_keeps_back_cover_last():
    assert padded_sequence(14) == list(range(1, 14)) + [None, None, 14]
    assert padded_sequence(14, keep_back_cover=False) == list(range(1, 15)) + [None, None]
    assert padded_sequence(12) == list(range(1, 13))
    assert len(padded_sequence(1)) == 4


def test_12_pages_on_a4_landscape_in_folding_order():
    out = impose_saddle(numbered_pdf(12))
    assert sheet_texts(out) == [["P12", "P1"], ["P2", "P11"], ["P10", "P3"], ["P4", "P9"], ["P8", "P5"], ["P6", "P7"]]
    first = PdfReader(io.BytesIO(out)).pages[0]
    assert float(first.mediabox.width) == pytest.approx(297 * MM, abs=0.5)
    assert float(first.mediabox.height) == pytest.approx(210 * MM, abs=0.5)


def test_14_pages_padded_to_16_blanks_before_back_cover():
    out = impose_saddle(numbered_pdf(14))
    # reading order 1..13, blank, blank, 14 → sheet sides [16,1] [2,15] [14,3] …
    assert sheet_texts(out) == [["P14", "P1"], ["P2"], ["P3"], ["P4", "P13"], ["P12", "P5"], ["P6", "P11"],
                                ["P10", "P7"], ["P8", "P9"]]
    assert len(PdfReader(io.BytesIO(out)).pages) == 8


def test_14_pages_padded_at_the_end():
    out = impose_saddle(numbered_pdf(14), keep_back_cover=False)
    assert sheet_texts(out) == [["P1"], ["P2"], ["P14", "P3"], ["P4", "P13"], ["P12", "P5"], ["P6", "P11"],
                                ["P10", "P7"], ["P8", "P9"]]


def test_a4_pages_go_on_a3():
    out = impose_saddle(numbered_pdf(4, 210, 297))
    first = PdfReader(io.BytesIO(out)).pages[0]
    assert float(first.mediabox.width) == pytest.approx(420 * MM, abs=0.5)
    assert sheet_texts(out) == [["P4", "P1"], ["P2", "P3"]]

