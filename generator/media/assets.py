"""What the pipeline hands back to page and booklet generators besides images (see imageset.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import MediaError
from .imageset import ImageSet
from .probe import AudioInfo, VideoInfo


@dataclass(frozen=True)
class VideoAsset:
    url: str              # relative to the site root: "media/video/<key16>.mp4", always a web MP4
    poster: ImageSet
    info: VideoInfo


@dataclass(frozen=True)
class AudioAsset:
    url: str              # "media/audio/<key16>.m4a" or ".mp3"
    info: AudioInfo


@dataclass
class RunStats:
    encoded: int = 0          # image jobs run (one job = all sizes of one image for one use)
    cached: int = 0           # image jobs skipped because their files were already in the cache
    copied: int = 0           # other files (captions, PDFs) copied into the cache
    converted: int = 0        # videos and sound files remuxed or transcoded for the web
    files_out: int = 0        # files placed in the output folder
    bytes_out: int = 0        # their total size
    bytes_encoded: int = 0    # bytes written to the cache by this run
    seconds: float = 0.0
    failed: list[MediaError] = field(default_factory=list)

    def summary(self) -> str:
        """One Chinese line for logs."""
        line = (f"媒体处理完成：新生成 {self.encoded} 项，复用缓存 {self.cached} 项，转换音视频 {self.converted} 个，"
                f"复制 {self.copied} 个文件，"
                f"输出 {self.files_out} 个文件（{self.bytes_out / 1e6:.1f} MB），用时 {self.seconds:.1f} 秒")
        return line + (f"，失败 {len(self.failed)} 项" if self.failed else "")
