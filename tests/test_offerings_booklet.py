"""The booklet's optional products chapter: off by default, on with `booklet: {products: true}`; it prints the
products of the workers, studios and collectives the booklet holds, and nothing of an unpublished maker."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader

from generator.booklet.build import BookletOptions, make_booklets
from generator.booklet.products_section import products_section
from generator.booklet.selection import Filters, select
from generator.check import check_tree
from offerings_content import offerings_tree

TODAY = dt.date(2026, 5, 1)


def _switch_on(root):
    site = root / "content/site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "booklet:\n  paper: A5\n  products: true\n", encoding="utf-8")


def test_chapter_holds_the_products_of_who_the_booklet_prints(tmp_path):
    root = offerings_tree(tmp_path / "p")
    model = check_tree(root)[0].public()
    no_photo = lambda m, size: None                                  # noqa: E731
    url = lambda mo, path: "https://fengcai.test/" + path            # noqa: E731
    assert products_section(model, select(model, "city"), "A5", no_photo, url) is None   # off by default
    _switch_on(root)
    model = check_tree(root)[0].public()
    chapter = products_section(model, select(model, "city"), "A5", no_photo, url)
    assert chapter["title"] == "劳模产品"
    names = [e["name"] for e in chapter["entries"]]
    assert set(names) == {"青玉石磨面粉", "旋转快换刀架", "绝缘工具收纳箱"}    # not the draft maker's product
    bread = next(e for e in chapter["entries"] if e["name"] == "青玉石磨面粉")
    assert ["制作", "李明"] in bread["facts"] and ["展示销售", "测试市劳模产品陈列馆"] in bread["facts"]
    only_li = select(model, "city", Filters(worker_ids=("li-ming",)))
    assert [e["name"] for e in products_section(model, only_li, "A5", no_photo, url)["entries"]] == ["青玉石磨面粉"]


def test_chapter_in_the_pdf(tmp_path):
    root = offerings_tree(tmp_path / "p")
    _switch_on(root)
    model, report = check_tree(root)
    assert report.ok, report.format_text()
    res = make_booklets(model, tmp_path / "out", options=BookletOptions(associations=("city",), today=TODAY))
    pages = [p.extract_text() for p in PdfReader(res.paths[0]).pages]
    text = "".join(pages)
    contents = next(t for t in pages if t.lstrip().startswith("目"))
    assert "劳模产品" in contents                                  # the chapter is in the table of contents
    assert "旋转快换刀架" in text and "车工创新工作室" in text and "实用新型专利" in text
    assert "赵草稿" not in text and "草稿家的秘制茶" not in text
