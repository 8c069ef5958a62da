"""Take a poster frame from a video: the first thing a reader sees before pressing play."""

from __future__ import annotations

from pathlib import Path

import av
from PIL import Image, ImageStat

from .errors import MediaError

# Where to look, as fractions of the duration: skips fade-ins and black leaders at the very start.
CANDIDATE_POSITIONS = (0.1, 0.25, 0.4)

_ROTATIONS = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180,
              270: Image.Transpose.ROTATE_270, -90: Image.Transpose.ROTATE_270}


def poster_frame(path: Path, duration: float) -> Image.Image:
    """The liveliest (highest-contrast) of a few frames, upright, as an RGB image."""
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            stream = container.streams.video[0]
            stream.thread_type = "AUTO"
            frames = [_frame_at(container, stream, duration * p) for p in CANDIDATE_POSITIONS]
    except MediaError:
        raise
    except Exception:
        raise MediaError(path, f"无法从视频 {path.name} 中截取封面画面，文件可能已损坏",
                         "请在资料里用 poster 指定一张封面图片，或重新导出该视频") from None
    frames = [f for f in frames if f is not None]
    if not frames:
        raise MediaError(path, f"视频 {path.name} 中没有可用的画面", "请在资料里用 poster 指定一张封面图片")
    return max(frames, key=_liveliness)


def _frame_at(container, stream, seconds: float) -> Image.Image | None:
    if seconds > 0 and stream.time_base:
        container.seek(int(seconds / stream.time_base), stream=stream, backward=True)
    target = seconds
    for frame in container.decode(stream):
        if frame.time is None or frame.time >= target - 0.05:
            return _upright(frame)
    return None


def _upright(frame) -> Image.Image:
    image = frame.to_image()   # RGB, honouring the stream's colour matrix
    rotation = round(getattr(frame, "rotation", 0) or 0) % 360
    if rotation in _ROTATIONS:   # the display matrix's angle is counter-clockwise, as PIL's ROTATE_*
        image = image.transpose(_ROTATIONS[rotation])
    return image


def _liveliness(image: Image.Image) -> float:
    """Spread of brightness on a thumbnail: black, white and flat frames score near zero."""
    return ImageStat.Stat(image.convert("L").resize((64, 36))).stddev[0]
