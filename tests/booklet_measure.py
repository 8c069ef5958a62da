"""Measuring booklet pages as a reader sees them (poppler renders and text boxes), for the layout tests.

    empty_bands(pdf, pages)     how much of the text block is blank below the last ink, per page (0–1)
    lone_characters(pdf, pages) lines of text that hold a single Chinese character (a title or value
                                broken before its last character)

Both work on the trim area of the page (the TrimBox of a press file), so crop marks do not count.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from html import unescape
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from generator.booklet.document import PAPERS

MM = 72 / 25.4
DPI = 40
HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]")


def _trim(pdf: Path, page: int) -> tuple[float, float, float, float]:
    p = PdfReader(pdf).pages[page - 1]
    box = p.trimbox if "/TrimBox" in p else p.mediabox
    media = p.mediabox
    # in points from the top-left corner of the MediaBox
    return (float(box.left) - float(media.left), float(media.top) - float(box.top),
            float(box.right) - float(media.left), float(media.top) - float(box.bottom))


def empty_bands(pdf: Path, pages: list[int], paper: str = "A5") -> dict[int, float]:
    """{page: blank fraction of the text block's height below the lowest ink on the page}.

    The folio in the bottom margin is not part of the text block, so it is not counted as ink.
    """
    spec = PAPERS[paper]
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        for page in pages:
            base = Path(tmp) / f"p{page}"
            subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                            str(pdf), str(base)], check=True)
            img = Image.open(f"{base}.png").convert("L")
            x0, y0, x1, y1 = (v * DPI / 72 for v in _trim(pdf, page))
            px_per_mm = DPI / 25.4
            top = y0 + spec.top_mm * px_per_mm
            bottom = y0 + (spec.height_mm - spec.bottom_mm) * px_per_mm
            left = x0 + spec.margin_x_mm * px_per_mm * 0.5
            right = x1 - spec.margin_x_mm * px_per_mm * 0.5
            region = img.crop((int(left), int(top), int(right), int(bottom)))
            w, h = region.size
            data = region.tobytes()
            last = -1
            for row in range(h - 1, -1, -1):
                line = data[row * w:(row + 1) * w]
                if min(line) < 200:
                    last = row
                    break
            out[page] = (h - 1 - last) / h
    return out


def lone_characters(pdf: Path, pages: list[int], max_height_pt: float = 30, column_gap_pt: float = 15) -> dict[int, list[str]]:
    """{page: [line text, …]} for lines holding exactly one Chinese character (punctuation aside).

    Words are joined into lines by their baseline, and split where a gap wider than `column_gap_pt`
    separates two columns (a label and its value). Very large type (a surname standing in for a
    missing portrait) is not a line of text.
    """
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "bbox.html"
        subprocess.run(["pdftotext", "-bbox", str(pdf), str(html)], check=True)
        text = html.read_text(encoding="utf-8")
    out: dict[int, list[str]] = {}
    word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', re.S)
    for number, page in enumerate(re.findall(r"<page .*?</page>", text, re.S), start=1):
        if number not in pages:
            continue
        words = sorted(((float(y1), float(x0), float(x1), float(y1) - float(y0), unescape(t))
                        for x0, y0, x1, y1, t in word.findall(page)), key=lambda w: (round(w[0]), w[1]))
        lines: list[list] = []
        for w in words:
            if w[3] > max_height_pt:
                continue
            last = lines[-1][-1] if lines else None
            if last and abs(last[0] - w[0]) < 1.5 and w[1] - last[2] < column_gap_pt:
                lines[-1].append(w)
            else:
                lines.append([w])
        for line in lines:
            t = "".join(w[4] for w in line)
            if len(HAN.findall(t)) == 1 and len(re.sub(r"[\W_]", "", t)) == 1:
                out.setdefault(number, []).append(t)
    return out
