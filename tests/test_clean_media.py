"""A phone photo or video committed as it came carries where it was taken: `check` says so at the line naming it,
and `fengcai clean-media` blanks it in the repository's own file without changing the picture."""

from __future__ import annotations

import json
import os
from pathlib import Path

import av
import pytest
from PIL import Image

from generator.cli import main
from minimal_project import profile_path, replace_in, write_project
from phone_media import PRIVATE_TAGS, make_heic, make_phone_video, make_voice

GPS_IFD, EXIF_IFD = 0x8825, 0x8769


def phone_jpeg(path: Path) -> Path:
    exif = Image.Exif()
    exif[0x0112] = 6                                                           # shown turned
    exif[0x010F], exif[0x0110] = "Apple", "iPhone 15"
    exif[GPS_IFD] = {1: "N", 2: (30.0, 52.0, 12.0), 3: "E", 4: (120.0, 5.0, 30.0)}   # a home in Huzhou
    exif.get_ifd(EXIF_IFD)[0xA431] = "F2LXK0042"                                # body serial number
    Image.new("RGB", (800, 600), (180, 120, 90)).save(path, quality=90, exif=exif)
    return path


def check_json(root: Path, capsys) -> list[dict]:
    main(["check", "--root", str(root), "--format", "json"])
    return json.loads(capsys.readouterr().out)["problems"]


def test_check_warns_and_clean_media_blanks_the_location(tmp_path, capsys):
    root = write_project(tmp_path / "p")
    portrait = phone_jpeg(root / "workers" / "wang-xiaoming" / "portrait.jpg")
    before = portrait.read_bytes()
    with Image.open(portrait) as im:
        pixels = im.tobytes()

    found = [p for p in check_json(root, capsys) if p["code"] == "privacy.media-metadata"]
    line = profile_path(root).read_text(encoding="utf-8").splitlines().index("portrait: portrait.jpg") + 1
    assert len(found) == 1 and found[0]["severity"] == "warning", found
    assert found[0]["file"] == "workers/wang-xiaoming/profile.yml" and found[0]["line"] == line
    assert "拍摄地点" in found[0]["message"] and "fengcai clean-media" in found[0]["hint"]

    assert main(["clean-media", "--root", str(root), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "带有个人信息：workers/wang-xiaoming/portrait.jpg" in out and "其中 1 个" in out
    assert portrait.read_bytes() == before                                     # a dry run changes nothing

    assert main(["clean-media", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "已清除：workers/wang-xiaoming/portrait.jpg" in out and "清除了 1 个" in out
    after = portrait.read_bytes()
    assert len(after) == len(before) and after != before
    with Image.open(portrait) as im:
        exif = im.getexif()
        assert not exif.get_ifd(GPS_IFD)
        assert not exif.get_ifd(EXIF_IFD).get(0xA431, "").strip("\x00")          # blanked in place, not moved
        assert exif[0x0112] == 6                                               # still shown turned
        assert im.tobytes() == pixels                                          # the same picture
    assert b"F2LXK0042" not in after
    assert not [p for p in check_json(root, capsys) if p["code"] == "privacy.media-metadata"]
    assert main(["clean-media", "--root", str(root)]) == 0
    assert "清除了 0 个" in capsys.readouterr().out


def test_heic_is_cleaned_and_nothing_outside_the_project_is_touched(tmp_path, capsys):
    root = write_project(tmp_path / "p")
    folder = root / "workers" / "wang-xiaoming"
    heic = make_heic(folder / "IMG_4032.HEIC", gps=True)
    outside = phone_jpeg(tmp_path / "elsewhere.jpg")
    kept = outside.read_bytes()
    os.symlink(outside, folder / "linked.jpg")
    assert main(["clean-media", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "已清除：workers/wang-xiaoming/IMG_4032.HEIC" in out and "linked.jpg" not in out
    assert outside.read_bytes() == kept
    from pillow_heif import register_heif_opener
    register_heif_opener()
    with Image.open(heic) as im:
        assert not im.getexif().get_ifd(GPS_IFD)


def _tags(path: Path) -> dict:
    with av.open(str(path)) as c:
        return dict(c.metadata)


@pytest.mark.parametrize("faststart", [False, True])
def test_video_location_is_found_and_blanked_in_place(tmp_path, capsys, faststart):
    """The index (moov) at the end, as phones write it, or first, as upload apps do."""
    root = write_project(tmp_path / "p")
    video = make_phone_video(root / "workers" / "wang-xiaoming" / "IMG_0007.MOV", faststart=faststart)
    replace_in(profile_path(root), "consent:", "videos:\n  - file: IMG_0007.MOV\n    title: 王小明谈检修\nconsent:")
    assert _tags(video)["location"] == PRIVATE_TAGS["location"]
    size = video.stat().st_size
    with av.open(str(video)) as c:
        frames = sum(1 for _ in c.decode(video=0))

    found = [p for p in check_json(root, capsys) if p["code"] == "privacy.media-metadata"]
    assert len(found) == 1 and "视频 IMG_0007.MOV" in found[0]["message"] and "录制地点" in found[0]["message"]
    assert found[0]["line"] == profile_path(root).read_text(encoding="utf-8").splitlines().index("  - file: IMG_0007.MOV") + 1

    assert main(["clean-media", "--root", str(root)]) == 0
    assert "已清除：workers/wang-xiaoming/IMG_0007.MOV" in capsys.readouterr().out
    assert video.stat().st_size == size and b"+30.8703" not in video.read_bytes()
    assert not _tags(video).get("location", "").strip()
    with av.open(str(video)) as c:                                         # still the same video
        assert sum(1 for _ in c.decode(video=0)) == frames
    assert not [p for p in check_json(root, capsys) if p["code"] == "privacy.media-metadata"]


def test_voice_memo_location_is_blanked(tmp_path, capsys):
    """An M4A carries the place in the 3GPP `loci` box (coordinates in binary): it becomes free space."""
    root = write_project(tmp_path / "p")
    memo = make_voice(root / "workers" / "wang-xiaoming" / "voice.m4a", "aac", fmt="ipod")
    before = memo.read_bytes()
    assert b"loci" in before and _tags(memo).get("location")                 # FFmpeg reads it back
    assert main(["clean-media", "--root", str(root), "--dry-run"]) == 0
    assert "带有个人信息：workers/wang-xiaoming/voice.m4a" in capsys.readouterr().out
    assert main(["clean-media", "--root", str(root)]) == 0
    assert "已清除：workers/wang-xiaoming/voice.m4a" in capsys.readouterr().out
    after = memo.read_bytes()
    assert len(after) == len(before) and b"loci" not in after and not _tags(memo).get("location")
    with av.open(str(memo)) as c:
        assert sum(f.samples for f in c.decode(audio=0)) > 7000              # the 1 s of sound is all there
