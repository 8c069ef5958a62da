"""Does a video or sound file decode to its end? A half-copied MP4 opens, shows a first frame and then
stops: only decoding every packet of the streams we publish tells it from a whole one.

Costs a full decode (a 10 s 4K HEVC clip: a few seconds), so `fengcai check` keeps the result by
content hash (check/probe_memo.py) and an unchanged file is decoded once.
"""

from __future__ import annotations

from pathlib import Path

import av

from .errors import MediaError
from .probe import INCOMPLETE_HINT, picture_stream

# Streams end a little after their last frame starts; a copy that stopped part-way misses far more.
TOLERANCE_SECONDS = 1.0


def decode_to_end(path: Path, kind: str) -> None:
    """Raise MediaError (incomplete=True) unless the first picture and first sound stream decode to their
    recorded end. `kind` is "video" or "audio"."""
    path = Path(path)
    noun = "视频" if kind == "video" else "音频"
    reached: dict[int, float] = {}
    expected: dict[int, float] = {}
    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            streams = _streams(container, kind)
            for s in streams:
                s.thread_type = "AUTO"
                expected[s.index] = _recorded_end(container, s)
                reached[s.index] = 0.0
            for packet in container.demux(*streams):
                for frame in packet.decode():
                    if frame.time is not None:
                        reached[packet.stream.index] = max(reached[packet.stream.index], frame.time + _length(frame))
    except av.error.FFmpegError:
        if not expected:
            raise MediaError(path, f"{noun}文件 {path.name} 不完整或已损坏，无法打开", INCOMPLETE_HINT,
                             incomplete=True) from None
        at = min(reached.values(), default=0.0)
        total = max(expected.values(), default=0.0)
        raise MediaError(path, f"{noun}文件 {path.name} 不完整或已损坏：解码到第 {at:.1f} 秒时出错"
                         + (f"（全长 {total:.1f} 秒）" if total else ""), INCOMPLETE_HINT, incomplete=True) from None
    if path.suffix.lower() == ".wav" or _is_riff_wave(path):
        # WAV's demuxer trusts the file's real size, so a cut copy "ends" early; the header knows better.
        short = _wav_shortfall(path)
        if short:
            expected, reached = {0: short[1]}, {0: short[0]}
    for index, end in expected.items():
        if end - reached[index] > TOLERANCE_SECONDS:
            raise MediaError(path, f"{noun}文件 {path.name} 不完整：只能播放到第 {reached[index]:.1f} 秒，"
                             f"文件里记录的长度是 {end:.1f} 秒", INCOMPLETE_HINT, incomplete=True)


def _streams(container, kind: str) -> list:
    """The streams the build publishes (transcode.py): the picture and the first sound stream."""
    picture = picture_stream(container) if kind == "video" else None
    return ([picture] if picture is not None else []) + list(container.streams.audio[:1])


def _recorded_end(container, stream) -> float:
    """Where the stream says it ends, in seconds on its own clock (0 when it does not say)."""
    tb = stream.time_base
    start = float(stream.start_time * tb) if stream.start_time is not None and tb else 0.0
    if stream.duration and tb:
        return start + float(stream.duration * tb)
    if container.duration:
        return start + container.duration / av.time_base
    return 0.0


def _length(frame) -> float:
    if isinstance(frame, av.AudioFrame):
        return frame.samples / frame.sample_rate if frame.sample_rate else 0.0
    if frame.duration and frame.time_base:
        return float(frame.duration * frame.time_base)
    return 0.0


def _is_riff_wave(path: Path) -> bool:
    with open(path, "rb") as f:
        head = f.read(12)
    return head[:4] == b"RIFF" and head[8:12] == b"WAVE"


def _wav_shortfall(path: Path) -> tuple[float, float] | None:
    """(seconds present, seconds the header promises) when the data chunk is cut short, else None."""
    size = path.stat().st_size
    byte_rate = 0
    with open(path, "rb") as f:
        if f.read(12)[8:12] != b"WAVE":
            return None
        while True:
            header = f.read(8)
            if len(header) < 8:
                return None
            chunk, length = header[:4], int.from_bytes(header[4:], "little")
            if chunk == b"fmt ":
                body = f.read(length)
                byte_rate = int.from_bytes(body[8:12], "little") if len(body) >= 12 else 0
                f.seek(length % 2, 1)
                continue
            if chunk == b"data":
                start = f.tell()
                if not byte_rate or length in (0, 0xFFFFFFFF) or start + length <= size:
                    return None   # unknown length (a live recording's header) or complete
                return (size - start) / byte_rate, length / byte_rate
            f.seek(length + length % 2, 1)
