"""Depth and size limits, and bytes no text editor should produce: each is a Chinese problem at its
file and line from `check`, `build` and the live preview — never a traceback."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.limits import MAX_DEPTH, MAX_LIST_ITEMS, MAX_NAME, MAX_NODES
from generator.content.loader import load
from generator.problems import Report
from generator.site.preview import Preview
from tests.minimal_project import profile_path, replace_in, write_project

PROFILE = "workers/wang-xiaoming/profile.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "proj")


def check(root: Path, capsys, *extra: str) -> tuple[int, str]:
    code = main(["check", "--root", str(root), *extra])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out + out.err


def found(root: Path, capsys, code: str) -> list[dict]:
    rc, out = check(root, capsys, "--format", "json")
    return [p for p in json.loads(out)["problems"] if p["code"] == code]


def test_list_nested_500_deep_is_one_error_from_check_build_and_serve(project, capsys, tmp_path):
    replace_in(profile_path(project), "quote: 把每一件小事做好。", "quote: " + "[" * 500 + "]" * 500)
    rc, out = check(project, capsys)
    assert rc == 1 and f"{PROFILE}:13:" in out and f"嵌套层数太多：超过 {MAX_DEPTH} 层" in out
    assert len(out.splitlines()) < 10  # not 3,000 lines of RecursionError
    assert main(["build", "--root", str(project), "--out", str(tmp_path / "site"), "--no-booklets"]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err and "嵌套层数太多" in out.out + out.err
    preview = Preview(project, say=lambda line: None)
    preview.publication()
    deep = [p for p in preview.report.errors if p.code == "yaml.too-deep"]
    assert deep and deep[0].loc.file == PROFILE and deep[0].loc.line == 13


def test_indentation_ladder_is_too_deep(project, capsys):
    ladder = "deep:\n" + "".join("  " * (k + 1) + "-\n" for k in range(40))
    replace_in(profile_path(project), "quote: 把每一件小事做好。\n", ladder)
    p = found(project, capsys, "yaml.too-deep")[0]
    assert p["file"] == PROFILE and p["line"] == 13 + MAX_DEPTH  # the list that would be level 11


def test_libyaml_nesting_limit_is_the_same_message(project, capsys):
    replace_in(profile_path(project), "quote: 把每一件小事做好。", "quote: " + "{a: " * 5000 + "}" * 5000)
    p = found(project, capsys, "yaml.too-deep")[0]
    assert (p["file"], p["line"]) == (PROFILE, 13)


def test_ten_thousand_specialties(project, capsys):
    items = "".join(f"  - 专长{k}\n" for k in range(10_000))
    replace_in(profile_path(project), "quote: 把每一件小事做好。\n", "quote: 把每一件小事做好。\nspecialties:\n" + items)
    p = found(project, capsys, "schema.too-many")[0]
    assert (p["file"], p["line"]) == (PROFILE, 14) and "10000 项" in p["message"] and f"最多 {MAX_LIST_ITEMS} 项" in p["message"]
    assert len(load(project).model.workers["wang-xiaoming"].specialties) == MAX_LIST_ITEMS


def test_too_many_values_in_one_file(project, capsys):
    replace_in(profile_path(project), "quote: 把每一件小事做好。", "tags: [" + ", ".join("x" for _ in range(MAX_NODES + 5)) + "]")
    p = found(project, capsys, "yaml.too-large")[0]
    assert (p["file"], p["line"]) == (PROFILE, 13)


def test_long_name(project, capsys):
    replace_in(profile_path(project), "name: 王小明", "name: " + "王" * (MAX_NAME + 1))
    p = found(project, capsys, "schema.too-long")[0]
    assert (p["line"], p["column"]) == (1, 7) and f"最多 {MAX_NAME} 个" in p["message"]


def test_megabyte_line_is_reported_with_a_short_quote(project, capsys):
    replace_in(profile_path(project), "quote: 把每一件小事做好。", "quote: " + "好" * 600_000)
    rc, out = check(project, capsys)
    assert rc == 1 and f"{PROFILE}:13:8: 错误: 「quote」（格言/心语）太长：600000 个字" in out
    assert max(len(line) for line in out.splitlines()) < 400


def test_file_over_the_size_limit(project, capsys):
    (project / "workers" / "wang-xiaoming" / "story.md").write_text("劳" * 700_000, encoding="utf-8")
    p = found(project, capsys, "file.too-large")[0]
    assert (p["file"], p["line"]) == ("workers/wang-xiaoming/story.md", 1)


def test_many_unknown_keys_are_summed_up(project, capsys):
    replace_in(profile_path(project), "quote: 把每一件小事做好。", "\n".join(f"extra{k}: x" for k in range(300)))
    unknown = found(project, capsys, "schema.unknown-key")
    assert len(unknown) == 6 and "还有 295 个" in unknown[-1]["message"]


# ---- bytes --------------------------------------------------------------------------------------

def test_nul_byte(project, capsys):
    path = profile_path(project)
    path.write_bytes(path.read_bytes().replace("检修班班长".encode(), b"\x00"))
    p = found(project, capsys, "file.binary")[0]
    assert (p["file"], p["line"]) == (PROFILE, 4)


def test_lone_surrogate_bytes_are_not_utf8(project, capsys):
    path = profile_path(project)
    path.write_bytes(path.read_bytes().replace("检修班班长".encode(), "检修\ud800班长".encode("utf-8", "surrogatepass")))
    p = found(project, capsys, "file.encoding")[0]
    assert (p["file"], p["line"], p["column"]) == (PROFILE, 4, 13)


@pytest.mark.parametrize("char,kind", [("\u202e", "文字方向控制符"), ("\ufeff", "零宽字符"), ("\u200b", "零宽字符"),
                                       ("\x07", "控制字符"), ("\x85", "控制字符")])
def test_invisible_characters(project, capsys, char, kind):
    replace_in(profile_path(project), "name: 王小明", f"name: 王{char}小明")
    p = found(project, capsys, "file.invisible-char")[0]
    assert (p["file"], p["line"], p["column"]) == (PROFILE, 1, 8) and kind in p["message"]
    assert f"U+{ord(char):04X}" in p["message"]


def test_line_separator_does_not_shift_later_lines(project, capsys):
    replace_in(profile_path(project), "position: 检修班班长", "position: 检修\u2028班长")
    replace_in(profile_path(project), "year: 2015", "year: 3015")
    assert found(project, capsys, "file.invisible-char")[0]["line"] == 4
    assert found(project, capsys, "schema.range")[0]["line"] == 11


def test_bom_inside_the_file_before_a_key(project, capsys):
    replace_in(profile_path(project), "industry: 电力", "\ufeffindustry: 电力")
    p = found(project, capsys, "file.invisible-char")[0]
    assert (p["line"], p["column"]) == (5, 1)


def test_nul_escape_in_a_file_name(project, capsys):
    replace_in(profile_path(project), "portrait: portrait.jpg", 'portrait: "portrait\\0.jpg"')
    assert found(project, capsys, "media.path")[0]["line"] == 12


def test_overlong_file_name(project, capsys):
    replace_in(profile_path(project), "portrait: portrait.jpg", "portrait: " + "p" * 300 + ".jpg")
    assert found(project, capsys, "media.path")[0]["line"] == 12


def test_odd_file_name_is_printed_not_a_crash(project, capsys):
    """A file name that is not UTF-8 (a lone surrogate in Python) must still print."""
    odd = project / "content" / "associations" / "x\udcff.txt"
    try:
        odd.write_text("x", encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("file system refuses such names")
    rc, out = check(project, capsys)
    assert "\ufffd" in out
    rc, out = check(project, capsys, "--format", "json")
    assert json.loads(out)["problems"]


def test_report_shortens_a_long_quote_around_the_column():
    from generator.model.source import Loc
    from generator.problems import error

    line = "x" * 5000 + "错" + "y" * 5000
    text = Report([error(Loc("a.yml", 1, 5001), "错误", "", "yaml.syntax", line)]).format_text()
    quote, caret = text.splitlines()[1:3]
    assert len(quote) < 200 and quote.index("错") == caret.index("^")


def test_story_lines_that_made_the_link_check_quadratic(project, capsys):
    """400,000 "[" on one line took hours in the Markdown link check (each "[" scanned to the end)."""
    lines = ["[" * 400_000, "\\[" * 200_000, "[a](/workers/wang-xiaoming/) " + "[" * 300_000, "<a " * 130_000]
    (project / "workers" / "wang-xiaoming" / "story.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    old = signal.signal(signal.SIGALRM, _hang)
    signal.alarm(120)  # a hang guard, not a speed test: the check takes well under a second
    try:
        rc, out = check(project, capsys)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert rc == 0, out


def _hang(signum, frame):
    raise AssertionError("fengcai check did not finish")
