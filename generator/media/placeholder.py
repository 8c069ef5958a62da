"""A dignified stand-in portrait for workers without a photo: the surname, large, on a calm colour.

The same name always gets the same colour, so a worker's card looks the same on every build.
Drawn directly at each output size (text is vector), in the site's sober palette.
"""

from __future__ import annotations

import functools
import hashlib
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .errors import MediaError

PLACEHOLDER_VERSION = "1"   # part of the cache key: bump when the drawing changes

# Deep red first (the theme colour), then warm, quiet neutrals that sit well beside it.
BACKGROUNDS = [
    (140, 28, 19),    # #8c1c13 deep red
    (122, 46, 31),    # #7a2e1f brick
    (107, 78, 49),    # #6b4e31 walnut
    (92, 74, 61),     # #5c4a3d umber
    (125, 90, 68),    # #7d5a44 tan
    (74, 90, 79),     # #4a5a4f pine grey
    (63, 74, 90),     # #3f4a5a slate
    (96, 64, 72),     # #604048 plum brown
]
INK = (246, 239, 226)    # warm ivory, like paper
FONT_QUERY = "Noto Serif CJK SC:style=Bold"
FALLBACK_FONTS = ["/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc",
                  "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"]


def background_for(name: str) -> tuple[int, int, int]:
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return BACKGROUNDS[digest[0] % len(BACKGROUNDS)]


def mark_for(name: str, surname: str = "") -> str:
    """What to draw: the surname (compound surnames such as 欧阳 keep both characters), else the first character."""
    text = (surname or name).strip()
    if not text:
        return ""
    if surname and len(surname) <= 2:
        return surname
    return text[0].upper()


def render(mark: str, background: tuple[int, int, int], width: int, height: int) -> Image.Image:
    """One placeholder image, drawn at its final size."""
    img = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(img)
    # A hairline inset frame, like a passe-partout: reads as deliberate, not as a missing file.
    inset = max(2, round(width * 0.045))
    frame_colour = tuple(round(b + (i - b) * 0.35) for b, i in zip(background, INK))
    draw.rectangle([inset, inset, width - 1 - inset, height - 1 - inset], outline=frame_colour,
                   width=max(1, round(width / 240)))
    if mark:
        size = round(width * (0.52 if len(mark) == 1 else 0.36))
        font_file, face_index = _font()
        font = ImageFont.truetype(font_file, size=size, index=face_index)
        # Centred on the glyph's ink box, nudged above the middle where the eye expects a face.
        x, y = width / 2, height * 0.46
        draw.text((x, y), mark, font=font, fill=INK, anchor="mm")
    return img


@functools.lru_cache(maxsize=1)
def _font() -> tuple[str, int]:
    """(font file, face index) of a bold CJK serif, as fontconfig resolves it."""
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}\n%{index}", FONT_QUERY],
                             capture_output=True, text=True, timeout=10, check=True).stdout.split("\n")
        if out[0] and Path(out[0]).is_file() and "CJK" in out[0]:
            return out[0], int(out[1] or 0)
    except (OSError, subprocess.SubprocessError, ValueError, IndexError):
        pass
    for path in FALLBACK_FONTS:
        if Path(path).is_file():
            return path, 0
    raise MediaError(Path(FONT_QUERY), "找不到中文字体，无法生成占位头像",
                     "请安装 Noto CJK 字体（Debian/Ubuntu：sudo apt install fonts-noto-cjk）")
