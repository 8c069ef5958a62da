"""Look at a media file without converting it: size, format, codecs, and whether it is usable.

Everything here raises `MediaError` with a Chinese message naming the file; never a raw traceback.
`fengcai check` calls these for every file an editor names, so they read headers and decode at
most one reduced-size image or one video frame.
"""

from __future__ import annotations

import contextlib
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import av
import pillow_heif
from PIL import Image, UnidentifiedImageError

from .captions import check_vtt  # noqa: F401  (re-exported: part of the probe API)
from .errors import MediaError
from .hdr import hdr_kind
from .printsize import check_print_resolution, print_pixels_needed  # noqa: F401  (re-exported)
from .sniff import looks_like_svg, sniff_kind

DEFAULT_MAX_PIXELS = 40_000_000

INCOMPLETE_HINT = "文件不完整，请重新拷贝：从手机或原始来源再复制一次，等复制完成后再拔出 U 盘或关闭窗口"

# Formats we accept as photos, whatever the extension says (a PNG named .jpg is fine).
# Limiting Pillow to these stops a text file from being "identified" as a headerless TGA or similar.
# "JPEG" also opens camera MPO files (reported as format "MPO"). "HEIF" is iPhones' HEIC, read by
# pillow-heif (libheif), which applies the file's rotation and mirroring itself and then resets the
# EXIF orientation to 1, so the picture arrives upright like any other.
PHOTO_FORMATS = ["JPEG", "PNG", "WEBP", "GIF", "TIFF", "BMP", "AVIF", "HEIF"]
pillow_heif.register_heif_opener()   # in every process that imports this module, pool workers included

_EXIF_ORIENTATION = 0x0112
_TRANSPOSED_ORIENTATIONS = {5, 6, 7, 8}   # the ones that rotate by 90°, swapping width and height

# FFmpeg demuxers that open still images (plus every "*_pipe" one); a "video" opened by these is a picture.
_IMAGE_DEMUXERS = {"image2", "tty", "gif", "apng"}


@dataclass(frozen=True)
class ImageInfo:
    width: int     # as displayed, i.e. after EXIF orientation
    height: int
    format: str    # Pillow's name: "JPEG", "PNG", …
    mode: str      # "RGB", "CMYK", "RGBA", "P", …
    orientation: int = 1   # EXIF orientation tag (1 = upright)

    @property
    def pixels(self) -> int:
        return self.width * self.height


@dataclass(frozen=True)
class VideoInfo:
    duration: float        # seconds
    width: int             # as displayed, i.e. after the rotation phones record in metadata
    height: int
    video_codec: str       # FFmpeg codec name: "h264", "hevc", "mpeg4", …
    audio_codec: str       # "" when the video is silent
    container: str         # "mp4", "webm", "mov", "avi", …
    pix_fmt: str = ""      # "yuv420p", "yuv420p10le", …
    rotation: int = 0      # counter-clockwise degrees players turn the picture (0, 90, 180, 270)
    demuxer: str = ""      # FFmpeg's demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
    # "hlg" or "pq" for HDR (see hdr.py), "" for SDR. No default, so a memo written before this field
    # existed fails to load and the file is probed again (an HDR video must not pass as SDR).
    hdr: str = field(kw_only=True)


@dataclass(frozen=True)
class AudioInfo:
    duration: float
    codec: str
    demuxer: str = ""
    channels: int = 0


# ---- images ---------------------------------------------------------------------------------


def probe_image(path: Path, max_pixels: int = DEFAULT_MAX_PIXELS) -> ImageInfo:
    """Size and format of a photo, after checking that it decodes completely."""
    with opened_image(path, max_pixels) as img:
        info = image_info(img)
        _decode_reduced(img)
        return info


def probe_image_header(path: Path, max_pixels: int = DEFAULT_MAX_PIXELS) -> ImageInfo:
    """Like `probe_image` but reads only the header: milliseconds, yet misses truncated files."""
    with opened_image(path, max_pixels) as img:
        return image_info(img)


@contextlib.contextmanager
def opened_image(path: Path, max_pixels: int = DEFAULT_MAX_PIXELS):
    """Open a photo for decoding; anything that goes wrong while decoding inside becomes a MediaError.

    Only decode inside the `with` block: any exception there is reported as a damaged image.
    """
    path = Path(path)
    _require_nonempty(path, "图片")
    if path.suffix.lower() == ".svg" or looks_like_svg(_head(path)):
        raise MediaError(path, f"{path.name} 是 SVG 矢量图，不能直接用作照片",
                         "请用绘图软件导出为 PNG 或 JPEG（宽度至少 1200 像素）后再引用")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=PHOTO_FORMATS) as img:
                _refuse_bomb(path, img.size, max_pixels)
                yield img
    except (MediaError, MemoryError):
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _bomb_error(path, _bomb_pixels(exc), max_pixels) from None
    except UnidentifiedImageError:
        raise _not_an_image(path) from None
    except Exception as exc:  # Pillow's decoders raise OSError, SyntaxError, ValueError, struct.error…
        problem = "不完整（文件被截断，可能复制或下载时中断）" if "truncated" in str(exc) else "已损坏，无法解码"
        raise MediaError(path, f"图片 {path.name} {problem}",
                         "请从原始来源（手机相册、摄影师）重新导出或复制一次该图片") from None


def image_info(img: Image.Image) -> ImageInfo:
    """ImageInfo from an open image's header."""
    orientation = img.getexif().get(_EXIF_ORIENTATION, 1)
    if not isinstance(orientation, int) or not 1 <= orientation <= 8:
        orientation = 1
    w, h = img.size
    if orientation in _TRANSPOSED_ORIENTATIONS:
        w, h = h, w
    return ImageInfo(width=w, height=h, format=img.format or "", mode=img.mode, orientation=orientation)


def _decode_reduced(img: Image.Image) -> None:
    """Decode the whole file to catch truncation; JPEGs at 1/8 scale, which reads every byte but is ~20× faster."""
    if img.format in ("JPEG", "MPO"):
        img.draft(None, (max(1, img.width // 8), max(1, img.height // 8)))
    img.load()


def _refuse_bomb(path: Path, size: tuple[int, int], max_pixels: int) -> None:
    if size[0] * size[1] > max_pixels:
        raise _bomb_error(path, size, max_pixels)


def _bomb_pixels(exc: Exception) -> int | None:
    """Pillow refuses huge images before we see their size; its message carries the pixel count."""
    m = re.search(r"\((\d+) pixels\)", str(exc))
    return int(m.group(1)) if m else None


def _bomb_error(path: Path, size: tuple[int, int] | int | None, max_pixels: int) -> MediaError:
    if isinstance(size, tuple):
        dims = f"{size[0]}×{size[1]} 像素（约 {size[0] * size[1] / 1e6:.0f} 百万像素）"
    else:
        dims = f"约 {size / 1e6:.0f} 百万像素" if size else "尺寸极大"
    return MediaError(path, f"图片 {path.name} {dims}，超过 {max_pixels / 1e6:.0f} 百万像素的上限，可能是异常文件",
                      "请把图片缩小到长边 8000 像素以内再使用；印刷 A4 整页 300 dpi 只需约 2480×3508 像素")


def _not_an_image(path: Path) -> MediaError:
    kind = sniff_kind(path)
    if kind.startswith("HEIC"):
        return MediaError(path, f"HEIC 照片 {path.name} 已损坏或不完整，无法读取",
                          "请从手机相册重新导出或复制一次该照片")
    if kind and not kind.endswith("图片"):
        return MediaError(path, f"{path.name} 的扩展名是图片，但文件内容是{_spaced(kind)}",
                          "请确认引用的是正确的文件；图片请使用 JPEG、PNG 或 WebP")
    return MediaError(path, f"{path.name} 不是可识别的图片文件" + (f"（内容像是{kind}）" if kind else ""),
                      "请使用 JPEG、PNG 或 WebP 格式的图片")


def _spaced(kind: str) -> str:
    """A space between Chinese and a Latin-initial word, as Chinese typesetting expects."""
    return f" {kind}" if kind[:1].isascii() else kind


# ---- video and audio ------------------------------------------------------------------------


def probe_video(path: Path) -> VideoInfo:
    """Duration, displayed size, rotation, codecs, pixel format and HDR kind of a video (what avspecs.plan_video needs)."""
    path = Path(path)
    _require_nonempty(path, "视频")
    container = _open_av(path, "视频")
    with container:
        vstream = picture_stream(container)
        if _is_still_image(container) or vstream is None:
            what = "音频，没有画面" if container.streams.audio else (sniff_kind(path) or "无法识别的内容")
            raise MediaError(path, f"{path.name} 不是视频文件（内容是{what}）",
                             "请确认引用的是正确的文件；视频请使用 H.264 编码的 MP4")
        astream = container.streams.audio[0] if container.streams.audio else None
        width, height, rotation = _displayed_size(path, container, vstream)
        vcodec = _codec_name(vstream)
        acodec = _codec_name(astream) if astream else ""
        pix_fmt = vstream.codec_context.pix_fmt or ""
        duration = _duration(container, vstream)
        demuxer = container.format.name
        hdr = hdr_kind(vstream.codec_context.color_trc, vstream.codec_context.color_primaries)
    return VideoInfo(duration=duration, width=width, height=height, video_codec=vcodec, audio_codec=acodec,
                     container=_container_name(path, demuxer), pix_fmt=pix_fmt, rotation=rotation, demuxer=demuxer,
                     hdr=hdr)


def probe_audio(path: Path) -> AudioInfo:
    """Duration, codec and channels of a sound file (what avspecs.plan_audio and the converter need)."""
    path = Path(path)
    _require_nonempty(path, "音频")
    container = _open_av(path, "音频")
    with container:
        if not container.streams.audio or _is_still_image(container):
            raise MediaError(path, f"{path.name} 不是音频文件，里面没有声音",
                             "请确认引用的是正确的文件；录音请使用 MP3 或 M4A（AAC）")
        astream = container.streams.audio[0]
        codec = _codec_name(astream)
        duration = _duration(container, astream)
        demuxer = container.format.name
        channels = astream.codec_context.channels or 0
    return AudioInfo(duration=duration, codec=codec, demuxer=demuxer, channels=channels)


def _open_av(path: Path, noun: str):
    try:
        return av.open(str(path), metadata_errors="ignore")
    except Exception:  # av.error.InvalidDataError and friends
        kind = sniff_kind(path)
        if kind in ("MP4 视频", "QuickTime（.mov）视频", "M4A 音频"):
            # The right kind of file whose index cannot be read: phones and cameras write the MP4/MOV
            # index last, so a copy that stopped part-way looks exactly like this.
            raise MediaError(path, f"{noun}文件 {path.name} 不完整（{kind}的索引缺失，可能复制时中断）",
                             INCOMPLETE_HINT, incomplete=True) from None
        raise MediaError(path, f"{path.name} 无法作为{noun}打开" + (f"，内容像是{_spaced(kind)}" if kind else "，文件可能已损坏"),
                         f"请从原始来源重新复制该{noun}；若仍打不开，请向提供者要一份原始文件") from None


def _is_still_image(container) -> bool:
    name = container.format.name
    return name in _IMAGE_DEMUXERS or name.endswith("_pipe")


def _codec_name(stream) -> str:
    """The format's name ("mp3", "av1"), not the decoder's ("mp3float", "libdav1d")."""
    codec = stream.codec_context.codec
    return getattr(codec, "canonical_name", "") or codec.name


def picture_stream(container):
    """The video's picture: its first video stream that is not cover art (an MP3's or M4A's attached
    picture is a "video stream" too), or None. The one we probe, check to its end and publish."""
    return next((s for s in container.streams.video if not s.disposition & av.stream.Disposition.attached_pic), None)


def _container_name(path: Path, demuxer: str) -> str:
    """Our short name for the container: the extension's when the bytes agree, else what FFmpeg found."""
    fragments = demuxer.split(",")
    suffix = path.suffix.lower().lstrip(".")
    if suffix in fragments or (suffix in ("m4v", "mov") and "mov" in fragments):
        return suffix
    return {"matroska": "mkv", "asf": "wmv"}.get(fragments[0], fragments[0])


def _displayed_size(path: Path, container, vstream) -> tuple[int, int, int]:
    """Decode the first frame: proves the video decodes, and gives the rotation phones store as metadata.

    Returns (width, height) as displayed and the rotation in counter-clockwise degrees (0/90/180/270).
    """
    try:
        frame = next(container.decode(vstream))
    except Exception:
        raise MediaError(path, f"视频 {path.name} 无法解码出画面，文件可能已损坏或不完整",
                         "请从原始来源重新复制该视频") from None
    w, h = frame.width, frame.height
    rotation = round((getattr(frame, "rotation", 0) or 0) / 90) * 90 % 360
    if rotation % 180 == 90:
        w, h = h, w
    return w, h, rotation


def _duration(container, stream) -> float:
    if container.duration:
        return container.duration / av.time_base
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    return 0.0


# ---- shared ---------------------------------------------------------------------------------


def _require_nonempty(path: Path, noun: str) -> None:
    if not path.is_file():
        raise MediaError(path, f"找不到{noun}文件 {path.name}", f"请检查文件名和路径：{path}")
    if path.stat().st_size == 0:
        raise MediaError(path, f"{noun}文件 {path.name} 是空文件（0 字节）",
                         "文件可能在复制或下载时中断，请重新复制一次")


def _head(path: Path) -> bytes:
    with open(path, "rb") as f:
        return f.read(512)
