"""What derivatives each use of an image gets: widths, crop, encoder settings. Pure data and arithmetic.

Every field here is part of the cache key (see `Spec.key`), so changing a number re-encodes exactly
the images it affects. Bump CODE_VERSION when the encoding code itself changes output.

Encoder choices, measured on 6 synthetic 4000×3000 photos downscaled to 1280 px (bench/_common.py),
Pillow 13 / libwebp 1.6 / libavif 1.4, one core:

    encoder                 size     PSNR     time
    WebP q80 method=4      97 KB   36.9 dB    90 ms   ← chosen
    WebP q80 method=6      90 KB   36.9 dB   173 ms   (7 % smaller for 1.9× the time)
    WebP q75 method=4      73 KB   36.1 dB    89 ms
    AVIF q50 speed=8       59 KB   36.4 dB    54 ms   (~20 % smaller than WebP at equal PSNR,
    AVIF q60 speed=6       75 KB   37.8 dB   208 ms    but needs <picture> and a second encode
                                                       per width for the ~7 % of phones without
                                                       AVIF; not worth it yet)
    JPEG q82 progressive  163 KB   37.9 dB    15 ms   ← one fallback size for `src` and share cards
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import astuple, dataclass

CODE_VERSION = "1"

WEBP = {"quality": 80, "method": 4}
JPEG_FALLBACK = {"quality": 82, "optimize": True, "progressive": True}
JPEG_PRINT = {"quality": 92, "subsampling": 0, "optimize": True}   # 4:4:4 keeps red text edges clean in print

PRINT_DPI = 300
PORTRAIT_FOCUS_Y = 0.4   # faces sit above the middle of a portrait; crop around 40 % from the top


@dataclass(frozen=True)
class Spec:
    """How one use of an image is rendered for the web."""

    purpose: str
    widths: tuple[int, ...]           # ascending; never exceeded, and never upscaled beyond the source
    aspect: tuple[int, int] | None    # (w, h) to crop to, or None to keep the photo's own shape
    focus_y: float = 0.5              # vertical centre of the crop, 0 = top, 1 = bottom
    fallback_width: int = 640         # the JPEG in `src`, for share cards and browsers without WebP
    flatten_alpha: bool = False       # True: composite transparent PNGs on white even in WebP

    def key(self, source_hash: str) -> str:
        """16 hex digits naming every file derived from this source under this spec."""
        return hashlib.sha256(f"{_settings_text(self)}|{source_hash}".encode()).hexdigest()[:16]


SPECS: dict[str, Spec] = {
    # Worker portraits: 3:4 cards on lists (≈120–240 css px) and the profile header (≈320–480 css px).
    "portrait": Spec("portrait", (240, 480, 960), (3, 4), focus_y=PORTRAIT_FOCUS_Y, fallback_width=480),
    # Gallery photos keep their shape; the lightbox shows up to 1280 px.
    "gallery": Spec("gallery", (320, 640, 1280), None),
    # Story and association covers: full-width banners on desktop.
    "cover": Spec("cover", (640, 1280, 1920), None, fallback_width=1280),
    # Square thumbnails for grids and search results.
    "thumb": Spec("thumb", (160, 320), (1, 1), fallback_width=320),
    # Video posters (given or taken from the video) keep the video's shape.
    "poster": Spec("poster", (320, 640, 1280), None),
}


@functools.lru_cache(maxsize=None)
def _settings_text(spec: Spec) -> str:
    """Everything besides the source that shapes the output (computed once per spec: a hot path)."""
    return "|".join(map(str, (CODE_VERSION, astuple(spec), WEBP, JPEG_FALLBACK)))


def spec_for(purpose: str) -> Spec:
    try:
        return SPECS[purpose]
    except KeyError:
        raise ValueError(f"unknown image purpose {purpose!r}; expected one of {sorted(SPECS)}") from None


def crop_box(width: int, height: int, aspect: tuple[int, int] | None, focus_y: float = 0.5
             ) -> tuple[int, int, int, int]:
    """The largest box of `aspect` inside a `width` × `height` image, centred (vertically at `focus_y`)."""
    if aspect is None:
        return 0, 0, width, height
    aw, ah = aspect
    if width * ah > height * aw:          # too wide: trim the sides
        cw, ch = round(height * aw / ah), height
    else:                                 # too tall: trim top and bottom around the focus
        cw, ch = width, round(width * ah / aw)
    cw, ch = max(1, min(cw, width)), max(1, min(ch, height))
    left = (width - cw) // 2
    top = round((height - ch) * focus_y) if ch < height else 0
    return left, top, left + cw, top + ch


def derivative_widths(crop_width: int, widths: tuple[int, ...]) -> tuple[int, ...]:
    """The spec's widths that fit in the source; when the source is narrower than the largest, its own width too."""
    fit = [w for w in widths if w <= crop_width]
    if len(fit) < len(widths) and (not fit or crop_width > fit[-1] * 1.15):
        fit.append(crop_width)
    return tuple(fit)


def scaled_height(width: int, crop_width: int, crop_height: int) -> int:
    return max(1, round(width * crop_height / crop_width))
