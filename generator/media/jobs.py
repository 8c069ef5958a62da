"""Units of work for the process pool: each makes all files of one derivative set, or copies one file.

Jobs are small frozen dataclasses (cheap to pickle); `run_job` is the function the workers call.
Nothing here decides *what* to make: that is the planner's job in `pipeline.py`.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from .cache import atomic_write
from .colour import flatten
from .errors import MediaError
from .images import Box, Output, encode_print, encode_web, encode_web_from, save_clean
from .placeholder import render
from .specs import JPEG_FALLBACK, WEBP
from .video import poster_frame


@dataclass(frozen=True)
class WebJob:
    src: Path
    box: Box
    outputs: tuple[Output, ...]
    fallback: Output
    keep_alpha: bool
    max_pixels: int

    def run(self) -> int:
        return encode_web(self.src, self.box, list(self.outputs), self.fallback, self.keep_alpha, self.max_pixels)


@dataclass(frozen=True)
class PrintJob:
    src: Path
    box: Box
    output: Output
    max_pixels: int
    jpeg: tuple = ()        # encoder settings as (key, value) pairs; () = JPEG_PRINT

    @property
    def outputs(self) -> tuple[Output, ...]:
        return (self.output,)

    def run(self) -> int:
        return encode_print(self.src, self.box, self.output, self.max_pixels, dict(self.jpeg) or None)


@dataclass(frozen=True)
class PlaceholderJob:
    src: Path          # not a file: the worker's name, for messages
    mark: str
    background: tuple[int, int, int]
    outputs: tuple[Output, ...]
    fallback: Output

    def run(self) -> int:
        written = 0
        for out in self.outputs:   # drawn at each size: text stays crisp, no resampling
            image = render(self.mark, self.background, out.width, out.height)
            written += save_clean(image, out.path, "WEBP", **WEBP)
            if out.width == self.fallback.width:
                written += save_clean(image, self.fallback.path, "JPEG", **JPEG_FALLBACK)
        return written


@dataclass(frozen=True)
class PosterJob:
    src: Path          # the video
    duration: float
    outputs: tuple[Output, ...]
    fallback: Output

    def run(self) -> int:
        frame = poster_frame(self.src, self.duration)
        largest = max(self.outputs, key=lambda o: o.width)
        frame = frame.resize((largest.width, largest.height), Image.Resampling.LANCZOS)
        return encode_web_from(flatten(frame), list(self.outputs), self.fallback)


@dataclass(frozen=True)
class CopyJob:
    src: Path
    dest: Path

    @property
    def outputs(self) -> tuple[Output, ...]:
        return (Output(str(self.dest), 0, 0),)

    def run(self) -> int:
        try:
            with atomic_write(self.dest) as tmp:
                shutil.copyfile(self.src, tmp)
                return tmp.stat().st_size
        except OSError as exc:
            raise MediaError(self.src, f"无法复制文件 {self.src.name}：{exc.strerror or exc}",
                             "请检查文件是否仍在原处、磁盘空间是否充足") from None


Job = WebJob | PrintJob | PlaceholderJob | PosterJob | CopyJob
IMAGE_JOBS = (WebJob, PrintJob, PlaceholderJob, PosterJob)


def job_files(job: Job) -> list[str]:
    files = [o.file for o in job.outputs]
    fallback = getattr(job, "fallback", None)
    if fallback is not None:
        files.append(fallback.file)
    return files


def is_done(job: Job) -> bool:
    """All its files exist: names carry the content hash and parameters, so existing means up to date."""
    return all(os.path.exists(f) for f in job_files(job))


def run_job(job: Job) -> tuple[MediaError | None, int]:
    """Run in a worker: (error or None, bytes written). Never raises, so one bad file never stops the rest."""
    try:
        return None, job.run()
    except MediaError as err:
        return err, 0
    except MemoryError:
        return MediaError(job.src, f"处理 {job.src.name} 时内存不足", "请把图片缩小后再用，或减少同时处理的进程数"), 0
    except Exception as exc:  # a bug or an unforeseen file: report it like any other problem, with details
        return MediaError(job.src, f"处理 {job.src.name} 时出错",
                          f"请检查该文件；若问题持续，请把此信息发给技术人员（{type(exc).__name__}: {exc}）"), 0
