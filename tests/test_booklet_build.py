"""The whole booklet from a small content tree: contents page numbers, fonts, drafts, print version."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.booklet.build import BookletOptions, make_booklets
from generator.booklet.selection import Filters
from generator.content.loader import load
from test_booklet_fixture import make_tree

TODAY = dt.date(2026, 5, 1)
RENDERS = Path(__file__).resolve().parents[1] / "test-output" / "booklet"
TOC_LINE = re.compile(r"^(\S+)(?:\s+\S+)?\s+(?:·\s*)*(\d+)$")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_tree(tmp_path_factory.mktemp("tree"))
    loaded = load(root)
    assert not [p for p in loaded.problems if p.is_error], [p.line() for p in loaded.problems]
    out = tmp_path_factory.mktemp("booklets")
    result = make_booklets(loaded.model, out, options=BookletOptions(today=TODAY))
    # the fixture's web address is example.org, so the press file is a proof (see test_booklet_press.py)
    marked = make_booklets(loaded.model, tmp_path_factory.mktemp("print"),
                           options=BookletOptions(associations=("nanxun",), print_marks=True, proof=True,
                                                  impose="saddle", today=TODAY))
    return loaded.model, out, result, marked


def _texts(pdf: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(pdf).pages]


def _toc(texts: list[str]) -> dict[str, int]:
    """{name: page} as printed on the contents page(s)."""
    start = next(i for i, t in enumerate(texts) if t.lstrip().startswith("目 录"))
    entries = {}
    for t in texts[start:start + 3]:
        for line in t.splitlines():
            m = TOC_LINE.match(line.strip())
            if m:
                entries[m.group(1)] = int(m.group(2))
    return entries


def test_one_booklet_per_association_city_holds_everyone(built):
    model, out, result, _ = built
    assert sorted(p.name for p in result.paths) == ["huzhou.pdf", "nanxun.pdf"]
    city = "".join(_texts(out / "huzhou.pdf"))
    for w in model.public().workers.values():
        assert w.name in city


def test_every_name_is_on_the_page_the_contents_say(built):
    model, out, _, _ = built
    for pdf in ("huzhou.pdf", "nanxun.pdf"):
        texts = _texts(out / pdf)
        toc = _toc(texts)
        names = [w.name for w in model.public().workers.values()]
        expected = names if pdf == "huzhou.pdf" else [w.name for w in model.public().workers_of("nanxun")]
        assert set(expected) <= set(toc), (pdf, toc)
        for name, page in toc.items():
            head = [line.replace(" ", "") for line in texts[page - 1].splitlines()[:3]]
            assert name in head, (pdf, name, page)


def test_draft_never_appears(built):
    _, out, _, marked = built
    for pdf in [out / "huzhou.pdf", out / "nanxun.pdf", *marked.paths]:
        assert "张草稿" not in "".join(_texts(pdf))


def test_long_story_continues_with_running_head_and_no_blank_page(built):
    _, out, _, _ = built
    texts = _texts(out / "huzhou.pdf")
    page = _toc(texts)["钱立峰"]
    assert "钱立峰（续）" in texts[page].lstrip().splitlines()[0]          # the running head of page 2
    story = "".join(texts[page - 1:page + 8])
    assert "第1段" in story.replace(" ", "") and "第" in story
    last_para = max(int(n) for n in re.findall(r"第\s*(\d+)\s*段", story))
    assert last_para >= 20                       # the whole 5,000 characters are printed
    for i, t in enumerate(texts[:-1]):
        if i > 0:
            assert t.strip(), f"page {i + 1} is blank"


def test_fonts_embedded_subset_no_type3(built):
    _, out, _, marked = built
    for pdf in [out / "huzhou.pdf", *marked.paths]:
        report = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = report.splitlines()[2:]
        assert rows
        for row in rows:
            assert "Type 3" not in row, row
            cols = row.split()
            assert cols[-5:-3] == ["yes", "yes"], row     # emb, sub
        assert ".notdef" not in report


def test_rare_characters_are_drawn(built):
    _, out, _, _ = built
    text = "".join(_texts(out / "nanxun.pdf"))
    assert "刘䶮" in text and "王𫖮" in text


def test_metadata_outline_and_language(built):
    _, out, _, marked = built
    r = PdfReader(out / "nanxun.pdf")
    assert r.metadata.title == "南浔区劳模风采录"
    assert str(r.trailer["/Root"].get("/Lang")) == "zh-CN"
    titles = []
    for item in r.outline:
        titles += [x.title for x in item] if isinstance(item, list) else [item.title]
    assert {"孙梅金", "刘䶮", "安宁", "劳模风采"} <= set(titles)
    assert "模范集体" in titles or "丝韵缫丝车间" in titles


def test_metadata_names_only_the_publisher(built):
    """No author, subject or keywords taken from content (issue 11): in Info and in the XMP."""
    _, out, _, marked = built
    for pdf in [out / "nanxun.pdf", out / "huzhou.pdf", *marked.paths]:
        r = PdfReader(pdf)
        info = r.metadata or {}
        assert info.get("/Author") in (None, "湖州市劳模协会"), pdf
        assert not info.get("/Subject") and not info.get("/Keywords"), pdf
        xmp = r.trailer["/Root"]["/Metadata"].get_object().get_data().decode() if "/Metadata" in r.trailer["/Root"] else ""
        creators = re.findall(r"<dc:creator>.*?</dc:creator>", xmp, re.S)
        assert all(re.findall(r"<rdf:li[^>]*>(.*?)</rdf:li>", c) == ["湖州市劳模协会"] for c in creators), pdf
        assert not re.search(r"<(pdf:Keywords|dc:subject|dc:description)\b", xmp), pdf
        for name in ("孙梅金", "刘䶮", "钱立峰"):
            assert name not in xmp and name not in str(info), pdf


def test_profile_contents(built):
    _, out, _, _ = built
    texts = _texts(out / "nanxun.pdf")
    toc = _toc(texts)
    sun = texts[toc["孙梅金"] - 1]
    assert "Sūn Méijīn" in sun and "示例" in sun and "全国劳动模范" in sun
    assert "扫码观看视频" in sun                       # she has a video
    assert "扫码阅读网页版" in texts[toc["安宁"] - 1]
    # editor text is printed literally, never run as Typst markup
    city = "".join(_texts(out / "huzhou.pdf"))
    assert "#set page(width: 1cm)" in city and "$x^2$" in city and "*星号*" in city


def test_cover_and_back_cover(built):
    _, out, _, _ = built
    texts = _texts(out / "nanxun.pdf")
    assert "南浔区劳模风采录" in texts[0] and "2026" in texts[0]
    assert "湖州市劳模协会" in texts[-1] and "2026年5月" in texts[-1].replace(" ", "")


def test_press_version_sheet_boxes_and_office_imposition(built):
    _, _, _, marked = built
    names = sorted(p.name for p in marked.paths)
    assert names == ["nanxun-proof.pdf", "nanxun-saddle.pdf"]
    pdf = next(p for p in marked.paths if p.name == "nanxun-proof.pdf")
    page = PdfReader(pdf).pages[0]
    mm = 72 / 25.4
    assert float(page.mediabox.width) == pytest.approx((148 + 6 + 20) * mm, abs=0.5)    # bleed 3 + crop-mark margin 10
    assert float(page.mediabox.height) == pytest.approx((210 + 6 + 20) * mm, abs=0.5)
    assert float(page.bleedbox.width) == pytest.approx((148 + 6) * mm, abs=0.5)
    assert float(page.trimbox.left) == pytest.approx(13 * mm, abs=0.1)
    assert float(page.trimbox.width) == pytest.approx(148 * mm, abs=0.5)
    saddle_path = next(p for p in marked.paths if p.name == "nanxun-saddle.pdf")
    saddle = PdfReader(saddle_path)
    assert len(saddle.pages) % 2 == 0
    assert float(saddle.pages[0].mediabox.width) == pytest.approx(297 * mm, abs=0.5)   # A4 landscape
    assert float(saddle.pages[0].mediabox.height) == pytest.approx(210 * mm, abs=0.5)
    assert saddle_path.read_bytes().startswith(b"%PDF-1.7")          # the version of the pages it holds
    assert not any("/Annots" in p for p in saddle.pages)             # no links pointing at the wrong half


def test_filters_make_one_selection_booklet(tmp_path):
    root = make_tree(tmp_path / "tree")
    model = load(root).model
    res = make_booklets(model, tmp_path / "out", options=BookletOptions(
        filters=Filters(levels=("national", "provincial")), title="省级以上劳模风采", today=TODAY))
    assert [p.name for p in res.paths] == ["huzhou-provincial-up.pdf"]
    text = "".join(_texts(res.paths[0]))
    assert "省级以上劳模风采" in text
    assert "本册收录：获省级以上荣誉的劳模" in _texts(res.paths[0])[0].replace(" ", "")     # the cover says what was chosen
    assert "孙梅金" in text and "刘䶮" in text and "安宁" in text
    assert "钱立峰" not in text and "周文" not in text and "模范集体" not in text
    gone = subprocess.Popen(["true"])
    gone.wait()
    (tmp_path / "out2").mkdir()
    (tmp_path / "out2" / f".huzhou-selected.pdf.building-{gone.pid}").write_bytes(b"%PDF-")   # a run killed mid-write
    res = make_booklets(model, tmp_path / "out2", options=BookletOptions(
        filters=Filters(worker_ids=("zhou-wen", "bai-xue")), today=TODAY, paper="A4"))
    assert [p.name for p in res.paths] == ["huzhou-selected.pdf"]
    assert sorted(p.name for p in (tmp_path / "out2").iterdir()) == ["huzhou-selected.pdf"]   # no temporary files left
    texts = _texts(res.paths[0])
    assert "湖州市劳模风采录（选编）" in texts[0].replace(" ", "")
    toc = _toc(texts)
    assert list(toc)[-2:] == ["周文", "白雪"]              # the order asked for
    assert float(PdfReader(res.paths[0]).pages[0].mediabox.width) == pytest.approx(595.3, abs=0.5)


def test_renders_for_review(built):
    """PNG renders of the cover, contents, a profile, a continuation and the print version, for a human to look at."""
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) not installed")
    _, out, _, marked = built
    RENDERS.mkdir(parents=True, exist_ok=True)
    texts = _texts(out / "huzhou.pdf")
    toc = _toc(texts)
    pick = {"cover": 1, "preface": 2, "contents": 3, "profile": toc["孙梅金"], "placeholder": toc["周文"],
            "continued": toc["钱立峰"] + 1, "collective": toc["丝韵缫丝车间"], "back": len(texts)}
    for name, page in pick.items():
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                        str(out / "huzhou.pdf"), str(RENDERS / name)], check=True)
    for pdf in marked.paths:
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", "-f", "1", "-l", "1",
                        str(pdf), str(RENDERS / pdf.stem)], check=True)
    assert (RENDERS / "cover.png").stat().st_size > 1000


def test_build_and_booklet_commands_write_to_the_same_folder(tmp_path):
    """`fengcai build` and `fengcai booklet` both put booklets in <project>/booklets/ (never into the site)."""
    from generator.booklet.build import booklet_dir
    from generator.cli import main
    from generator.commands import build as build_command
    root = make_tree(tmp_path / "tree")
    model = load(root).model
    build_command._booklets(model, tmp_path / "site")
    assert sorted(p.name for p in booklet_dir(root).glob("*.pdf")) == ["huzhou.pdf", "nanxun.pdf"]
    assert not (tmp_path / "site" / "booklets").exists()
    assert not list(booklet_dir(root).glob(".*"))        # written via temp name + rename: none left
    (booklet_dir(root) / "nanxun.pdf").unlink()
    assert main(["booklet", "--root", str(root), "--association", "nanxun"]) == 0
    assert (root / "booklets" / "nanxun.pdf").stat().st_size > 10_000


def test_build_step_writes_booklets_only_where_fengcai_booklet_may(tmp_path):
    """The same folder rules as `fengcai booklet`: a booklets/ linked into content/ is refused, nothing written."""
    from generator.commands import build as build_command
    root = make_tree(tmp_path / "tree")
    model = load(root).model
    (root / "booklets").symlink_to(root / "content")
    with pytest.raises(build_command._BookletFailed, match="content/"):
        build_command._booklets(model, tmp_path / "site")
    assert not list((root / "content").glob("*.pdf"))
