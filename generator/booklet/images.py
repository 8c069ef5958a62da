"""Print-size photos for the booklet, from the media pipeline's print derivatives.

The pipeline plans first and works later: `print_image()` returns the path a 300-dpi sRGB JPEG will
have, and `run()` makes every planned file. So the booklet plans the photos of all its booklets, calls
`finish()` once, and only then lays out pages; a photo whose job failed becomes a placeholder.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..media.pipeline import MediaPipeline


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
