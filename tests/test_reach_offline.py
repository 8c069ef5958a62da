"""The offline copy (`fengcai build --offline`): a folder and a zip that work from file:// (a USB stick),
search included. Browsers refuse fetch() and module scripts there, so search runs on search-data.js."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest

from reach_helpers import Recorder, sample_worker


@pytest.fixture
def usb(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    rec = Recorder(context, allowed_hosts=())
    yield rec
    assert all(u.startswith(("file://", "data:", "blob:", "about:")) for u in rec.requests), \
        [u for u in rec.requests if not u.startswith("file://")]
    rec.check()
    context.close()


def _offline_search(rec, out: Path, query: str) -> list[str]:
    rec.page.goto((out / "search" / "index.html").as_uri() + "?q=" + query)
    rec.page.wait_for_function("document.querySelector('[data-search-status]').textContent.match(/找到|没有找到/)")
    while rec.page.locator("[data-search-more]").count():           # results come ten at a time
        shown = rec.page.locator(".fc-result").count()
        rec.page.click("[data-search-more]")
        rec.page.wait_for_function(f"document.querySelectorAll('.fc-result').length > {shown}")
    return [a.get_attribute("href") for a in rec.page.locator(".fc-result a").all()]


def _found(hrefs, worker) -> bool:
    return any(h.endswith(f"workers/{worker.id}/index.html") for h in hrefs)


def test_folder_and_zip(offline_site):
    out, model = offline_site
    assert (out / "index.html").is_file() and (out / "search-data.js").is_file()
    assert not (out / "pagefind").exists(), "Pagefind cannot run from file://; the copy must not carry it"
    archive = out.with_name(out.name + ".zip")
    with zipfile.ZipFile(archive) as z:
        names = set(z.namelist())
    assert f"{out.name}/index.html" in names and f"{out.name}/search-data.js" in names
    assert f"{out.name}/{model.workers_sorted[0].url}index.html" in names


def test_every_link_points_at_a_file(offline_site):
    """file:// has no directory index: every page link must name index.html, and every target must exist."""
    out, _model = offline_site
    broken = []
    for html in out.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for attr, url in re.findall(r'<(?:a|link|img|script|source|track|form)\b[^>]*?\b(href|src|action)="([^"]*)"', text):
            if not url or re.match(r"([a-z][a-z0-9+.-]*:|//|#)", url, re.I):
                continue
            path = unquote(url.split("#")[0].split("?")[0])
            target = (html.parent / path).resolve()
            if not target.is_file():
                broken.append(f"{html.relative_to(out)}: {attr}={url}")
    assert not broken, "\n".join(broken[:20])


def test_search_data_is_the_text_and_little_more(offline_site):
    """The offline copy searches the same text as the web site, stories included: search-data.js is that
    text plus a few hundred bytes per page (bench/run.py reports it per 1,000 workers)."""
    from generator.site.markdown_text import plain_text
    out, model = offline_site
    size = (out / "search-data.js").stat().st_size
    records = len(model.workers) + len(model.associations) + len(model.studios) + len(model.collectives) + len(model.stories)
    bodies = [w.story_md for w in model.workers.values()] + [a.story_md for a in model.associations.values()] + \
             [s.story_md for s in model.studios.values()] + [c.story_md for c in model.collectives.values()] + \
             [s.body_md for s in model.stories.values()]
    text = sum(len(plain_text(b).encode("utf-8")) for b in bodies)
    print(f"\nsearch-data.js: {size} bytes for {records} records ({len(model.workers)} workers), {text} bytes of it "
          f"story text; ≈ {size * 1000 / len(model.workers) / 1024 / 1024:.2f} MB per 1,000 workers")
    assert size < 600 * records + 1.1 * text


def test_finds_a_worker_by_name_and_pinyin_from_file_url(usb, offline_site):
    out, model = offline_site
    w = sample_worker(model)
    syl = list(w.pinyin_syllables)
    queries = [w.name, w.given_name, "".join(syl), " ".join(syl), w.pinyin_plain, w.pinyin_initials,
               " ".join(w.name)]
    for query in queries:
        hrefs = _offline_search(usb, out, query)
        assert _found(hrefs, w), (query, hrefs[:5])
    assert _found(hrefs[:3], w), "a name should rank its worker near the top"


def test_finds_by_employer_and_honor(usb, offline_site):
    out, model = offline_site
    w = sample_worker(model)
    assert _found(_offline_search(usb, out, w.employer), w)
    medal = next((x for x in model.workers_sorted if any("五一劳动奖章" in h.title for h in x.honors)), None)
    if medal is None:
        pytest.skip("no sample worker with a 五一劳动奖章")
    hrefs = _offline_search(usb, out, "五一劳动奖章")
    assert _found(hrefs, medal), hrefs[:5]
    expected = {x.id for x in model.workers.values() if any("五一劳动奖章" in h.title for h in x.honors)}
    assert {h.split("/workers/")[1].split("/")[0] for h in hrefs if "/workers/" in h} == expected


def test_header_search_and_result_link_work_from_file_url(usb, offline_site):
    out, model = offline_site
    w = sample_worker(model)
    pg = usb.page
    pg.goto((out / "stats" / "index.html").as_uri())
    pg.fill("#fc-header-q", w.given_name)
    pg.press("#fc-header-q", "Enter")
    pg.wait_for_selector(".fc-result a")
    assert pg.url.split("?")[0].endswith("search/index.html")
    pg.locator(f'.fc-result a[href$="workers/{w.id}/index.html"]').click()
    pg.wait_for_load_state()
    assert pg.locator("h1").inner_text().startswith(w.name)
    pg.click(".md-header [data-md-component=logo]")                # back home, still inside the copy
    pg.wait_for_selector(".fc-hero", timeout=15_000)                 # the click returns before the new page is in
    assert pg.url.endswith("/index.html") and pg.locator(".fc-hero").count() == 1


def test_browse_filters_work_from_file_url(usb, offline_site):
    out, model = offline_site
    pg = usb.page
    pg.goto((out / "workers" / "index.html").as_uri() + "?level=national")
    expected = {w.id for w in model.workers.values() if w.highest_honor and w.highest_honor.level == "national"}
    assert {c.get_attribute("data-id") for c in pg.locator(".fc-card:visible").all()} == expected
