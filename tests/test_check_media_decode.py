"""`fengcai check` decodes every video and sound file to its end, once per content."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.minimal_project import profile_path, replace_in, write_project
from tests.phone_media import make_phone_video, make_voice
from tests.test_check_rules import PROFILE, only_error, problems, run_check

VIDEO_ITEM = """videos:
  - file: 访谈.mp4
    title: 访谈
    captions: 访谈.vtt
audio:
  - file: 语音.amr
    title: 语音
    transcript: 大家好。
consent:"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = write_project(tmp_path / "proj")
    folder = root / "workers" / "wang-xiaoming"
    make_phone_video(folder / "访谈.mp4", codec="libx264", rotation=None, fmt="mp4", seconds=4, vfr=False,
                     faststart=True, tags={})      # no recorded place: that is a warning of its own (test_clean_media)
    make_voice(folder / "语音.amr", "libopencore_amrnb", "amr", seconds=3)
    (folder / "访谈.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:02.000\n大家好\n", encoding="utf-8")
    replace_in(profile_path(root), "consent:", VIDEO_ITEM)
    return root


def cut(path: Path, keep: float) -> None:
    path.write_bytes(path.read_bytes()[: int(path.stat().st_size * keep)])


def test_phone_formats_pass_without_advice_to_convert(project, capsys):
    code, out = run_check(project, capsys)
    assert code == 0, out
    assert "ffmpeg" not in out


def test_half_copied_video_is_an_error_at_its_yaml_line(project, capsys):
    video = project / "workers" / "wang-xiaoming" / "访谈.mp4"
    cut(video, 0.45)
    p = only_error(project, capsys, "media.incomplete")
    assert (p["file"], p["line"]) == (PROFILE, 18)
    assert "访谈.mp4" in p["message"] and "不完整" in p["message"]
    assert p["hint"].startswith("文件不完整，请重新拷贝")
    code, out = run_check(project, capsys)
    assert code == 1 and f"{PROFILE}:18:" in out and "错误" in out


def test_cut_voice_note_is_an_error(project, capsys):
    cut(project / "workers" / "wang-xiaoming" / "语音.amr", 0.5)
    p = only_error(project, capsys, "media.incomplete")
    assert p["line"] == 22 and "语音.amr" in p["message"]


def test_warm_check_decodes_nothing_even_after_touch(project, capsys, monkeypatch):
    assert not problems(project, capsys)
    decoded = []
    import generator.check.probe_memo as memo
    real = memo.decode_to_end
    monkeypatch.setattr(memo, "decode_to_end", lambda p, k: decoded.append(p) or real(p, k))
    assert not [p for p in problems(project, capsys) if p["severity"] == "error"]
    video = project / "workers" / "wang-xiaoming" / "访谈.mp4"
    os.utime(video, (1, 1))                  # a fresh clone or a copy gives new times: same content
    assert not [p for p in problems(project, capsys) if p["severity"] == "error"]
    assert decoded == []
    cut(video, 0.45)                          # new content: decoded again
    problems(project, capsys)
    assert [Path(p).name for p in decoded] == ["访谈.mp4"]
