"""Print-size photos for the booklet, from the media pipeline's print derivatives.

The pipeline plans first and works later: `print_image()` returns the path a 300-dpi sRGB JPEG will
have, and `run()` makes every planned file. So the booklet plans the photos of all its booklets, calls
`finish()` once, and only then lays out pages; a photo whose job failed becomes a placeholder.

The press file needs CMYK photos: `PressPhotos` converts each sRGB derivative through the print shop's
CMYK profile into a CMYK JPEG without an embedded profile (DeviceCMYK, as PDF/X-1a wants; the file's
OutputIntent names the profile). Conversions are cached by content, profile and code version.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PIL import Image

from ..media.colour import to_press_cmyk
from ..media.pipeline import MediaPipeline

CMYK_VERSION = "2"          # bump when the conversion changes: cached files are keyed by it
CMYK_JPEG = {"quality": 90, "optimize": True}   # four channels, not subsampled: larger than the sRGB file


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


def print_images(media, cache_dir: Path) -> PipelinePrintImages:
    """The caller's media pipeline, else our own on `cache_dir`."""
    if media is not None and hasattr(media, "print_image") and hasattr(media, "run"):
        return PipelinePrintImages(media)
    return PipelinePrintImages(MediaPipeline(cache_dir, quiet=True))


class PressPhotos:
    """sRGB print derivatives → CMYK JPEGs for the press file, in `cache_dir`/cmyk/."""

    def __init__(self, cache_dir: Path, icc: bytes) -> None:
        self.dir = Path(cache_dir) / "cmyk"
        self.icc = icc
        self._profile_key = hashlib.sha256(icc).hexdigest()[:16]

    def convert_all(self, paths: list[str]) -> dict[str, str]:
        """{sRGB path: CMYK path} for every existing file in `paths` (converted in parallel, cached)."""
        todo = sorted({p for p in paths if p and Path(p).is_file()})
        self.dir.mkdir(parents=True, exist_ok=True)
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            return dict(zip(todo, pool.map(self.convert, todo)))

    def convert(self, path: str) -> str:
        data = Path(path).read_bytes()
        key = hashlib.sha256(b"\0".join((CMYK_VERSION.encode(), self._profile_key.encode(), data))).hexdigest()[:32]
        out = self.dir / f"{key}.jpg"
        if not out.is_file():
            with Image.open(path) as img:
                cmyk = to_press_cmyk(img, self.icc)
            tmp = out.with_name(f".{out.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
            cmyk.save(tmp, "JPEG", **CMYK_JPEG)
            os.replace(tmp, out)
        return str(out.absolute())
