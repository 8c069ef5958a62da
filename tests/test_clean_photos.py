"""A phone photo committed as it came carries where it was taken: `check` says so at the line naming it,
and `fengcai clean-photos` blanks it in the repository's own file without changing the picture."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PIL import Image

from generator.cli import main
from minimal_project import profile_path, write_project
from phone_media import make_heic

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


def test_check_warns_and_clean_photos_blanks_the_location(tmp_path, capsys):
    root = write_project(tmp_path / "p")
    portrait = phone_jpeg(root / "workers" / "wang-xiaoming" / "portrait.jpg")
    before = portrait.read_bytes()
    with Image.open(portrait) as im:
        pixels = im.tobytes()

    found = [p for p in check_json(root, capsys) if p["code"] == "privacy.photo-metadata"]
    line = profile_path(root).read_text(encoding="utf-8").splitlines().index("portrait: portrait.jpg") + 1
    assert len(found) == 1 and found[0]["severity"] == "warning", found
    assert found[0]["file"] == "workers/wang-xiaoming/profile.yml" and found[0]["line"] == line
    assert "拍摄地点" in found[0]["message"] and "fengcai clean-photos" in found[0]["hint"]

    assert main(["clean-photos", "--root", str(root), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "带有个人信息：workers/wang-xiaoming/portrait.jpg" in out and "其中 1 张" in out
    assert portrait.read_bytes() == before                                     # a dry run changes nothing

    assert main(["clean-photos", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "已清除：workers/wang-xiaoming/portrait.jpg" in out and "清除了 1 张" in out
    after = portrait.read_bytes()
    assert len(after) == len(before) and after != before
    with Image.open(portrait) as im:
        exif = im.getexif()
        assert not exif.get_ifd(GPS_IFD)
        assert not exif.get_ifd(EXIF_IFD).get(0xA431, "").strip("\x00")          # blanked in place, not moved
        assert exif[0x0112] == 6                                               # still shown turned
        assert im.tobytes() == pixels                                          # the same picture
    assert b"F2LXK0042" not in after
    assert not [p for p in check_json(root, capsys) if p["code"] == "privacy.photo-metadata"]
    assert main(["clean-photos", "--root", str(root)]) == 0
    assert "清除了 0 张" in capsys.readouterr().out


def test_heic_is_cleaned_and_nothing_outside_the_project_is_touched(tmp_path, capsys):
    root = write_project(tmp_path / "p")
    folder = root / "workers" / "wang-xiaoming"
    heic = make_heic(folder / "IMG_4032.HEIC", gps=True)
    outside = phone_jpeg(tmp_path / "elsewhere.jpg")
    kept = outside.read_bytes()
    os.symlink(outside, folder / "linked.jpg")
    assert main(["clean-photos", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "已清除：workers/wang-xiaoming/IMG_4032.HEIC" in out and "linked.jpg" not in out
    assert outside.read_bytes() == kept
    from pillow_heif import register_heif_opener
    register_heif_opener()
    with Image.open(heic) as im:
        assert not im.getexif().get_ifd(GPS_IFD)
