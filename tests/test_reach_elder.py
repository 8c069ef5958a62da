"""长者模式 (适老化): one real toggle button in every page's header; text at least 1.5× larger, stronger
contrast, touch targets of at least 48 px; remembered across pages; no horizontal scrolling on a 360 px
phone. Screenshots of both modes at 360 px go to test-output/reach/ for review."""

from __future__ import annotations

import pytest

from reach_helpers import Recorder, page_types

STORY_PARAGRAPH = ".fc-storypage .fc-prose p"
FONT_SIZE = "s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)"
NO_SIDEWAYS = "document.documentElement.scrollWidth"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 780}, device_scale_factor=1, locale="zh-CN",
                                  has_touch=True, is_mobile=True)
    rec = Recorder(context)
    yield rec
    rec.check()
    context.close()


def _story_url(model) -> str:
    return next(s.url for s in model.stories_sorted if s.body_md.strip())


def test_toggle_is_a_real_button_on_every_page(phone, served_site, built_site):
    _site, model = built_site
    for kind, path in page_types(model).items():
        phone.page.goto(served_site + path)
        toggle = phone.page.locator("header [data-elder-toggle]")
        assert toggle.count() == 1, kind
        assert toggle.evaluate("b => b.tagName") == "BUTTON"
        assert toggle.inner_text().strip() == "长者模式"
        assert toggle.get_attribute("aria-pressed") == "false"
        assert toggle.is_visible(), kind


def test_elder_mode_enlarges_text_and_persists(phone, served_site, built_site):
    _site, model = built_site
    pg = phone.page
    pg.goto(served_site + _story_url(model))
    before = pg.evaluate(FONT_SIZE, STORY_PARAGRAPH)
    pg.click("[data-elder-toggle]")
    after = pg.evaluate(FONT_SIZE, STORY_PARAGRAPH)
    print(f"\n长者模式 story paragraph: {before:g}px → {after:g}px ({after / before:.2f}×)")
    assert after >= 1.5 * before, (before, after)
    assert pg.get_attribute("[data-elder-toggle]", "aria-pressed") == "true"

    pg.goto(served_site + "workers/")                       # remembered on the next page …
    assert pg.evaluate("document.documentElement.classList.contains('fc-elder')")
    assert pg.get_attribute("[data-elder-toggle]", "aria-pressed") == "true"
    pg.goto(served_site + _story_url(model))
    assert pg.evaluate(FONT_SIZE, STORY_PARAGRAPH) == after
    pg.click("[data-elder-toggle]")                         # … and switched off again
    pg.reload()
    assert pg.evaluate(FONT_SIZE, STORY_PARAGRAPH) == before


def test_elder_mode_applies_before_first_paint(browser, served_site, built_site):
    """The class is set by the inline script in <head>, before <body> exists: no flash of small text."""
    context = browser.new_context()
    context.add_init_script("localStorage.setItem('fc-elder', '1')")
    pg = context.new_page()
    seen = []
    pg.expose_function("report", lambda v: seen.append(v))
    context.add_init_script("""document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') window.report(document.documentElement.classList.contains('fc-elder'));
    });
    new MutationObserver((m, o) => { if (document.body) { window.report(document.documentElement.classList.contains('fc-elder')); o.disconnect(); } })
        .observe(document.documentElement, { childList: true });""")
    pg.goto(served_site)
    pg.wait_for_load_state("load")
    assert seen and seen[0] is True, seen
    context.close()


def test_touch_targets_are_large_in_elder_mode(phone, served_site, built_site):
    _site, model = built_site
    pg = phone.page
    pg.goto(served_site + "workers/")
    pg.click("[data-elder-toggle]")
    small = pg.evaluate("""() => Array.from(document.querySelectorAll(
        'header button, header input, header a, .fc-filters select, .fc-jump a, .fc-button, .md-typeset summary'))
      .filter(e => e.offsetParent !== null)
      .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect().height])
      .filter(([, h]) => h < 47.5)""")
    assert not small, small


@pytest.mark.parametrize("mode", ["default", "elder"])
def test_no_sideways_scrolling_on_a_phone(phone, served_site, built_site, test_output, mode):
    _site, model = built_site
    pg = phone.page
    out = test_output / "reach"
    out.mkdir(parents=True, exist_ok=True)
    if mode == "elder":
        pg.add_init_script("localStorage.setItem('fc-elder', '1')")
    wide = {}
    for kind, path in page_types(model).items():
        pg.goto(served_site + path)
        if kind == "search":
            pg.wait_for_selector(".fc-result", timeout=15000)
        pg.evaluate("async () => { for (let y = 0; y < document.body.scrollHeight; y += 700) {"
                    " window.scrollTo(0, y); await new Promise(r => setTimeout(r, 30)); } window.scrollTo(0, 0); }")
        width = pg.evaluate(NO_SIDEWAYS)
        if width > 360:
            wide[kind] = width
        pg.screenshot(path=str(out / f"{kind}-360-{mode}.png"), full_page=True)
    assert not wide, f"pages wider than the 360 px screen: {wide}"
