"""Videos and sound: probing, what gets remuxed or transcoded, published copies and poster frames."""

from __future__ import annotations

import re
from pathlib import Path

import av
import pytest
from PIL import Image, ImageDraw

from generator.media import MediaError, MediaPipeline, probe_audio, probe_video
from generator.media.avspecs import AudioPlan, plan_audio, plan_video

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def make_video(path: Path, codec: str = "libx264", audio: str | None = "aac", fmt: str | None = None,
               size=(320, 240), frames=48, rotation: int | None = None, dark_frames: int = 0) -> Path:
    """A short synthetic video: `dark_frames` black frames, then a bright pattern that moves."""
    w, h = size
    with av.open(str(path), "w", format=fmt) as container:
        stream = container.add_stream(codec, rate=24)
        stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
        if rotation is not None:
            stream.set_display_rotation(rotation)
        astream = container.add_stream(audio, rate=44100) if audio else None
        for i in range(frames):
            img = Image.new("RGB", (w, h), (0, 0, 0))
            if i >= dark_frames:
                img = Image.new("RGB", (w, h), (230, 200, 40))
                ImageDraw.Draw(img).rectangle([i % w, 0, i % w + w // 3, h // 2], fill=(20, 60, 200))
            for packet in stream.encode(av.VideoFrame.from_image(img)):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
        if astream is not None:
            _silence(container, astream, seconds=frames / 24)
    return path


def make_audio(path: Path, codec: str, fmt: str | None = None) -> Path:
    with av.open(str(path), "w", format=fmt) as container:
        stream = container.add_stream(codec, rate=44100)
        _silence(container, stream, seconds=1.0)
    return path


def _silence(container, stream, seconds: float) -> None:
    ctx = stream.codec_context
    per_frame = ctx.frame_size or 1024
    layout = "stereo" if ctx.layout.nb_channels == 2 else "mono"
    for k in range(int(seconds * 44100 / per_frame) + 1):
        frame = av.AudioFrame(format=ctx.format.name, layout=layout, samples=per_frame)
        for plane in frame.planes:
            plane.update(bytes(plane.buffer_size))
        frame.sample_rate, frame.pts = 44100, k * per_frame
        for packet in stream.encode(frame):
            container.mux(packet)
    for packet in stream.encode():
        container.mux(packet)


# ---- probing ----------------------------------------------------------------------------------


def test_h264_mp4_probe(tmp_path):
    info = probe_video(make_video(tmp_path / "ok.mp4"))
    assert (info.width, info.height, info.video_codec, info.audio_codec, info.container, info.pix_fmt, info.rotation) == \
        (320, 240, "h264", "aac", "mp4", "yuv420p", 0)
    assert info.duration == pytest.approx(2.0, abs=0.1)


def test_phone_rotation_swaps_dimensions(tmp_path):
    info = probe_video(make_video(tmp_path / "portrait.mp4", audio=None, rotation=90))
    assert (info.width, info.height, info.rotation) == (240, 320, 90)


def plan_for(path: Path):
    info = probe_video(path)
    return plan_video(info.demuxer, info.video_codec, info.pix_fmt, info.audio_codec, info.width, info.height,
                      info.rotation, path.stat().st_size, info.duration)


def test_what_gets_remuxed_and_what_transcoded(tmp_path):
    assert plan_for(make_video(tmp_path / "ok.mp4")).remux
    assert plan_for(make_video(tmp_path / "IMG_0002.mov")).remux          # H.264 in MOV: rewrap only
    assert not plan_for(make_video(tmp_path / "old.avi", codec="mpeg4", audio=None)).remux
    assert not plan_for(make_video(tmp_path / "clip.mov", codec="mpeg4")).remux
    assert not plan_for(make_video(tmp_path / "turned.mp4", audio=None, rotation=90)).remux
    big = plan_for(make_video(tmp_path / "big.mp4", audio=None, size=(2400, 1200), frames=3))
    assert not big.remux and (big.width, big.height) == (1920, 960)


def test_zero_byte_video(tmp_path):
    path = tmp_path / "空.mp4"
    path.write_bytes(b"")
    with pytest.raises(MediaError) as exc:
        probe_video(path)
    assert "空.mp4" in exc.value.message and "0 字节" in exc.value.message


def test_text_is_not_a_video(tmp_path):
    path = tmp_path / "readme.mp4"
    path.write_text("hello " * 50)
    with pytest.raises(MediaError) as exc:
        probe_video(path)
    assert "readme.mp4" in exc.value.message and CHINESE.search(exc.value.hint)


def test_photo_is_not_a_video(tmp_path):
    path = tmp_path / "photo.mp4"
    Image.new("RGB", (64, 48), (200, 0, 0)).save(path, "JPEG")
    with pytest.raises(MediaError) as exc:
        probe_video(path)
    assert "不是视频" in exc.value.message


def test_audio_probe(tmp_path):
    mp3 = probe_audio(make_audio(tmp_path / "voice.mp3", "libmp3lame"))
    assert mp3.codec == "mp3" and mp3.duration == pytest.approx(1.0, abs=0.15)
    assert plan_audio(mp3.demuxer, mp3.codec) == AudioPlan(True, ".mp3")
    mp2 = probe_audio(make_audio(tmp_path / "voice.mp2", "mp2", fmt="mp2"))   # old broadcast recorders
    assert mp2.codec == "mp2" and plan_audio(mp2.demuxer, mp2.codec) == AudioPlan(False, ".m4a")


# ---- pipeline ---------------------------------------------------------------------------------


def test_web_video_remuxed_under_content_hash_with_poster_from_frames(tmp_path):
    video = make_video(tmp_path / "访谈.mp4", frames=72, dark_frames=6)
    pipeline = MediaPipeline(tmp_path / "cache", quiet=True, max_workers=1)
    asset = pipeline.video(video)
    assert re.fullmatch(r"media/video/[0-9a-f]{16}\.mp4", asset.url)
    assert (asset.poster.width, asset.poster.height) == (320, 240)
    stats = pipeline.run(tmp_path / "site")
    assert not stats.failed and stats.converted == 1
    with av.open(str(tmp_path / "site" / asset.url)) as published, av.open(str(video)) as source:
        # remuxed: the same compressed pictures, packet for packet
        assert [bytes(p) for p in published.demux(video=0) if p.size] == \
            [bytes(p) for p in source.demux(video=0) if p.size]
    poster = Image.open(tmp_path / "site" / asset.poster.largest).convert("RGB")
    r, g, b = poster.getpixel((300, 200))   # the bright background, not the black leader
    assert r > 180 and g > 150 and b < 120


def test_rotated_video_poster_is_upright(tmp_path):
    video = make_video(tmp_path / "竖屏.mp4", audio=None, rotation=90)
    pipeline = MediaPipeline(tmp_path / "cache", quiet=True, max_workers=1)
    asset = pipeline.video(video)
    pipeline.run(tmp_path / "site")
    poster = Image.open(tmp_path / "site" / asset.poster.largest)
    assert poster.size == (240, 320)


def test_given_poster_is_used(tmp_path):
    video = make_video(tmp_path / "v.mp4", audio=None)
    poster = tmp_path / "poster.jpg"
    Image.new("RGB", (1600, 900), (10, 120, 10)).save(poster)
    pipeline = MediaPipeline(tmp_path / "cache", quiet=True, max_workers=1)
    asset = pipeline.video(video, poster)
    pipeline.run(tmp_path / "site")
    assert [w for _, w in asset.poster.sources] == [320, 640, 1280]
    assert Image.open(tmp_path / "site" / asset.poster.largest).convert("RGB").getpixel((5, 5))[1] > 100


def test_zero_byte_video_in_pipeline(tmp_path):
    path = tmp_path / "坏视频.mov"
    path.write_bytes(b"")
    with pytest.raises(MediaError) as exc:
        MediaPipeline(tmp_path / "cache", quiet=True).video(path)
    assert "坏视频.mov" in exc.value.message


def test_audio_and_captions_copied(tmp_path):
    sound = make_audio(tmp_path / "采访.m4a", "aac", fmt="ipod")
    vtt = tmp_path / "字幕.vtt"
    vtt.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\n你好\n", encoding="utf-8")
    pipeline = MediaPipeline(tmp_path / "cache", quiet=True, max_workers=1)
    audio = pipeline.audio(sound)
    captions = pipeline.file(vtt)
    pipeline.run(tmp_path / "site")
    assert audio.url.startswith("media/audio/") and audio.url.endswith(".m4a")
    assert captions.startswith("media/files/") and captions.endswith(".vtt")
    assert (tmp_path / "site" / captions).read_text(encoding="utf-8").startswith("WEBVTT")
