"""Bad input ends in a correct PDF or a clear Chinese error — never tofu, never a traceback."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.booklet import fonts as fonts_module
from generator.booklet.build import BookletOptions, make_booklets
from generator.booklet.errors import BookletError
from generator.booklet.glyphs import Coverage, font_coverage
from generator.booklet.selection import parse_level, parse_years
from generator.cli import main
from generator.content.loader import load
from test_booklet_fixture import make_tree

TODAY = dt.date(2026, 5, 1)


@pytest.fixture()
def tree(tmp_path):
    return make_tree(tmp_path / "tree")


def _set_quote(root: Path, wid: str, quote: str) -> None:
    p = root / "workers" / wid / "profile.yml"
    p.write_text(p.read_text(encoding="utf-8") + f"quote: {quote}\n", encoding="utf-8")


def test_no_fonts_is_a_chinese_error_with_install_hint(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts_module, "SYSTEM_DIRS", ())
    with pytest.raises(BookletError) as e:
        fonts_module.find_fonts([tmp_path])
    msg = str(e.value)
    assert "找不到中文字体" in msg and "sudo apt-get install fonts-noto-cjk" in msg
    assert "booklet.fonts_dir" in msg and "--fonts" in msg


def test_fonts_folder_is_searched_first(tmp_path):
    found = fonts_module.find_fonts()
    assert found.serif[0] in ("Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC")
    (tmp_path / "fonts").mkdir()
    serif = next(f for f in found.files if f.name.startswith(("NotoSerifCJK", "NotoSerifSC", "SourceHanSerif")))
    shutil.copy(serif, tmp_path / "fonts" / serif.name)
    mine = fonts_module.find_fonts([tmp_path / "fonts"])
    assert mine.dirs[0] == tmp_path / "fonts" and tmp_path / "fonts" / serif.name in mine.files


def _uncovered() -> str:
    found = fonts_module.find_fonts()
    cov = Coverage([]).union(*(font_coverage(f) for f in found.files))
    for cp in (0x1FAE0, 0x1FAE8, 0x10FFFD):
        if cp not in cov:
            return chr(cp)
    pytest.skip("every candidate character is covered by the installed fonts")


def test_character_no_font_has_names_worker_and_character(tree, tmp_path):
    ch = _uncovered()
    _set_quote(tree, "an-ning", f"劳动最光荣{ch}")
    model = load(tree).model
    with pytest.raises(BookletError) as e:
        make_booklets(model, tmp_path / "out", options=BookletOptions(associations=("nanxun",), today=TODAY))
    msg = str(e.value)
    assert "「安宁」（an-ning）" in msg and f"U+{ord(ch):04X}" in msg and "方框" in msg
    assert not (tmp_path / "out" / "nanxun.pdf").exists()


def test_character_beyond_noto_uses_the_fallback_font(tree, tmp_path):
    found = fonts_module.find_fonts()
    if not any(f.name.startswith(("BabelStoneHan", "HanaMin")) for f in found.files):
        pytest.skip("no rare-character fallback font installed (fonts-babelstone-han)")
    _set_quote(tree, "an-ning", "𠀀字")              # U+20000, CJK Ext-B: not in Noto CJK
    model = load(tree).model
    res = make_booklets(model, tmp_path / "out", options=BookletOptions(associations=("nanxun",), today=TODAY))
    fonts = subprocess.run(["pdffonts", str(res.paths[0])], capture_output=True, text=True).stdout
    assert "BabelStone" in fonts or "HanaMin" in fonts


def test_corrupt_portrait_becomes_placeholder(tree, tmp_path):
    (tree / "workers" / "an-ning" / "portrait.jpg").write_bytes(b"not a jpeg at all")
    model = load(tree).model
    said = []
    res = make_booklets(model, tmp_path / "out", options=BookletOptions(associations=("nanxun",), today=TODAY),
                        log=said.append)
    assert res.paths and any("portrait.jpg" in s and "占位图" in s for s in said)


def test_selection_words():
    assert parse_level("全国级") == "national" and parse_level("省级") == "provincial"
    assert parse_years("2015-2024") == (2015, 2024) and parse_years("2020") == (2020, 2020)
    with pytest.raises(BookletError, match="年份范围"):
        parse_years("去年")
    with pytest.raises(BookletError, match="不认识的荣誉级别"):
        parse_level("世界级")


def test_command_bad_arguments_say_so_in_chinese(tree, tmp_path, capsys):
    assert main(["booklet", "--root", str(tree), "--out", str(tmp_path), "--years", "去年"]) == 2
    assert "年份范围「去年」写法不对" in capsys.readouterr().err
    assert main(["booklet", "--root", str(tree), "--out", str(tmp_path), "--association", "shanghai"]) == 1
    assert "没有编号为「shanghai」的协会" in capsys.readouterr().err
    assert main(["booklet", "--root", str(tree), "--out", str(tmp_path), "--workers", "zhang-caogao"]) == 1
    assert "zhang-caogao" in capsys.readouterr().err           # a draft is as good as absent


def test_command_refuses_content_with_errors(tree, tmp_path, capsys):
    (tree / "workers" / "an-ning" / "profile.yml").write_text("name：安宁\n", encoding="utf-8")
    assert main(["booklet", "--root", str(tree), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "没有生成小册子" in err and not (tmp_path / "out").exists()


def test_command_happy_path(tree, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["booklet", "--root", str(tree), "--out", str(out), "--association", "nanxun",
                 "--level", "全国级", "--title", "南浔全国劳模", "--paper", "a4"]) == 0
    assert "完成" in capsys.readouterr().out
    r = PdfReader(out / "nanxun-national.pdf")
    assert r.metadata.title == "南浔全国劳模"
    assert "孙梅金" in "".join(p.extract_text() for p in r.pages)
