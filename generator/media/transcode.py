"""Make the published copy of a video or sound file with PyAV: remuxed or transcoded, never with metadata.

Both paths stream packet by packet (memory stays flat for a 500 MB phone video) and write only the
first picture and the first sound stream: GPS tracks, timed-metadata streams, cover art, chapters,
container and stream tags (location, comment, title, artist, creation_time, encoder, handler names)
never reach the output. `fflags=+bitexact` keeps FFmpeg from writing its own version tag and times.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import av

from .avspecs import (AUDIO_RATE, KEYFRAME_SECONDS, MAX_FPS, VBV_SECONDS, X264, AudioPlan, VideoPlan, audio_kbps)
from .cache import atomic_write
from .errors import MediaError
from .hdr import lut_file, source_peak
from .probe import INCOMPLETE_HINT, picture_stream

Progress = Callable[[float], None]   # called with the seconds of media done so far

_MUX = {"fflags": "+bitexact"}
_MP4 = {**_MUX, "movflags": "+faststart"}   # the index (moov) first: playback starts while downloading
_MP3 = {**_MUX, "id3v2_version": "0", "write_xing": "1"}   # no ID3 tag at all; Xing frame for seeking
_BT709, _LIMITED = 1, 1   # FFmpeg's AVCOL_PRI/TRC/SPC_BT709 and AVCOL_RANGE_MPEG
_TRANSPOSE = {90: ("transpose", "cclock"), 270: ("transpose", "clock")}   # by counter-clockwise rotation


def publish_video(src: Path, dest: Path, plan: VideoPlan, progress: Progress | None = None,
                  lut_dir: Path | None = None) -> int:
    """Write the web MP4 of `src` to `dest` (atomically). Returns bytes written.
    `lut_dir`: where HDR tone-mapping LUTs are kept (default: beside `dest`)."""
    with atomic_write(dest) as tmp:
        with _converting(src, "视频"):
            if plan.remux:
                _remux(src, tmp, "mp4", _MP4, video=True, progress=progress)
            else:
                _transcode_video(src, tmp, plan, progress, Path(lut_dir or Path(dest).parent))
        return tmp.stat().st_size


def publish_audio(src: Path, dest: Path, plan: AudioPlan, progress: Progress | None = None) -> int:
    """Write the web M4A or MP3 of `src` to `dest` (atomically). Returns bytes written."""
    with atomic_write(dest) as tmp:
        with _converting(src, "音频"):
            if plan.remux and plan.suffix == ".mp3":
                _remux(src, tmp, "mp3", _MP3, video=False, progress=progress)
            elif plan.remux:
                _remux(src, tmp, "ipod", _MP4, video=False, progress=progress)
            else:
                _transcode_audio(src, tmp, progress)
        return tmp.stat().st_size


# ---- remux: copy the packets of one picture and one sound stream into a clean container ----------


def _remux(src: Path, tmp: Path, fmt: str, options: dict, video: bool, progress: Progress | None) -> None:
    with av.open(str(src), metadata_errors="ignore") as inp, \
            av.open(str(tmp), "w", format=fmt, options=options) as out:
        streams = _chosen_streams(inp, video)
        mapping = {s.index: out.add_stream_from_template(s) for s in streams}   # codec only: no tags
        for packet in inp.demux(*streams):
            if packet.dts is None:   # the demuxer's end-of-stream marker
                continue
            if progress and packet.pts is not None and packet.time_base:
                progress(float(packet.pts * packet.time_base))
            packet.stream = mapping[packet.stream.index]
            out.mux(packet)


# ---- transcode --------------------------------------------------------------------------------


def _transcode_video(src: Path, tmp: Path, plan: VideoPlan, progress: Progress | None, lut_dir: Path) -> None:
    with av.open(str(src), metadata_errors="ignore") as inp, \
            av.open(str(tmp), "w", format="mp4", options=_MP4) as out:
        streams = _chosen_streams(inp, video=True)
        vin = streams[0]
        ain = streams[1] if len(streams) > 1 and plan.audio else None
        vin.thread_type = "AUTO"
        vout = out.add_stream("libx264", rate=MAX_FPS)
        vout.width, vout.height, vout.pix_fmt = plan.width, plan.height, "yuv420p"
        vout.codec_context.time_base = vin.time_base      # the source's timestamps: VFR stays VFR
        vout.time_base = vin.time_base
        vout.codec_context.gop_size = KEYFRAME_SECONDS * MAX_FPS
        vout.options = {**X264, "maxrate": f"{plan.max_kbps}k", "bufsize": f"{plan.max_kbps * VBV_SECONDS}k"}
        if plan.hdr:   # tone-mapped to BT.709: say so, or players would guess (SDR output stays untagged as before)
            ctx = vout.codec_context
            ctx.color_primaries, ctx.color_trc, ctx.colorspace, ctx.color_range = _BT709, _BT709, _BT709, _LIMITED
        aout = _audio_stream(out, ain) if ain is not None else None
        pictures = _Pictures(vin, plan, lut_dir)
        for packet in inp.demux(*[s for s in (vin, ain) if s is not None]):
            for frame in packet.decode():
                if packet.stream is vin:
                    for picture in pictures.feed(frame):
                        out.mux(vout.encode(picture))
                    if progress and frame.time is not None:
                        progress(frame.time)
                else:
                    out.mux(aout.encode(frame))
        for picture in pictures.flush():
            out.mux(vout.encode(picture))
        out.mux(vout.encode(None))
        if aout is not None:
            out.mux(aout.encode(None))


def _transcode_audio(src: Path, tmp: Path, progress: Progress | None) -> None:
    with av.open(str(src), metadata_errors="ignore") as inp, \
            av.open(str(tmp), "w", format="ipod", options=_MP4) as out:
        (ain,) = _chosen_streams(inp, video=False)
        aout = _audio_stream(out, ain)
        for packet in inp.demux(ain):
            for frame in packet.decode():
                out.mux(aout.encode(frame))
                if progress and frame.time is not None:
                    progress(frame.time)
        out.mux(aout.encode(None))


def _audio_stream(out, ain):
    channels = min(2, max(1, ain.codec_context.channels or 1))
    aout = out.add_stream("aac", rate=AUDIO_RATE, layout="stereo" if channels == 2 else "mono")
    aout.bit_rate = audio_kbps(channels) * 1000
    return aout   # PyAV resamples and re-frames decoded audio to what the encoder needs


class _Pictures:
    """Decoded frames → upright, scaled, yuv420p frames at most MAX_FPS, with strictly rising timestamps;
    HDR frames tone-mapped to BT.709 on the way (hdr.py)."""

    def __init__(self, vin, plan: VideoPlan, lut_dir: Path) -> None:
        self._vin, self._plan, self._lut_dir = vin, plan, lut_dir
        self._graph = None   # made at the first frame: a PQ file's light levels come with its frames
        self._time_base = vin.time_base
        self._min_gap = 0.8 / MAX_FPS / float(vin.time_base)   # in time-base ticks; 0.8 tolerates jitter
        self._last: int | None = None

    def _make_graph(self, first_frame) -> None:
        plan = self._plan
        self._graph = av.filter.Graph()
        chain = [self._graph.add_buffer(template=self._vin)]
        turned = plan.rotation % 180 == 90
        scaled = (plan.height, plan.width) if turned else (plan.width, plan.height)
        if plan.hdr:
            # Scale and turn Y'CbCr into 16-bit R'G'B' in one pass (the LUT then works on 1080p, not 4K),
            # map HDR → SDR, relabel the frames BT.709 and go back to Y'CbCr with the BT.709 matrix.
            # Same primaries and transfer in and out of each `scale`: FFmpeg does no colour management there.
            lut = lut_file(self._lut_dir, plan.hdr, source_peak(plan.hdr, first_frame))
            chain += [self._graph.add("scale", f"{scaled[0]}:{scaled[1]}:flags=bicubic:in_color_matrix=bt2020"),
                      self._graph.add("format", "gbrp16le"),
                      self._graph.add("lut3d", f"file={_filter_path(lut)}:interp=tetrahedral"),
                      self._graph.add("setparams", "color_primaries=bt709:color_trc=bt709:colorspace=bt709"),
                      self._graph.add("scale", "out_color_matrix=bt709:out_range=tv"),
                      self._graph.add("format", "yuv420p")]
        else:
            chain.append(self._graph.add("scale", f"{scaled[0]}:{scaled[1]}:flags=bicubic"))
        if plan.rotation in _TRANSPOSE:
            chain.append(self._graph.add(*_TRANSPOSE[plan.rotation]))
        elif plan.rotation == 180:
            chain += [self._graph.add("hflip"), self._graph.add("vflip")]
        chain += [self._graph.add("format", "yuv420p"), self._graph.add("buffersink")]
        for a, b in zip(chain, chain[1:]):
            a.link_to(b)
        self._graph.configure()

    def feed(self, frame):
        if frame.pts is None or (self._last is not None and frame.pts - self._last < self._min_gap):
            return []   # no timestamp, or above MAX_FPS: drop (the encoder needs rising timestamps)
        self._last = frame.pts
        if self._graph is None:
            self._make_graph(frame)
        self._graph.push(frame)
        return self._pull()

    def flush(self):
        if self._graph is None:
            return []
        self._graph.push(None)
        return self._pull()

    def _pull(self):
        out = []
        while True:
            try:
                picture = self._graph.pull()
            except (av.error.BlockingIOError, av.error.EOFError):
                return out
            picture.time_base = self._time_base
            out.append(picture)


# ---- shared -----------------------------------------------------------------------------------


def _chosen_streams(inp, video: bool) -> list:
    """The first real picture stream (not cover art) and the first sound stream; nothing else."""
    picked = []
    if video:
        vstream = picture_stream(inp)
        if vstream is None:
            raise av.error.InvalidDataError(0, "no video stream")
        picked.append(vstream)
    if inp.streams.audio:
        picked.append(inp.streams.audio[0])
    elif not video:
        raise av.error.InvalidDataError(0, "no audio stream")
    return picked


class _converting:
    """Turn FFmpeg's errors while reading a source into the Chinese MediaError editors see."""

    def __init__(self, src: Path, noun: str) -> None:
        self._src, self._noun = Path(src), noun

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb) -> bool:
        if exc is None or not isinstance(exc, av.error.FFmpegError):
            return False
        raise MediaError(self._src, f"{self._noun} {self._src.name} 无法完整读取（{_reason(exc)}），没能转为网页格式",
                         INCOMPLETE_HINT, incomplete=True) from None


def _reason(exc: Exception) -> str:
    return "数据不完整或已损坏" if isinstance(exc, (av.error.InvalidDataError, av.error.EOFError)) else type(exc).__name__



def _filter_path(path: Path) -> str:
    """A path as a value inside a filter's option string: ':' separates options, '\\' and "'" quote."""
    return "'" + str(path).replace("\\", "/").replace("'", "'\\''") + "'"
