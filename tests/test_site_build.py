"""The site generator without a browser: pure helpers, the built files, the build command."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.commands import build as build_command
from generator.safe_folders import Marker, write_marker
from generator.site.charts import hbar_chart, stacked_columns
from generator.site.markdown_text import render_markdown
from generator.site.urls import rebase_html, relative, root_prefix

from site_content import minimal_tree, write


# ---- pure helpers --------------------------------------------------------------------------------
def test_relative_urls():
    assert root_prefix("") == ""
    assert root_prefix("workers/sun-meijin/") == "../../"
    assert relative("workers/sun-meijin/", "studios/lathe/") == "../../studios/lathe/"
    assert relative("", "workers/") == "workers/"
    assert relative("workers/", "") == "../"
    assert relative("", "") == "./"
    assert relative("workers/", "https://example.org/") == "https://example.org/"


def test_rebase_media_urls_in_img_tags():
    tag = '<img src="media/img/a-480.jpg" srcset="media/img/a-240.webp 240w, media/img/a-480.webp 480w">'
    out = rebase_html(tag, "workers/x/")
    assert 'src="../../media/img/a-480.jpg"' in out
    assert 'srcset="../../media/img/a-240.webp 240w, ../../media/img/a-480.webp 480w"' in out
    assert rebase_html('<a href="workers/">', "stats/") == '<a href="workers/">'


def test_story_markdown_is_sanitised():
    html = render_markdown("# 标题\n\n<script>alert(1)</script>\n\n[链接](javascript:alert(1)) <b onclick='x()'>粗</b>")
    assert "<script" not in html and "alert(1)</" not in html and "onclick" not in html
    assert "javascript:" not in html
    assert "<h3>标题</h3>" in html                       # under the page's own h2 section
    assert "<h2>小节</h2>" in render_markdown("## 小节\n\n正文", top=2)


def test_charts_are_well_formed_svg():
    for svg in (hbar_chart([("南浔区", 3), ("长兴县", 0)], "人数"),
                stacked_columns({2020: {"national": 1, "county": 2}, 2021: {"national": 0, "county": 1}},
                                {"national": "全国级", "county": "区县级"}, "荣誉")):
        root = ET.fromstring(f"<div>{svg}</div>")          # the usual drawing and the one for 长者模式
        kinds = [s.get("class") for s in root]
        assert kinds == ["fc-chart fc-chart--usual", "fc-chart fc-chart--elder"]
        assert all(s.tag.endswith("svg") and s.get("role") == "img" for s in root)


# ---- the built sample site -----------------------------------------------------------------------
def _texts(site: Path):
    for p in site.rglob("*"):
        if p.suffix in (".html", ".xml", ".json", ".csv") and p.is_file():
            yield p, p.read_text(encoding="utf-8-sig")


def test_drafts_appear_nowhere(built_site, sample_root):
    from generator.content.loader import load
    site, _model = built_site
    drafts = [w for w in load(sample_root).model.workers.values() if w.draft]
    if not drafts:
        pytest.skip("sample content has no draft")
    for d in drafts:
        assert not (site / "workers" / d.id).exists()
        for path, text in _texts(site):
            assert f"workers/{d.id}/" not in text, path
            assert d.name not in text, path
    pf = site / "pagefind"
    for d in drafts:
        assert not any(d.id.encode() in f.read_bytes() for f in pf.rglob("*.pf_meta"))


def test_worker_pages_are_not_in_the_navigation(built_site):
    site, model = built_site
    w = model.workers_sorted[0]
    page = (site / "stats/index.html").read_text(encoding="utf-8")
    nav = page[page.index('<nav class="md-nav md-nav--primary'):]
    nav = nav[: nav.index('<div class="md-content"')]
    assert "workers/" in nav and f"workers/{w.id}/" not in nav
    assert (site / w.url / "index.html").is_file()


def test_sitemap_lists_worker_pages(built_site):
    site, model = built_site
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for w in model.workers.values():
        assert f"/workers/{w.id}/</loc>" in sitemap


def test_open_data_has_only_published_fields(built_site):
    site, model = built_site
    doc = json.loads((site / "data/workers.json").read_text(encoding="utf-8"))
    assert doc["count"] == len(model.workers)
    record = doc["workers"][0]
    assert not {"consent", "birth_year", "gender", "draft"} & set(record)
    rows = list(csv.reader(io.StringIO((site / "data/workers.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][:2] == ["编号", "姓名"] and len(rows) == len(model.workers) + 1
    for w in model.workers.values():
        if w.consent and w.consent.note:
            assert w.consent.note not in (site / "data/workers.json").read_text(encoding="utf-8")


def test_feed_is_atom_newest_first(built_site):
    site, model = built_site
    root = ET.fromstring((site / "feed.xml").read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    updated = [e.findtext("a:updated", namespaces=ns) for e in root.findall("a:entry", ns)]
    assert len(updated) == min(len(model.stories), 30)
    assert updated == sorted(updated, reverse=True)


def test_worker_page_head_and_structure(built_site):
    site, model = built_site
    w = model.workers_sorted[0]
    html = (site / w.url / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<html[^>]+lang="zh', html)
    head = html[: html.index("</head>")]
    for tag in re.findall(r"<(?:link|script|img|meta http-equiv)[^>]*>", head):
        if re.search(r'(href|src)="(https?:)?//', tag):   # only links that browsers do not fetch
            assert re.search(r'rel="(canonical|alternate)"', tag), tag
    assert 'property="og:title"' in head and 'property="og:image"' in head
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S).group(1))
    assert ld["@type"] == "Person" and ld["name"] == w.name and ld["award"]
    assert "data-pagefind-body" in html and 'class="fc-qr"' in html
    assert "material/search" not in html and "search_index.json" not in html


def test_every_page_has_no_outside_scripts_or_styles(built_site):
    site, _ = built_site
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|video|audio|source|iframe)[^>]*>", text):
            if re.search(r'(src|href|poster)="(https?:)?//', tag):
                assert re.search(r'rel="(canonical|alternate)"', tag), (path, tag)


# ---- the build command -----------------------------------------------------------------------------
def _args(root: Path, out: Path, booklets=False):
    import argparse
    p = argparse.ArgumentParser()
    build_command.add_arguments(p)
    argv = ["--root", str(root), "--out", str(out)] + ([] if booklets else ["--no-booklets"])
    return p.parse_args(argv)


def _old_site(out: Path) -> None:
    """A site an earlier `fengcai build` made (marked as its own, so the next build may replace it)."""
    out.mkdir()
    (out / "old.txt").write_text("旧网站", encoding="utf-8")
    write_marker(out, Marker("site"))


def test_build_command_refuses_bad_content_and_keeps_old_site(tmp_path, capsys):
    root = minimal_tree(tmp_path / "proj")
    out = tmp_path / "out"
    _old_site(out)
    write(root / "workers/li-ming/profile.yml",
          (root / "workers/li-ming/profile.yml").read_text(encoding="utf-8").replace("association: town", "association：town"))
    assert build_command.run(_args(root, out)) == 1
    err = capsys.readouterr().err
    assert "错误" in err and "Traceback" not in err
    assert (out / "old.txt").is_file()
    assert not list(tmp_path.glob(".out.*"))


def test_build_command_builds_and_swaps_in(tmp_path, capsys):
    root = minimal_tree(tmp_path / "proj")
    out = tmp_path / "out"
    _old_site(out)
    assert build_command.run(_args(root, out)) == 0
    assert not (out / "old.txt").exists()
    assert (out / "workers/sun-meijin/index.html").is_file()
    assert (out / "pagefind/pagefind.js").is_file()
    assert not (out / "workers/zhao-caogao").exists()
    assert "赵草稿" not in (out / "data/workers.json").read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".out.*"))
