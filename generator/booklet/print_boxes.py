"""TrimBox and BleedBox for the print-shop version, so prepress software knows where to cut."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import RectangleObject


def set_print_boxes(pdf: bytes, bleed_mm: float) -> bytes:
    """TrimBox and BleedBox on every page, so print-shop software knows where to cut."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    b = bleed_mm / 25.4 * 72
    for page in writer.pages:
        box = page.mediabox
        page.bleedbox = RectangleObject(box)
        page.trimbox = RectangleObject((float(box.left) + b, float(box.bottom) + b,
                                        float(box.right) - b, float(box.top) - b))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
