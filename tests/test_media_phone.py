"""Phone media in, web media out: HEVC MOVs with rotation and a variable frame rate, voice notes,
and what must never be published with them (GPS position, comments with phone and ID numbers)."""

from __future__ import annotations

from pathlib import Path

import av
import pytest
from PIL import Image

from generator.media import MediaError, MediaPipeline, probe_video
from generator.media.avspecs import plan_video
from generator.media.integrity import decode_to_end
from generator.media.transcode import publish_video
from tests.phone_media import PRIVATE_STRINGS, PRIVATE_TAGS, make_phone_video, make_voice


def pipeline(tmp_path: Path) -> MediaPipeline:
    return MediaPipeline(tmp_path / "cache", quiet=True, max_workers=1)


def all_metadata(path: Path) -> dict:
    """Container tags and every stream's tags, as PyAV reads them back."""
    with av.open(str(path)) as c:
        tags = {f"container:{k}": v for k, v in c.metadata.items()}
        for s in c.streams:
            tags.update({f"{s.type}{s.index}:{k}": v for k, v in s.metadata.items()})
    return tags


def assert_nothing_private(path: Path) -> None:
    tags = all_metadata(path)
    leaked = {k: v for k, v in tags.items() if k.split(":", 1)[1] in PRIVATE_TAGS or k.endswith(":encoder")}
    assert not leaked, leaked
    # Only the generic handler names FFmpeg writes for any file; nothing naming a device.
    assert {v for k, v in tags.items() if k.endswith("handler_name")} <= {"VideoHandler", "SoundHandler"}
    data = path.read_bytes()
    for text in PRIVATE_STRINGS:
        assert text.encode() not in data, text


def first_frame(path: Path) -> Image.Image:
    with av.open(str(path)) as c:
        return next(c.decode(video=0)).to_image()


# ---- metadata (issue 11) ------------------------------------------------------------------------


def test_remuxed_mp4_loses_location_and_comment(tmp_path):
    # H.264 in an MP4 that browsers already play: remuxed, yet none of its tags survive.
    src = make_phone_video(tmp_path / "IMG_0001.mp4", codec="libx264", rotation=None, fmt="mp4")
    assert all_metadata(src)["container:location"] == PRIVATE_TAGS["location"]
    assert "13812345678" in all_metadata(src)["container:comment"]
    p = pipeline(tmp_path)
    asset = p.video(src)
    stats = p.run(tmp_path / "site")
    assert not stats.failed and stats.converted == 1
    published = tmp_path / "site" / asset.url
    assert plan_video(*_plan_args(src)).remux
    assert_nothing_private(published)


def test_transcoded_video_loses_every_tag(tmp_path):
    src = make_phone_video(tmp_path / "IMG_0002.MOV")
    p = pipeline(tmp_path)
    asset = p.video(src)
    assert not p.run(tmp_path / "site").failed
    assert_nothing_private(tmp_path / "site" / asset.url)


@pytest.mark.parametrize("name, codec, fmt, suffix", [
    ("微信语音.amr", "libopencore_amrnb", "amr", ".m4a"),
    ("录音.wav", "pcm_s16le", "wav", ".m4a"),
    ("采访.m4a", "aac", "ipod", ".m4a"),
    ("讲话.mp3", "libmp3lame", "mp3", ".mp3"),
])
def test_sound_published_without_tags(tmp_path, name, codec, fmt, suffix):
    src = make_voice(tmp_path / name, codec, fmt, rate=8000 if "amr" in codec else 44100, seconds=2)
    if fmt != "amr":   # AMR files have no place for tags
        assert all_metadata(src)
    p = pipeline(tmp_path)
    asset = p.audio(src)
    assert not p.run(tmp_path / "site").failed
    out = tmp_path / "site" / asset.url
    assert out.suffix == suffix
    assert_nothing_private(out)
    with av.open(str(out)) as c:
        assert c.streams.audio[0].codec_context.name in ("aac", "mp3float", "mp3")
        assert c.duration / 1e6 == pytest.approx(2.0, abs=0.15)


# ---- phone video → web MP4 (issue 14) -----------------------------------------------------------


def _plan_args(path: Path):
    info = probe_video(path)
    return (info.demuxer, info.video_codec, info.pix_fmt, info.audio_codec, info.width, info.height,
            info.rotation, path.stat().st_size, info.duration)


def test_rotated_vfr_hevc_becomes_upright_h264_mp4(tmp_path):
    src = make_phone_video(tmp_path / "IMG_0003.MOV", size=(320, 240), rotation=90, seconds=2)
    assert probe_video(src).video_codec == "hevc"
    p = pipeline(tmp_path)
    asset = p.video(src)
    stats = p.run(tmp_path / "site")
    assert not stats.failed
    out = tmp_path / "site" / asset.url
    data = out.read_bytes()
    assert data.index(b"moov") < data.index(b"mdat")                     # faststart
    with av.open(str(out)) as c:
        v, a = c.streams.video[0], c.streams.audio[0]
        assert (v.codec_context.name, v.codec_context.pix_fmt, a.codec_context.name) == ("h264", "yuv420p", "aac")
        assert (v.width, v.height) == (240, 320)                          # stored upright, no rotation flag
        frames = list(c.decode(video=0))
    assert all(round(f.rotation or 0) == 0 for f in frames[:1])
    gaps = {round(b.time - a.time, 3) for a, b in zip(frames, frames[1:])}
    assert min(gaps) >= 1 / 30 - 0.002 and len(gaps) > 1                  # at most 30 fps, still variable
    assert frames[-1].time == pytest.approx(2.0, abs=0.1)
    # The red block sits top-left in the stored (landscape) picture; turned 90° counter-clockwise, as
    # the phone asks, it is at the bottom left.
    frame = frames[0].to_image()
    assert _is_red(frame.getpixel((5, frame.height - 5))) and not _is_red(frame.getpixel((5, 5)))
    poster = Image.open(tmp_path / "site" / asset.poster.largest).convert("RGB")
    assert poster.size == (240, 320) and _is_red(poster.getpixel((5, poster.height - 5)))


def test_4k_is_scaled_to_1080p_with_a_bitrate_for_phones(tmp_path):
    src = make_phone_video(tmp_path / "4k.MOV", size=(3840, 2160), rotation=None, seconds=0.4, vfr=False)
    plan = plan_video(*_plan_args(src))
    assert (plan.width, plan.height, plan.max_kbps, plan.remux) == (1920, 1080, 2500, False)
    p = pipeline(tmp_path)
    asset = p.video(src)
    assert not p.run(tmp_path / "site").failed
    with av.open(str(tmp_path / "site" / asset.url)) as c:
        assert (c.streams.video[0].width, c.streams.video[0].height) == (1920, 1080)


def test_conversion_cached_by_content_hash(tmp_path, monkeypatch):
    src = make_phone_video(tmp_path / "a.MOV")
    first = pipeline(tmp_path)
    url = first.video(src).url
    assert first.run(tmp_path / "site").converted == 1
    copy = tmp_path / "copy of a.MOV"
    copy.write_bytes(src.read_bytes())
    calls = []
    monkeypatch.setattr("generator.media.avjobs.publish_video", lambda *a, **k: calls.append(a) or 0)
    second = pipeline(tmp_path)
    assert second.video(copy).url == url                                  # same content, same file
    stats = second.run(tmp_path / "site2")
    assert stats.converted == 0 and not calls and (tmp_path / "site2" / url).is_file()


def test_progress_reports_seconds_converted(tmp_path):
    src = make_phone_video(tmp_path / "p.MOV", seconds=2)
    seen: list[float] = []
    publish_video(src, tmp_path / "out.mp4", plan_video(*_plan_args(src)), seen.append)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(2.0, abs=0.1)


def test_half_copied_video_fails_conversion_in_chinese(tmp_path):
    src = make_phone_video(tmp_path / "半截.mp4", codec="libx264", rotation=90, fmt="mp4", seconds=3)
    p = pipeline(tmp_path)
    p.video(src)   # planned from the complete file…
    src.write_bytes(src.read_bytes()[: src.stat().st_size // 2])   # …then cut, as a copy that stopped
    stats = p.run(tmp_path / "site")
    assert len(stats.failed) == 1
    err = stats.failed[0]
    assert "半截.mp4" in err.message and err.hint.startswith("文件不完整，请重新拷贝")


# ---- decode to the end (issue 12) ---------------------------------------------------------------


def test_decode_to_end_spots_a_half_copied_mp4(tmp_path):
    src = make_phone_video(tmp_path / "whole.mp4", codec="libx264", rotation=None, fmt="mp4", seconds=4, vfr=False,
                           faststart=True)
    decode_to_end(src, "video")   # whole: no error
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(src.read_bytes()[: int(src.stat().st_size * 0.45)])
    probe_video(cut)   # opens and shows a first frame: the old check passed it
    with pytest.raises(MediaError) as exc:
        decode_to_end(cut, "video")
    assert exc.value.incomplete and "cut.mp4" in exc.value.message and "不完整" in exc.value.message
    assert exc.value.hint.startswith("文件不完整，请重新拷贝")


def test_decode_to_end_spots_a_cut_wav(tmp_path):
    src = make_voice(tmp_path / "r.wav", "pcm_s16le", "wav", rate=16000, seconds=6)
    src.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
    with pytest.raises(MediaError) as exc:
        decode_to_end(src, "audio")
    assert "3.0 秒" in exc.value.message and "6.0 秒" in exc.value.message


def test_mov_cut_before_its_index_is_incomplete(tmp_path):
    src = make_phone_video(tmp_path / "IMG_0009.MOV", seconds=2)   # index (moov) written last, as phones do
    data = src.read_bytes()
    assert data.index(b"mdat") < data.rindex(b"moov")
    src.write_bytes(data[: len(data) // 2])
    with pytest.raises(MediaError) as exc:
        probe_video(src)
    assert exc.value.incomplete and "IMG_0009.MOV" in exc.value.message


def _is_red(rgb) -> bool:
    r, g, b = rgb[:3]
    return r > 170 and g < 90 and b < 90
