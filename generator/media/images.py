"""Turn one photo into its derivatives: decode once (reduced when possible), crop, resize, encode.

Runs inside worker processes. Everything is written through `atomic_write`, so a failure part-way
leaves earlier finished files (which are complete) and no partial ones.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from .cache import atomic_write
from .colour import flatten, normalise_mode, profile_bytes, to_srgb
from .probe import opened_image
from .specs import JPEG_FALLBACK, JPEG_PRINT, PRINT_DPI, WEBP

Box = tuple[int, int, int, int]

_SRGB_ICC = profile_bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")))


@dataclass(frozen=True)
class Output:
    """One file a job makes. `file` is a plain string: jobs are built by the thousand and pickled."""

    file: str
    width: int
    height: int

    @property
    def path(self) -> Path:
        return Path(self.file)


def decode_region(src: Path, box: Box, size: tuple[int, int], max_pixels: int) -> tuple[Image.Image, bytes | None]:
    """The `box` (in upright, full-resolution pixels) of `src`, resized to `size`, in RGB/RGBA/CMYK.

    JPEGs are decoded at the smallest DCT scale (1/2, 1/4, 1/8) that still gives at least `size`
    for the box, which cuts decode time and memory several-fold for 12 MP photos.
    Returns the image and its ICC profile (for `to_srgb`).
    """
    with opened_image(src, max_pixels) as img:
        icc = img.info.get("icc_profile")
        full_w, full_h = _upright_size(img)
        if img.format in ("JPEG", "MPO"):
            scale = max(size[0] / (box[2] - box[0]), size[1] / (box[3] - box[1]))
            need = (math.ceil(full_w * scale), math.ceil(full_h * scale))
            if _transposed(img):
                need = need[::-1]
            img.draft(None, need)   # None: keep the mode; only the scale changes
        img.load()
        upright = normalise_mode(ImageOps.exif_transpose(img) if _orientation(img) != 1 else img)
        ratio_x, ratio_y = upright.width / full_w, upright.height / full_h
        scaled_box = (box[0] * ratio_x, box[1] * ratio_y, box[2] * ratio_x, box[3] * ratio_y)
        region = upright.resize(size, Image.Resampling.LANCZOS, box=scaled_box, reducing_gap=3.0)
    return region, icc


def encode_web(src: Path, box: Box, outputs: list[Output], fallback: Output, keep_alpha: bool,
               max_pixels: int) -> int:
    """WebP at every size in `outputs` (largest first) plus one JPEG `fallback`. Returns bytes written."""
    largest = max(outputs, key=lambda o: o.width)
    region, icc = decode_region(src, box, (largest.width, largest.height), max_pixels)
    return encode_web_from(to_srgb(region, icc, keep_alpha), outputs, fallback)


def encode_web_from(image: Image.Image, outputs: list[Output], fallback: Output) -> int:
    """Encode an sRGB image (already at the largest output size) to every web output."""
    written = 0
    current = image
    for out in sorted(outputs, key=lambda o: -o.width):
        # Each size from the next larger one: steps of ~2× keep Lanczos sharp and are cheaper than from the top.
        current = _resized(current, out)
        written += save_clean(current, out.path, "WEBP", **WEBP)
        if out.width == fallback.width:
            written += save_clean(flatten(current), fallback.path, "JPEG", **JPEG_FALLBACK)
    return written


def encode_print(src: Path, box: Box, out: Output, max_pixels: int) -> int:
    """A 300-dpi sRGB JPEG for the booklet, transparency on paper white."""
    region, icc = decode_region(src, box, (out.width, out.height), max_pixels)
    image = to_srgb(region, icc, keep_alpha=False)
    return save_clean(image, out.path, "JPEG", dpi=(PRINT_DPI, PRINT_DPI), icc_profile=_SRGB_ICC, **JPEG_PRINT)


def save_clean(image: Image.Image, dest: Path, fmt: str, **params) -> int:
    """Save with no metadata at all (EXIF, GPS, XMP, comments, maker notes), atomically."""
    image.info = {}   # Pillow copies some keys (JPEG comment) from .info into the saved file
    with atomic_write(dest) as tmp:
        image.save(tmp, fmt, **params)
        size = tmp.stat().st_size
    return size


def _resized(image: Image.Image, out: Output) -> Image.Image:
    if image.size == (out.width, out.height):
        return image
    return image.resize((out.width, out.height), Image.Resampling.LANCZOS)


def _orientation(img: Image.Image) -> int:
    return img.getexif().get(0x0112, 1)


def _transposed(img: Image.Image) -> bool:
    return _orientation(img) in (5, 6, 7, 8)   # the orientations that turn the picture by 90°


def _upright_size(img: Image.Image) -> tuple[int, int]:
    return (img.height, img.width) if _transposed(img) else img.size
