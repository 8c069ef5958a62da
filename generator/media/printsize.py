"""Is a photo sharp enough to print at a given size? 300 dpi is the print shops' rule for photos."""

from __future__ import annotations

import math
from dataclasses import dataclass

MM_PER_INCH = 25.4


def print_pixels_needed(width_mm: float, height_mm: float, dpi: int = 300) -> tuple[int, int]:
    """Pixels a photo needs to print `width_mm` × `height_mm` at `dpi`."""
    # The small epsilon keeps float noise (25.4 mm → 300.00000000000006 px) from adding a pixel.
    return math.ceil(width_mm / MM_PER_INCH * dpi - 1e-6), math.ceil(height_mm / MM_PER_INCH * dpi - 1e-6)


@dataclass(frozen=True)
class PrintCheck:
    ok: bool
    dpi: float                  # the resolution the photo would print at (after a "cover" crop)
    needed: tuple[int, int]     # pixels needed for the requested dpi
    message: str                # Chinese, "" when ok


def check_print_resolution(name: str, width_px: int, height_px: int, width_mm: float, height_mm: float,
                           dpi: int = 300) -> PrintCheck:
    """Whether a `width_px` × `height_px` photo (as displayed) prints at `dpi` when filling the frame.

    The booklet crops photos to fill the frame, so the limiting side is the one with fewer pixels
    per millimetre; that side's resolution is what the print shows.
    """
    needed = print_pixels_needed(width_mm, height_mm, dpi)
    actual = min(width_px / (width_mm / MM_PER_INCH), height_px / (height_mm / MM_PER_INCH))
    if actual >= dpi - 0.5:
        return PrintCheck(True, actual, needed, "")
    message = (f"照片 {name} 只有 {width_px}×{height_px} 像素，按 {width_mm:g}×{height_mm:g} 毫米印刷约 {actual:.0f} dpi，"
               f"低于 {dpi} dpi，印出来会发虚；需要至少 {needed[0]}×{needed[1]} 像素的原图"
               f"（或把印刷尺寸缩小到约 {width_mm * actual / dpi:.0f}×{height_mm * actual / dpi:.0f} 毫米）")
    return PrintCheck(False, actual, needed, message)
