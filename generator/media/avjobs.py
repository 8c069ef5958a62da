"""Video and sound conversions: one at a time in this process, each with a progress bar in seconds.

Not in the process pool with the photos: FFmpeg's decoders and x264 already keep every core busy,
two 4K transcodes side by side would only double the memory, and a bar that moves with the seconds
converted is what an editor waiting for a 500 MB phone video needs to see. Posters are taken from the
converted files, so these run before the pool.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .avspecs import AudioPlan, VideoPlan
from .errors import MediaError
from .images import Output
from .transcode import publish_audio, publish_video


@dataclass(frozen=True)
class VideoJob:
    src: Path
    dest: Path
    plan: VideoPlan
    duration: float
    lut_dir: Path | None = None   # HDR tone-mapping LUTs (hdr.py), kept in the cache outside media/

    @property
    def outputs(self) -> tuple[Output, ...]:
        return (Output(str(self.dest), self.plan.width, self.plan.height),)

    def run(self, progress=None) -> int:
        return publish_video(self.src, self.dest, self.plan, progress, self.lut_dir)


@dataclass(frozen=True)
class AudioJob:
    src: Path
    dest: Path
    plan: AudioPlan
    duration: float

    @property
    def outputs(self) -> tuple[Output, ...]:
        return (Output(str(self.dest), 0, 0),)

    def run(self, progress=None) -> int:
        return publish_audio(self.src, self.dest, self.plan, progress)


AV_JOBS = (VideoJob, AudioJob)


def run_in_order(jobs: list[VideoJob | AudioJob], progress: bool) -> tuple[list[MediaError], int]:
    """Run every job; returns (errors, bytes written). One bad file never stops the rest.
    `progress`: draw a bar per job when stderr is a terminal."""
    errors: list[MediaError] = []
    written = 0
    for number, job in enumerate(jobs, start=1):
        with _bar(job, number, len(jobs), progress) as advance:
            try:
                written += job.run(advance)
            except MediaError as err:
                errors.append(err)
            except MemoryError:
                errors.append(MediaError(job.src, f"转换 {job.src.name} 时内存不足", "请关闭其他程序后重新生成"))
            except Exception as exc:  # a bug or an unforeseen file: report it like any other problem
                errors.append(MediaError(job.src, f"转换 {job.src.name} 时出错",
                                         f"请检查该文件；若问题持续，请把此信息发给技术人员（{type(exc).__name__}: {exc}）"))
    return errors, written


class _bar:
    """A tqdm bar (on stderr) in seconds of media when stderr is a terminal; nothing in logs."""

    def __init__(self, job, number: int, total: int, show: bool) -> None:
        self._bar = None
        if show and sys.stderr.isatty():
            from tqdm import tqdm
            what = "转换视频" if isinstance(job, VideoJob) else "转换音频"
            self._bar = tqdm(total=round(job.duration, 1) or None, unit="秒", desc=f"{what} {number}/{total} {job.src.name}",
                             dynamic_ncols=True, leave=False, bar_format="{l_bar}{bar}| {n:.1f}/{total:.1f} 秒 [{elapsed}<{remaining}]")

    def __enter__(self):
        return self._advance if self._bar is not None else None

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.close()

    def _advance(self, seconds: float) -> None:
        if seconds > self._bar.n:
            self._bar.update(min(seconds, self._bar.total or seconds) - self._bar.n)
