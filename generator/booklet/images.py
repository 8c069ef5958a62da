"""Print-size photos for the booklet, from the media pipeline's print derivatives.

The pipeline plans first and works later: `print_image()` returns the path a 300-dpi sRGB JPEG will
have, and `run()` makes every planned file. So the booklet plans the photos of all its booklets, calls
`finish()` once, and only then lays out pages; a photo whose job failed becomes a placeholder.

When the media pipeline cannot be imported, PillowPrintImages makes the same derivative on the spot
(EXIF-rotated, sRGB JPEG, cropped to fill the frame at 300 dpi, metadata stripped), cached by content.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from ..media.errors import MediaError
from ..media.printsize import print_pixels_needed


class PipelinePrintImages:
    """The media pipeline (given by the caller, or one of our own on a booklet cache folder)."""

    def __init__(self, pipeline) -> None:
        self.pipeline = pipeline

    def print_image(self, src: Path, width_mm: float, height_mm: float) -> Path:
        return Path(self.pipeline.print_image(Path(src), width_mm, height_mm))

    def finish(self) -> None:
        """Make every planned file. Web files the pipeline may also publish land in a throw-away folder."""
        with tempfile.TemporaryDirectory(prefix="fengcai-booklet-") as scratch:
            self.pipeline.run(Path(scratch))


def print_images(media, cache_dir: Path):
    """The caller's media pipeline, else our own pipeline on `cache_dir`, else the Pillow adapter."""
    if media is not None and hasattr(media, "print_image") and hasattr(media, "run"):
        return PipelinePrintImages(media)
    try:
        from ..media.pipeline import MediaPipeline
    except ImportError:
        return PillowPrintImages(cache_dir)
    return PipelinePrintImages(MediaPipeline(cache_dir, quiet=True))


CODE_VERSION = "1"


class PillowPrintImages:
    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = Path(cache_dir)

    def finish(self) -> None:
        pass

    def print_image(self, src: Path, width_mm: float, height_mm: float) -> Path:
        src = Path(src)
        try:
            data = src.read_bytes()
        except OSError as e:
            raise MediaError(src, f"读不到照片 {src.name}（{e.strerror or e}）", "检查文件是否存在、是否有读取权限") from None
        w, h = print_pixels_needed(width_mm, height_mm)
        key = hashlib.sha256(data + f"|{w}x{h}|{CODE_VERSION}".encode()).hexdigest()[:20]
        out = self.cache_dir / f"{key}.jpg"
        if out.is_file():
            return out
        from PIL import Image, ImageOps, UnidentifiedImageError
        try:
            with Image.open(src) as im:
                im = ImageOps.exif_transpose(im)
                if im.mode in ("RGBA", "LA", "P"):
                    im = Image.alpha_composite(Image.new("RGBA", im.size, "white"), im.convert("RGBA"))
                im = im.convert("RGB")
                if im.width >= w and im.height >= h:
                    im = ImageOps.fit(im, (w, h), Image.LANCZOS)
                else:       # never upscale: crop to the frame's shape and let the page scale it
                    im = ImageOps.fit(im, _same_ratio(im.size, w, h), Image.LANCZOS)
                self.cache_dir.mkdir(parents=True, exist_ok=True)
                tmp = out.with_suffix(f".{os.getpid()}.tmp")
                im.save(tmp, "JPEG", quality=90, dpi=(300, 300), optimize=True)
                os.replace(tmp, out)
        except (UnidentifiedImageError, OSError, ValueError) as e:
            raise MediaError(src, f"照片 {src.name} 打不开或已损坏（{e}）", "用看图软件打开确认，或换一张 JPEG 照片") from None
        return out


def _same_ratio(size: tuple[int, int], w: int, h: int) -> tuple[int, int]:
    """The largest w:h box inside `size` (crop without scaling up)."""
    iw, ih = size
    if iw * h > ih * w:
        return max(1, round(ih * w / h)), ih
    return iw, max(1, round(iw * h / w))
