"""The built sample site in a real browser (headless Chromium): figures, search, filters, media,
no outside requests, no console errors, screenshots for review in test-output/."""

from __future__ import annotations

import re

from urllib.parse import urlparse

import pytest

from generator.site.figures import key_figures




@pytest.fixture
def page(browser, request):
    """A fresh page that records every request and console error; both are checked after the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    pg = context.new_page()
    pg.requests, pg.errors = [], []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("response", lambda r: r.status >= 400 and pg.errors.append(f"HTTP {r.status} {r.url}"))
    yield pg
    context.close()
    outside = [u for u in pg.requests if urlparse(u).scheme in ("http", "https") and urlparse(u).hostname != "127.0.0.1"]
    assert not outside, f"requests to other hosts: {outside}"
    assert not pg.errors, f"console errors: {pg.errors}"


SCROLL_THROUGH = """async () => {
  for (let y = 0; y < document.body.scrollHeight; y += 600) { window.scrollTo(0, y); await new Promise(r => setTimeout(r, 50)); }
  window.scrollTo(0, 0);
}"""


def _sample_worker(model, need_video=False):
    for w in model.workers_sorted:
        if w.sample and len(w.name) == 3 and w.given_name and (w.videos or not need_video):
            return w
    pytest.skip("no suitable sample worker")


def test_home_shows_computed_figures(page, served_site, built_site):
    _site, model = built_site
    page.goto(served_site)
    figures = page.locator(".fc-figure").all_inner_texts()
    for f in key_figures(model):
        assert any(str(f.value) in t and f.label in t for t in figures), (f, figures)
    assert page.locator("form[role=search] input[name=q]").count() >= 2   # header and hero


def _search(page, base, query):
    page.goto(base + "search/?q=" + query)
    page.wait_for_function("document.querySelector('[data-search-status]').textContent.match(/找到|没有找到/)",
                           timeout=15000)
    return [a.get_attribute("href") for a in page.locator(".fc-result a").all()]


def test_search_finds_worker_by_name_pinyin_and_initials(page, served_site, built_site):
    _site, model = built_site
    w = _sample_worker(model)
    syl = "".join(w.pinyin_syllables)
    for query in (w.name, w.given_name, syl, w.pinyin_plain, w.pinyin_initials):
        hrefs = _search(page, served_site, query)
        assert any(h.rstrip("/").endswith("workers/" + w.id) for h in hrefs), (query, hrefs[:5])


def test_search_finds_worker_by_employer_and_studio(page, served_site, built_site):
    _site, model = built_site
    w = next((w for w in model.workers_sorted if w.studio), None) or _sample_worker(model)
    queries = [w.employer] + ([model.studios[w.studio].name] if w.studio else [])
    for query in queries:
        hrefs = _search(page, served_site, query)
        assert any(h.rstrip("/").endswith("workers/" + w.id) for h in hrefs), (query, hrefs[:5])


def test_search_results_come_ten_at_a_time(page, served_site):
    """A broad query loads its results in steps (each result costs a fetch), with a button for more."""
    page.goto(served_site + "search/?q=劳模")
    page.wait_for_function("document.querySelector('[data-search-status]').textContent.match(/找到|没有找到/)", timeout=15000)
    found = int(re.search(r"找到 (\d+) 条", page.locator("[data-search-status]").text_content()).group(1))
    assert found > 10
    page.wait_for_selector("[data-search-more]")
    assert page.locator(".fc-result").count() == 10
    page.click("[data-search-more]")
    page.wait_for_function(f"document.querySelectorAll('.fc-result').length == {min(found, 20)}")


def test_search_from_header_box(page, served_site, built_site):
    _site, model = built_site
    w = _sample_worker(model)
    page.goto(served_site + "stats/")
    page.fill("#fc-header-q", w.name)
    page.press("#fc-header-q", "Enter")
    page.wait_for_selector(".fc-result a", timeout=15000)
    assert w.id in page.locator(".fc-result a").first.get_attribute("href")


def test_filter_by_association_survives_reload(page, served_site, built_site):
    _site, model = built_site
    leaf = next(a for a in model.associations_sorted if not model.children(a.id) and model.workers_of(a.id))
    expected = {w.id for w in model.workers_of(leaf.id)}
    page.goto(served_site + "workers/")
    page.select_option("select[name=association]", leaf.id)
    assert f"association={leaf.id}" in page.url

    def visible_ids():
        return {c.get_attribute("data-id") for c in page.locator(".fc-card:visible").all()}

    assert visible_ids() == expected
    page.reload()
    assert page.locator("select[name=association]").input_value() == leaf.id
    assert visible_ids() == expected


def test_browse_without_javascript_lists_everyone(browser, built_site, served_site):
    _site, model = built_site
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(served_site + "workers/")
    assert pg.locator(".fc-card:visible").count() == len(model.workers)
    assert pg.locator("[data-filters]").is_hidden()
    context.close()


def test_worker_page_video_has_poster_and_captions(page, served_site, built_site):
    _site, model = built_site
    w = next((w for w in model.workers_sorted if w.videos and w.videos[0].captions), None)
    if w is None:
        pytest.skip("no sample worker with a captioned video")
    page.goto(served_site + w.url)
    video = page.locator("video").first
    assert video.get_attribute("poster")
    assert video.get_attribute("preload") == "none"
    track = video.locator("track[kind=captions]")
    assert track.get_attribute("srclang") == "zh" and track.get_attribute("default") is not None
    for url in (video.get_attribute("poster"), track.get_attribute("src")):
        assert page.request.get(page.url + url if not url.startswith("http") else url).ok


def test_draft_worker_not_found_by_search(page, served_site, sample_root):
    from generator.content.loader import load
    drafts = [w for w in load(sample_root).model.workers.values() if w.draft]
    if not drafts:
        pytest.skip("sample content has no draft")
    for d in drafts:
        hrefs = _search(page, served_site, d.name)
        assert not any(d.id in h for h in hrefs)


@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots(browser, served_site, built_site, test_output, width):
    _site, model = built_site
    w = _sample_worker(model, need_video=True) if any(x.videos for x in model.workers.values()) else _sample_worker(model)
    shots = {"home": "", "workers": "workers/", "worker": w.url, "stats": "stats/",
             "association": model.root_association.url if model.root_association else "associations/",
             "search": "search/?q=" + w.given_name}
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    for name, path in shots.items():
        pg.goto(served_site + path)
        if name == "search":
            pg.wait_for_selector(".fc-result", timeout=15000)
        pg.evaluate(SCROLL_THROUGH)   # let lazy images load before the full-page shot
        pg.wait_for_load_state("networkidle")
        pg.screenshot(path=str(test_output / "site" / f"{name}-{width}.png"), full_page=True)
    context.close()
    assert not errors


def test_worker_page_prints_on_one_a4_page(browser, served_site, built_site, test_output):
    pypdf = pytest.importorskip("pypdf")
    _site, model = built_site
    pg = browser.new_page()
    pdf = test_output / "site" / "worker-print.pdf"
    longest = sorted(model.workers.values(), key=lambda w: -(len(w.story_md) + 200 * len(w.honors)))[:5]
    for w in longest:
        pg.goto(served_site + w.url)
        pg.evaluate(SCROLL_THROUGH)
        pg.pdf(path=str(pdf), format="A4")
        assert len(pypdf.PdfReader(str(pdf)).pages) == 1, w.id
    pg.close()


def test_gallery_lightbox_works_from_the_keyboard(page, served_site, built_site):
    _site, model = built_site
    w = next((w for w in model.workers_sorted if len(w.gallery) >= 2), None)
    if w is None:
        pytest.skip("no sample worker with two gallery photos")
    page.goto(served_site + w.url)
    first = page.locator("a.fc-lightbox").first
    first.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog.fc-lightbox-dialog")
    assert dialog.evaluate("d => d.open")
    src = dialog.locator("img").get_attribute("src")
    assert w.gallery[0].caption in dialog.locator("figcaption").inner_text()
    page.keyboard.press("ArrowRight")
    assert dialog.locator("img").get_attribute("src") != src
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert page.evaluate("document.activeElement.classList.contains('fc-lightbox')")


def test_filters_by_level_and_year_sort(page, served_site, built_site):
    _site, model = built_site
    page.goto(served_site + "workers/?level=national&sort=year")
    expected = {w.id for w in model.workers.values() if w.highest_honor and w.highest_honor.level == "national"}
    ids = [c.get_attribute("data-id") for c in page.locator(".fc-card:visible").all()]
    assert set(ids) == expected
    years = [model.workers[i].latest_honor_year for i in ids]
    assert years == sorted(years, reverse=True)
    assert page.locator("[data-jump]").is_hidden()
