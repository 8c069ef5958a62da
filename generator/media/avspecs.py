"""What video and sound we publish: one web format every phone plays, and when a file can go as it is.

Video is published as H.264 (High, 8-bit yuv420p) + AAC in MP4 with the index (moov) first, so a
phone starts playing before the download ends. Pixels: at most 1920 on the long side (1080p), never
upscaled, at most 30 frames a second (phones record 60; interviews do not need it).
Bitrate, sized for phones on mobile data: x264 CRF 23 (constant quality, what a talking-head
interview needs is usually ~1 Mbit/s), capped at 2.5 Mbit/s for 1080p (VBV, buffer 2 s), less for
smaller pictures in proportion to their pixels; audio AAC-LC 48 kHz, 64 kbit/s a channel (mono
voice 64, stereo 128). A 3-minute 1080p interview is at most ~60 MB, typically 20–30 MB.
x264 preset "veryfast": on a 10 s 4K HEVC clip (bench/video.py, 2 cores) it took 12.3 s CPU in
all against 18.1 s for "medium"; at a capped bitrate the slower preset buys little a phone shows.
HDR phone video (HLG from iPhones, Dolby Vision 8.4 included, HLG or PQ from Androids) is tone-mapped
to BT.709 SDR through a 3D LUT (hdr.py) and tagged BT.709, so it keeps the phone's contrast and colour;
it is never remuxed. SDR video takes exactly the path (and keeps the cache keys) it had before.

A video is remuxed (streams copied, metadata dropped, no re-encoding, seconds) when it already is
H.264 yuv420p with AAC or MP3 sound in an MP4/MOV, upright, within 1080p and within 4 Mbit/s;
anything else is transcoded. Sound: AAC in MP4/M4A and MP3 are remuxed; everything else (WAV, AMR
from WeChat, FLAC, Ogg, WMA…) becomes AAC in an .m4a.

Every setting here is part of the output file's cache key: change one and exactly the affected
files are made again. Bump AV_CODE_VERSION when the conversion code itself changes its output.
"""

from __future__ import annotations

import hashlib
from dataclasses import astuple, dataclass

from .hdr import HDR_VERSION, LUT_SIZE

AV_CODE_VERSION = "1"

MAX_LONG_SIDE = 1920
MAX_FPS = 30
X264 = {"preset": "veryfast", "crf": "23", "profile": "high"}
MAX_VIDEO_KBPS_1080P = 2500          # scaled by pixel count for smaller outputs, never below the floor
MIN_VIDEO_KBPS = 600
VBV_SECONDS = 2
KEYFRAME_SECONDS = 4                 # seeking lands within 4 s; longer GOPs save little at these rates
AUDIO_RATE = 48_000
AUDIO_KBPS_PER_CHANNEL = 64

REMUX_MAX_KBPS = 4000                # a 1080p H.264 above this (phones record ~16 Mbit/s) is transcoded
REMUX_VIDEO_CODECS = {"h264"}
REMUX_PIX_FMTS = {"yuv420p", "yuvj420p"}
REMUX_AUDIO_IN_VIDEO = {"", "aac", "mp3"}
MOV_FAMILY = "mov"                   # FFmpeg's demuxer "mov,mp4,m4a,3gp,3g2,mj2"


@dataclass(frozen=True)
class VideoPlan:
    """How one source video becomes the published MP4."""

    remux: bool
    width: int        # of the published picture, upright (rotation applied)
    height: int
    rotation: int     # counter-clockwise degrees the source asks players to turn it (0, 90, 180, 270)
    audio: bool
    max_kbps: int     # 0 when remuxing
    hdr: str = ""     # "hlg" or "pq": tone-mapped to SDR (hdr.py); "" for SDR

    def key(self, source_hash: str) -> str:
        picture = astuple(self)[:-1]   # SDR keys are what they were before `hdr` existed: caches stay warm
        if self.hdr:
            picture += (self.hdr, HDR_VERSION, LUT_SIZE)
        settings = (AV_CODE_VERSION, picture, X264, MAX_FPS, VBV_SECONDS, KEYFRAME_SECONDS, AUDIO_RATE,
                    AUDIO_KBPS_PER_CHANNEL)
        return _digest("video", settings, source_hash)


@dataclass(frozen=True)
class AudioPlan:
    remux: bool
    suffix: str       # ".m4a" or ".mp3"

    def key(self, source_hash: str) -> str:
        return _digest("audio", (AV_CODE_VERSION, astuple(self), AUDIO_RATE, AUDIO_KBPS_PER_CHANNEL), source_hash)


def plan_video(demuxer: str, codec: str, pix_fmt: str, audio_codec: str, width: int, height: int,
               rotation: int, size_bytes: int, duration: float, hdr: str = "") -> VideoPlan:
    """`width` × `height` as displayed (after rotation); `rotation` counter-clockwise degrees;
    `hdr` "hlg" or "pq" for HDR sources (always transcoded, with tone mapping)."""
    rotation = rotation % 360
    kbps = size_bytes * 8 / 1000 / duration if duration > 0 else float("inf")
    remux = (MOV_FAMILY in demuxer.split(",") and codec in REMUX_VIDEO_CODECS and pix_fmt in REMUX_PIX_FMTS
             and audio_codec in REMUX_AUDIO_IN_VIDEO and rotation == 0
             and max(width, height) <= MAX_LONG_SIDE and kbps <= REMUX_MAX_KBPS and not hdr)
    if remux:
        return VideoPlan(True, width, height, 0, bool(audio_codec), 0)
    w, h = web_size(width, height)
    return VideoPlan(False, w, h, rotation, bool(audio_codec), video_kbps(w, h), hdr)


def plan_audio(demuxer: str, codec: str) -> AudioPlan:
    fragments = demuxer.split(",")
    if codec == "aac" and MOV_FAMILY in fragments:
        return AudioPlan(True, ".m4a")
    if codec == "mp3" and "mp3" in fragments:
        return AudioPlan(True, ".mp3")
    return AudioPlan(False, ".m4a")


def web_size(width: int, height: int) -> tuple[int, int]:
    """Fit within MAX_LONG_SIDE, keep the shape, even numbers (4:2:0 needs them); never upscale."""
    scale = min(1.0, MAX_LONG_SIDE / max(width, height))
    return _even(width * scale), _even(height * scale)


def video_kbps(width: int, height: int) -> int:
    return max(MIN_VIDEO_KBPS, round(MAX_VIDEO_KBPS_1080P * width * height / (1920 * 1080)))


def audio_kbps(channels: int) -> int:
    return AUDIO_KBPS_PER_CHANNEL * min(2, max(1, channels))


def _even(n: float) -> int:
    return max(2, int(round(n / 2)) * 2)


def _digest(*parts) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]
