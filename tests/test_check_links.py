"""Links in editors' Markdown: reported at file:line:col when they lead nowhere a reader can go; root-absolute
links rewritten so they work from a sub-path and from the offline copy. Plain-text fields with HTML in them
get an honest warning (the HTML is shown as text), not the Markdown body's "will be cleaned"."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.check import check_model
from generator.cli import main
from generator.content.loader import load
from generator.model.corpus import Model
from generator.site.variants import SiteVariant
from conftest import StaticServer, build_site
from minimal_project import profile_path, replace_in, write_project

STORY = "workers/wang-xiaoming/story.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "proj")


def problems(root: Path, capsys) -> list[dict]:
    main(["check", "--root", str(root), "--format", "json"])
    return json.loads(capsys.readouterr().out)["problems"]


def _with_code(found, code):
    return [p for p in found if p["code"] == code]


def _write_story(root: Path, text: str) -> None:
    (root / STORY).write_text(text, encoding="utf-8")


def test_link_to_a_missing_page_is_an_error_at_its_column(project, capsys):
    line = "他的徒弟[王小敏](/workers/wang-xiaomin/)也是劳模。"
    _write_story(project, "第一段。\n\n" + line + "\n")
    p, = _with_code(problems(project, capsys), "markdown.link-missing")
    assert (p["file"], p["line"], p["column"], p["severity"]) == (STORY, 3, line.index("/workers") + 1, "error")
    assert "/workers/wang-xiaomin/" in p["message"] and "不存在" in p["message"]
    assert "/workers/wang-xiaoming/" in p["hint"]          # did you mean


def test_links_that_lead_somewhere_pass(project, capsys):
    _write_story(project, "[统计](/stats) [首页](/) [协会](/associations/city/) [自己](./) [上一级](../)\n"
                          "[数据](/data/workers.csv) [外站](https://example.com/x) [本站全址](https://example.org/stats/)\n"
                          "[邮件](mailto:a@example.org) [锚点](#top)\n\n[参考]: /workers/wang-xiaoming/index.html\n"
                          "`[代码里](/nowhere/)` 不算链接\n\n```\n[代码块](/nowhere/)\n```\n")
    found = problems(project, capsys)
    assert not [p for p in found if p["code"].startswith("markdown.link")], found


def test_reference_definitions_and_html_links_are_checked_too(project, capsys):
    _write_story(project, "正文\n\n[参考]: /stories/nothing/\n\n<a href=\"/pages/nothing/\">关于</a>\n")
    found = _with_code(problems(project, capsys), "markdown.link-missing")
    assert sorted(p["line"] for p in found) == [3, 5]


def test_link_to_a_draft_worker_is_an_error_in_a_published_story(project, capsys):
    stories = project / "content" / "stories"
    stories.mkdir()
    (stories / "2024-05-01-wei-wen.md").write_text(
        "---\ntitle: 慰问\ndate: 2024-05-01\n---\n\n走访了[王小明](/workers/wang-xiaoming/)。\n", encoding="utf-8")
    replace_in(profile_path(project), "quote: 把每一件小事做好。", "quote: 把每一件小事做好。\ndraft: true")
    p, = _with_code(problems(project, capsys), "markdown.link-unpublished")
    assert (p["file"], p["line"], p["severity"]) == ("content/stories/2024-05-01-wei-wen.md", 6, "error")
    assert "王小明" in p["message"] and "没有公开" in p["message"]


def test_a_drafts_own_links_are_warnings(project, capsys):
    stories = project / "content" / "stories"
    stories.mkdir()
    (stories / "2024-05-01-wei-wen.md").write_text(
        "---\ntitle: 慰问\ndate: 2024-05-01\ndraft: true\n---\n\n[不存在](/workers/nobody/)\n", encoding="utf-8")
    p, = _with_code(problems(project, capsys), "markdown.link-missing")
    assert p["severity"] == "warning"


def test_not_published_means_not_in_model_public(project, monkeypatch):
    """Whatever public() leaves out (a draft today; a withdrawn consent too) counts as not published."""
    _write_story(project, "见[王小明](/workers/wang-xiaoming/)\n")
    model = load(project).model
    assert not [p for p in check_model(model) if p.code.startswith("markdown.link")]
    original = Model.public

    def without_wang(self):
        public = original(self)
        public.workers.pop("wang-xiaoming", None)
        return public

    monkeypatch.setattr(Model, "public", without_wang)
    found = [p for p in check_model(model) if p.code == "markdown.link-unpublished"]
    assert len(found) == 1 and found[0].loc.line == 1


def test_every_page_the_site_builds_is_a_link_target_and_no_other(built_site):
    """The link check knows the same pages the build writes, the filtered product galleries and 点单 boards
    (products/by/…, requests/by/…) included: a link to any of them passes, a link to anything else does not."""
    from generator.check.markdown_links import _labels
    site_dir, public = built_site
    built = {p.parent.relative_to(site_dir).as_posix() + "/" for p in site_dir.rglob("index.html")
             if p.relative_to(site_dir).parts[0] not in ("pagefind", "booklets")}
    built = {"" if url == "./" else url for url in built}
    known = {url for url in _labels(public) if url == "" or url.endswith("/")}
    assert any(url.startswith("products/by/") for url in built) and any(url.startswith("requests/by/") for url in built)
    assert built - known == set(), "pages the link check would call missing"
    assert known - built == set(), "links the check accepts that lead nowhere"


def test_links_to_filtered_galleries_and_boards(tmp_path, capsys):
    from offerings_content import offerings_tree
    root = offerings_tree(tmp_path / "p")
    good = ("[农产品](/products/by/all/nong-chan-pin/) [小镇的农产品](/products/by/town/nong-chan-pin/) "
            "[已完成](/requests/by/done/all/) [测试市](/requests/by/all/city/)")
    bad = "[测试市没有农产品](/products/by/city/nong-chan-pin/) [没有这种状态](/requests/by/lost/all/)"
    (root / "content/stories").mkdir(exist_ok=True)
    (root / "content/stories/2025-05-01-diandan.md").write_text(
        f"---\ntitle: 点单\ndate: 2025-05-01\n---\n\n{good}\n\n{bad}\n", encoding="utf-8")
    found = [p for p in problems(root, capsys) if p["code"].startswith("markdown.link")]
    assert [(p["line"], p["column"], p["code"]) for p in found] == [
        (8, bad.index("/products") + 1, "markdown.link-missing"), (8, bad.index("/requests") + 1, "markdown.link-missing")]


def test_html_in_plain_text_fields_gets_an_honest_warning(project, capsys):
    stories = project / "content" / "stories"
    stories.mkdir()
    (stories / "2024-05-01-wei-wen.md").write_text(
        "---\ntitle: '慰问<title>x</title><script>alert(1)</script>'\ndate: 2024-05-01\n---\n\n正文\n", encoding="utf-8")
    replace_in(profile_path(project), "employer: 测试电力公司", "employer: 测试<b>电力</b>公司")
    found = problems(project, capsys)
    assert not [p for p in found if p["severity"] == "error"], found
    assert not _with_code(found, "markdown.html") and not _with_code(found, "markdown.script")
    warned = {(p["file"], p["line"]) for p in _with_code(found, "content.html-text")}
    assert warned == {("content/stories/2024-05-01-wei-wen.md", 2), ("workers/wang-xiaoming/profile.yml", 3)}
    assert all("原样显示" in p["message"] for p in _with_code(found, "content.html-text"))


def test_html_in_a_body_is_still_cleaned_and_said_so(project, capsys):
    _write_story(project, "---\ntitle: 故事\n---\n\n<title>标题</title>正文\n")
    p, = _with_code(problems(project, capsys), "markdown.html")
    assert p["line"] == 5 and "清理" in p["message"]


# ---- root-absolute links in the built site ---------------------------------------------------------
@pytest.fixture(scope="module")
def linked_sites(tmp_path_factory):
    root = write_project(tmp_path_factory.mktemp("links") / "proj")
    pages = root / "content" / "pages"
    pages.mkdir()
    (pages / "about.md").write_text("---\ntitle: 关于\n---\n\n看[统计](/stats)和[王小明](/workers/wang-xiaoming/)。\n",
                                    encoding="utf-8")
    out = tmp_path_factory.mktemp("links-out")
    build_site(root, out / "site")
    build_site(root, out / "offline", SiteVariant(offline=True))
    return out


def _hrefs(html: Path) -> list[str]:
    text = html.read_text(encoding="utf-8")
    return re.findall(r'<a href="([^"]*)"[^>]*>(?:统计|王小明)</a>', text)


def test_root_absolute_links_become_page_relative(linked_sites):
    assert _hrefs(linked_sites / "site" / "pages" / "about" / "index.html") == ["../../stats/", "../../workers/wang-xiaoming/"]
    page = linked_sites / "offline" / "pages" / "about" / "index.html"
    hrefs = _hrefs(page)
    assert hrefs == ["../../stats/index.html", "../../workers/wang-xiaoming/index.html"]
    assert all((page.parent / h).resolve().is_file() for h in hrefs)


def test_root_absolute_links_work_from_a_sub_path_and_from_file_url(browser, linked_sites):
    context = browser.new_context()
    pg = context.new_page()
    with StaticServer(linked_sites) as server:
        pg.goto(server.url + "site/pages/about/")
        pg.click("text=王小明")
        assert pg.url == server.url + "site/workers/wang-xiaoming/"
        assert pg.locator("h1").inner_text().startswith("王小明")
    pg.goto((linked_sites / "offline" / "pages" / "about" / "index.html").as_uri())
    pg.click("text=统计")
    assert pg.url.endswith("/offline/stats/index.html") and pg.locator("h1").inner_text() == "数据统计"
    context.close()
