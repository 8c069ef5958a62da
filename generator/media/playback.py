"""Which video and audio files browsers play as they are, and the ffmpeg line that fixes the rest.

"Browsers" means current Safari on iPhone, Chrome on Android and desktop browsers: the safe set is
H.264 (8-bit 4:2:0), VP8/VP9 or AV1 video with AAC, MP3, Opus or Vorbis audio, in MP4 or WebM.
"""

from __future__ import annotations

from pathlib import Path

PLAYABLE_VIDEO_CONTAINERS = {"mp4", "m4v", "webm"}
PLAYABLE_VIDEO_CODECS = {"h264", "vp8", "vp9", "av1"}
PLAYABLE_AUDIO_IN_VIDEO = {"", "aac", "mp3", "opus", "vorbis"}
# H.264 High 10 / 4:2:2 / 4:4:4 (some screen recorders, pro cameras) fail on phones.
H264_PLAYABLE_PIX_FMTS = {"yuv420p", "yuvj420p", ""}

# Extension → (FFmpeg demuxer name fragment, our container name).
_VIDEO_EXTENSIONS = {
    ".mp4": ("mp4", "mp4"), ".m4v": ("mp4", "m4v"), ".webm": ("webm", "webm"), ".mov": ("mov", "mov"),
    ".mkv": ("matroska", "mkv"), ".avi": ("avi", "avi"), ".wmv": ("asf", "wmv"), ".flv": ("flv", "flv"),
    ".3gp": ("3gp", "3gp"),
}

# Extension → (demuxer name fragment, codecs browsers play in it).
_AUDIO_EXTENSIONS = {
    ".mp3": ("mp3", {"mp3"}),
    ".m4a": ("mp4", {"aac", "mp3"}), ".mp4": ("mp4", {"aac", "mp3"}),
    ".aac": ("aac", {"aac"}),
    ".ogg": ("ogg", {"opus", "vorbis"}), ".oga": ("ogg", {"opus", "vorbis"}), ".opus": ("ogg", {"opus"}),
    ".webm": ("webm", {"opus", "vorbis"}),
    ".wav": ("wav", {"pcm_s16le", "pcm_u8", "pcm_s24le", "pcm_f32le"}),
    ".flac": ("flac", {"flac"}),
}

_CODEC_NAMES = {"hevc": "HEVC（H.265）", "mpeg4": "MPEG-4 Part 2", "mjpeg": "Motion JPEG", "prores": "ProRes",
                "wmv3": "WMV", "msmpeg4v3": "DivX/WMV", "h263": "H.263", "flv1": "Flash 视频"}


def video_playback(path: Path, demuxer: str, vcodec: str, acodec: str, pix_fmt: str) -> tuple[bool, str, str]:
    """(playable, container name, Chinese advice or "")."""
    container = _video_container(path, demuxer)
    reasons = []
    if vcodec not in PLAYABLE_VIDEO_CODECS:
        reasons.append(f"视频编码是 {_CODEC_NAMES.get(vcodec, vcodec)}")
    elif vcodec == "h264" and pix_fmt not in H264_PLAYABLE_PIX_FMTS:
        reasons.append(f"H.264 使用了手机不支持的像素格式 {pix_fmt}")
    if acodec not in PLAYABLE_AUDIO_IN_VIDEO:
        reasons.append(f"音频编码是 {acodec}")
    codecs_ok = not reasons
    if container not in PLAYABLE_VIDEO_CONTAINERS:
        reasons.insert(0, f"文件格式是 {container.upper()}")
    if not reasons:
        return True, container, ""
    out = f"{path.stem}.mp4"
    if codecs_ok:  # only the wrapper is wrong: rewrap in seconds, no quality loss
        cmd = f'ffmpeg -i "{path.name}" -c copy -movflags +faststart "{out}"'
        how = "画面和声音编码本身没问题，只需换成 MP4 封装（几秒完成、不损画质）"
    else:
        audio = "-c:a aac -b:a 128k " if acodec else ""
        cmd = (f'ffmpeg -i "{path.name}" -c:v libx264 -preset medium -crf 23 -pix_fmt yuv420p '
               f'{audio}-movflags +faststart "{out}"')
        how = "请转换为 H.264 编码的 MP4"
    advice = f"{path.name}：{'，'.join(reasons)}，部分手机浏览器无法播放。{how}，例如：{cmd}，然后在资料里改为引用 {out}"
    return False, container, advice


def audio_playback(path: Path, demuxer: str, codec: str) -> tuple[bool, str]:
    """(playable, Chinese advice or "")."""
    expected = _AUDIO_EXTENSIONS.get(path.suffix.lower())
    if expected and expected[0] in demuxer.split(",") and codec in expected[1]:
        return True, ""
    out = f"{path.stem}.m4a"
    cmd = f'ffmpeg -i "{path.name}" -vn -c:a aac -b:a 128k -movflags +faststart "{out}"'
    advice = (f"{path.name}：音频编码是 {codec}（{path.suffix.lstrip('.').upper() or '无扩展名'} 文件），部分手机浏览器无法播放。"
              f"请转换为 M4A（AAC），例如：{cmd}，然后在资料里改为引用 {out}")
    return False, advice


def _video_container(path: Path, demuxer: str) -> str:
    """Our name for the container; the extension's when the bytes agree, else what FFmpeg found."""
    fragments = demuxer.split(",")
    expected = _VIDEO_EXTENSIONS.get(path.suffix.lower())
    if expected and expected[0] in fragments:
        return expected[1]
    return {"mov": "mov", "matroska": "mkv", "asf": "wmv"}.get(fragments[0], fragments[0])
