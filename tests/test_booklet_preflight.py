"""Preflight at booklet time, the colophon settings, and the measuring tools themselves (small fixture tree)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import typst
from PIL import Image
from pypdf import PdfReader

from booklet_measure import empty_bands, lone_characters
from generator.booklet.build import BookletOptions, make_booklets
from generator.booklet.errors import BookletError
from generator.booklet.preflight import placeholder_url
from generator.cli import main
from generator.content.loader import load
from test_booklet_fixture import make_tree

TODAY = dt.date(2026, 5, 1)
REAL_URL = "https://fengcai.hzszgh.org.cn/"
ROOT = Path(__file__).resolve().parents[1]


def _site(root: Path, old: str, new: str) -> None:
    p = root / "content" / "site.yml"
    text = p.read_text(encoding="utf-8")
    assert old in text
    p.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture()
def tree(tmp_path):
    root = make_tree(tmp_path / "tree")
    _site(root, "base_url: https://fengcai.example.org/", f"base_url: {REAL_URL}")
    return root


def _press(root: Path, out: Path, **kw):
    return make_booklets(load(root).model, out, options=BookletOptions(
        associations=("nanxun",), print_marks=True, today=TODAY, **kw))


def _texts(pdf: Path) -> list[str]:
    return [p.extract_text().replace(" ", "") for p in PdfReader(pdf).pages]


def test_placeholder_addresses():
    for url in ("https://fengcai.example.org/", "http://localhost:8000/", "http://127.0.0.1/", "https://a.example.com/x",
                "https://site.test/", "http://example/", ""):
        assert placeholder_url(url), url
    for url in (REAL_URL, "https://www.hzgh.gov.cn/fengcai/", "https://examples.cn/"):
        assert not placeholder_url(url), url


def test_qr_codes_to_an_example_address_stop_the_press_file(tmp_path, capsys):
    root = make_tree(tmp_path / "tree")                 # base_url: https://fengcai.example.org/
    res = _press(root, tmp_path / "out")
    assert res.paths == []
    err = [p for p in res.errors if p.code == "booklet.example-url"]
    assert len(err) == 1 and err[0].line().startswith("content/site.yml:4:")
    assert "示例网址" in err[0].message and "--proof" in err[0].hint
    assert res.summary[-1].endswith("有错误，没有生成印刷文件")
    assert main(["booklet", "--root", str(root), "--out", str(tmp_path / "cmd"), "--association", "nanxun", "--press"]) == 1
    captured = capsys.readouterr()
    assert "content/site.yml:4:11: 错误: 二维码会指向示例网址" in captured.err
    assert "印前检查（印刷厂版）：" in captured.out
    assert not list((tmp_path / "cmd").glob("*.pdf"))
    # a proof is made anyway, named so nobody sends it to print
    assert main(["booklet", "--root", str(root), "--out", str(tmp_path / "cmd"), "--association", "nanxun", "--proof"]) == 0
    assert [p.name for p in (tmp_path / "cmd").glob("*.pdf")] == ["nanxun-proof.pdf"]
    assert "校样：有错误，不能交付印刷" in capsys.readouterr().out


def test_sample_content_alone_makes_a_press_file_to_look_at(tmp_path):
    """The shipped sample content (every worker a 示例) makes its press file with a warning; one real
    person in it and the example address stops the press file again."""
    root = make_tree(tmp_path / "tree")
    profiles = sorted((root / "workers").glob("*/profile.yml"))
    for profile in profiles:
        text = profile.read_text(encoding="utf-8")
        if "sample: true" not in text:
            profile.write_text(text + "sample: true\n", encoding="utf-8")
    res = _press(root, tmp_path / "out")
    assert [p.name for p in res.paths] == ["nanxun-print.pdf"] and not res.errors
    warned = [p for p in res.problems if p.code == "booklet.example-url-sample"]
    assert len(warned) == 1 and "示例劳模" in warned[0].message and "base_url" in warned[0].hint
    real = profiles[-1]
    real.write_text(real.read_text(encoding="utf-8").replace("sample: true\n", ""), encoding="utf-8")
    res = _press(root, tmp_path / "again")
    assert res.paths == [] and [p.code for p in res.errors] == ["booklet.example-url"]


def test_blurry_photos_are_errors_for_the_press_low_ones_warnings(tree, tmp_path):
    Image.new("RGB", (120, 160), (150, 120, 100)).save(tree / "workers" / "an-ning" / "portrait.jpg", quality=90)
    # 300 px wide: under 300 ppi even at the smallest portrait size (larger photos are simply printed smaller)
    Image.new("RGB", (300, 400), (150, 120, 100)).save(tree / "workers" / "liu-yan" / "portrait.jpg", quality=90)
    res = _press(tree, tmp_path / "out")
    codes = {(p.code, p.loc.file) for p in res.problems}
    assert ("booklet.very-low-ppi", "workers/an-ning/profile.yml") in codes
    assert ("booklet.low-ppi", "workers/liu-yan/profile.yml") in codes
    blurry = next(p for p in res.errors if p.code == "booklet.very-low-ppi")
    assert re.search(r"安宁的肖像 portrait\.jpg 在《南浔区劳模风采录》第 \d+ 页印成 \d+×\d+ 毫米，只有 \d+ ppi", blurry.message)
    assert "120×160" in blurry.hint and blurry.line().startswith("workers/an-ning/profile.yml:")
    assert res.paths == []                                # the press file is kept back
    proof = _press(tree, tmp_path / "proof", proof=True)
    assert [p.name for p in proof.paths] == ["nanxun-proof.pdf"]
    screen = make_booklets(load(tree).model, tmp_path / "screen", options=BookletOptions(associations=("nanxun",), today=TODAY))
    assert screen.paths and not screen.problems           # the reading copy is not held to print rules


def test_colophon_from_settings_and_a_warning_without_permit(tree, tmp_path):
    res = _press(tree, tmp_path / "out")
    assert [p.code for p in res.problems] == ["booklet.no-permit"]
    assert not res.errors and [p.name for p in res.paths] == ["nanxun-print.pdf"]
    assert res.summary[-1].endswith("可以交付印刷")
    _site(tree, "  bleed_mm: 3\n", "  bleed_mm: 3\n  permit: 浙内准字（2026）第0417号\n  printer: 湖州某某彩印有限公司\n"
                                  "  copies: 2000\n  print_date: 2026年6月\n  edition: 2026年6月第1版\n"
                                  "  recipients: 本会会员及有关单位\n  publisher: 湖州市总工会\n")
    res = _press(tree, tmp_path / "out2")
    assert not res.problems
    texts = _texts(res.paths[0])
    for line in ("编印单位湖州市总工会", "发送对象本会会员及有关单位", "印刷单位湖州某某彩印有限公司", "印刷日期2026年6月",
                 "2000册", "2026年6月第1版", "准印证号浙内准字（2026）第0417号"):
        assert line in texts[-1], line
    assert "准印证号：浙内准字（2026）第0417号" in texts[0] and "内部资料" in texts[0]     # on the cover too
    assert PdfReader(res.paths[0]).metadata.author == "湖州市总工会"


def test_a_colour_profile_that_is_not_cmyk_is_a_clear_error(tree, tmp_path):
    rgb = tmp_path / "srgb.icc"
    from PIL import ImageCms
    rgb.write_bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    _site(tree, "  bleed_mm: 3\n", f"  bleed_mm: 3\n  cmyk_profile: {rgb}\n")
    with pytest.raises(BookletError, match="印刷色彩特性文件 .* 是 RGB 色彩特性文件"):
        _press(tree, tmp_path / "out")
    _site(tree, f"  cmyk_profile: {rgb}\n", "  cmyk_profile: nowhere/press.icc\n")
    with pytest.raises(BookletError, match="找不到印刷色彩特性文件") as e:
        _press(tree, tmp_path / "out")
    assert "content/site.yml:" in str(e.value) and "libgs-common" in str(e.value)


def test_two_builds_give_identical_files(tree, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 3, 8, tzinfo=dt.timezone.utc).timestamp())))
    model = load(tree).model
    a = make_booklets(model, tmp_path / "a", options=BookletOptions(associations=("nanxun",), print_marks=True))
    b = make_booklets(model, tmp_path / "b", options=BookletOptions(associations=("nanxun",), print_marks=True))
    assert a.paths[0].read_bytes() == b.paths[0].read_bytes()
    info = PdfReader(a.paths[0]).metadata
    assert info["/CreationDate"].startswith("D:20260308")          # SOURCE_DATE_EPOCH, not the clock
    c = make_booklets(model, tmp_path / "c", options=BookletOptions(associations=("nanxun",)))
    d = make_booklets(model, tmp_path / "d", options=BookletOptions(associations=("nanxun",)))
    assert c.paths[0].read_bytes() == d.paths[0].read_bytes()


def test_no_divider_page_for_a_section_of_one(tree, tmp_path):
    res = make_booklets(load(tree).model, tmp_path / "out", options=BookletOptions(associations=("nanxun",), today=TODAY))
    texts = _texts(res.paths[0])
    assert not any(re.fullmatch(r"(模范集体|创新工作室)共收录1(个模范集体|家创新工作室)\d*", t.replace("\n", "")) for t in texts)
    collective = next(t for t in texts if "丝韵缫丝车间" in t.splitlines()[:3] and "目录" not in t)
    assert "模范集体" in collective.splitlines()[:2]          # the section named above the entry instead
    assert any(re.fullmatch(r"劳模风采共收录\d+位劳模\d*", t.replace("\n", "")) for t in texts)   # several: a divider


def test_every_preflight_code_is_explained_in_the_editors_guide():
    guide = (ROOT / "docs" / "编辑指南.md").read_text(encoding="utf-8")
    codes = set()
    for py in (ROOT / "generator" / "booklet").glob("*.py"):
        codes |= {c for c in re.findall(r'"(booklet\.[a-z-]+)"', py.read_text(encoding="utf-8")) if c != "booklet.typ"}
    assert {"booklet.example-url", "booklet.low-ppi", "booklet.very-low-ppi", "booklet.no-permit"} <= codes
    assert not [c for c in sorted(codes) if f"`{c}`" not in guide]


# ---- the measuring tools find what they are meant to find ---------------------------------------------
def _typst_pdf(body: str) -> Path:
    from generator.booklet.fonts import find_fonts
    fonts = find_fonts()
    src = (f'#set page(width: 148mm, height: 210mm, margin: (x: 15.79mm, top: 19mm, bottom: 21mm))\n'
           f'#set text(font: "{fonts.serif[0]}", size: 10pt, lang: "zh")\n' + body)
    out = Path(__file__).resolve().parents[1] / "test-output" / "booklet" / f"measure-{abs(hash(body))}.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(typst.compile(src.encode(), font_paths=[str(d) for d in fonts.dirs]))
    return out


def test_the_measures_catch_an_empty_half_page_and_a_lone_character():
    pdf = _typst_pdf('#block(width: 100%, height: 80mm, fill: black)\n#block(width: 6em)[工业互联网平化]\n')
    band = empty_bands(pdf, [1])[1]
    assert 0.4 < band < 0.6
    assert lone_characters(pdf, [1]) == {1: ["化"]}
    full = _typst_pdf('#block(width: 100%, height: 168mm, fill: black)\n')
    assert empty_bands(full, [1])[1] < 0.03
