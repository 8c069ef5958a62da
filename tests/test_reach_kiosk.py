"""The exhibition kiosk (`fengcai build --kiosk`): a touch-first start screen with an attract loop of
featured workers, big buttons into 劳模风采 and 搜索, a return to it after the idle time on every page,
no way out of the site, no context menu, no text selection, no print button."""

from __future__ import annotations

import argparse
import re

import pytest

from conftest import KIOSK_IDLE_SECONDS
from reach_helpers import Recorder, sample_worker

VISIBLE_SLIDE = "() => [...document.querySelectorAll('.fc-loop__slide')].findIndex(s => !s.hidden)"


@pytest.fixture
def touch(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, has_touch=True, locale="zh-CN")
    rec = Recorder(context)
    yield rec
    rec.check()
    context.close()


def test_command_line_options():
    from generator.commands import build as build_command
    p = argparse.ArgumentParser()
    build_command.add_arguments(p)
    v = build_command.variant_of(p.parse_args(["--kiosk"]))
    assert v.kiosk and v.kiosk_idle_seconds == 180 and not v.offline
    v = build_command.variant_of(p.parse_args(["--kiosk", "--kiosk-idle-minutes", "0.5"]))
    assert v.kiosk_idle_seconds == 30
    assert build_command.default_out(v).name == "site-kiosk"
    with pytest.raises(SystemExit):
        p.parse_args(["--kiosk", "--kiosk-idle-minutes", "0"])


def test_start_screen_has_attract_loop_and_big_buttons(touch, kiosk_site, test_output):
    _out, model, base = kiosk_site
    pg = touch.page
    pg.clock.install()
    pg.goto(base)
    (test_output / "reach").mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(test_output / "reach" / "kiosk-start-1280.png"), animations="disabled")
    featured = [w for w in model.workers_sorted if w.featured] or model.workers_sorted[:12]
    slides = pg.locator(".fc-loop__slide")
    assert slides.count() == len(featured)
    first = slides.first
    assert first.locator("img").get_attribute("alt")
    assert featured[0].name in first.inner_text()
    if featured[0].highest_honor:
        assert featured[0].highest_honor.title in first.inner_text()
    assert pg.evaluate(VISIBLE_SLIDE) == 0
    pg.clock.run_for(6500)                                    # advances by itself …
    assert pg.evaluate(VISIBLE_SLIDE) == 1
    pg.dispatch_event(".fc-loop__slide:not([hidden])", "pointerdown")   # … and holds still when touched
    pg.clock.run_for(20000)
    assert pg.evaluate(VISIBLE_SLIDE) == 1
    pause = pg.locator("[data-loop-pause]")
    assert pause.get_attribute("aria-pressed") == "true"

    buttons = pg.locator(".fc-kiosk-start__button")
    assert [b.inner_text().split("\n")[0] for b in buttons.all()] == ["劳模风采", "搜索"]
    hrefs = [b.get_attribute("href") for b in buttons.all()]
    assert hrefs[0].rstrip("/").endswith("workers") and hrefs[1].rstrip("/").endswith("search")
    assert all(b.bounding_box()["height"] >= 96 for b in buttons.all())


def test_returns_to_start_screen_when_idle(touch, kiosk_site):
    _out, model, base = kiosk_site
    pg = touch.page
    pg.goto(base + sample_worker(model).url)
    pg.wait_for_timeout(KIOSK_IDLE_SECONDS * 1000 * 0.6)
    pg.mouse.wheel(0, 300)                                    # someone is reading: the timer starts over
    pg.wait_for_timeout(KIOSK_IDLE_SECONDS * 1000 * 0.6)
    assert "workers/" in pg.url
    pg.wait_for_url(base, timeout=KIOSK_IDLE_SECONDS * 1000 + 3000)
    assert pg.locator("[data-kiosk-start]").count() == 1


def test_no_link_leaves_the_kiosk(kiosk_site):
    out, _model, _base = kiosk_site
    leaving = []
    for html in out.rglob("*.html"):
        for href in re.findall(r'<a\b[^>]*\bhref="([^"]*)"', html.read_text(encoding="utf-8")):
            if re.match(r"(https?:|//|mailto:|tel:)", href) or re.search(r"\.(xml|json|csv)$", href):
                leaving.append(f"{html.relative_to(out)}: {href}")
    assert not leaving, leaving[:10]


def test_outside_links_stay_readable_as_text_and_qr_codes_stay(touch, kiosk_site):
    _out, model, base = kiosk_site
    pg = touch.page
    w = next((w for w in model.workers_sorted if w.links), None) or sample_worker(model)
    pg.goto(base + w.url)
    for link in w.links:
        assert link.title in pg.locator(".fc-offsite").all_inner_texts()
    assert pg.locator(".fc-share__qr svg").count() == 1


def test_no_print_button_context_menu_or_selection(touch, kiosk_site):
    _out, model, base = kiosk_site
    pg = touch.page
    pg.goto(base + sample_worker(model).url)
    assert pg.locator(".fc-print").is_hidden()
    prevented = pg.evaluate("""() => { const e = new MouseEvent('contextmenu', {bubbles: true, cancelable: true});
                                       document.querySelector('h1').dispatchEvent(e); return e.defaultPrevented; }""")
    assert prevented
    style = pg.evaluate("(() => { const s = getComputedStyle(document.body); return [s.userSelect, s.webkitUserSelect]; })()")
    assert "none" in style
    assert pg.evaluate("getComputedStyle(document.querySelector('#fc-header-q')).userSelect") != "none"


def test_search_works_in_the_kiosk(touch, kiosk_site):
    _out, model, base = kiosk_site
    w = sample_worker(model)
    pg = touch.page
    pg.goto(base)
    pg.click(".fc-kiosk-start__button--search")
    pg.wait_for_url("**/search/")
    pg.wait_for_function("document.querySelector('[data-search-status]').textContent.length > 0")  # search.js ready
    pg.fill("#fc-search-q", w.given_name)
    pg.press("#fc-search-q", "Enter")
    pg.wait_for_function("q => document.querySelector('[data-search-status]').textContent.includes('找到')"
                         " && document.querySelector('[data-search-status]').textContent.includes(q)",
                         arg=w.given_name, timeout=15000)
    assert any(w.id in (a.get_attribute("href") or "") for a in pg.locator(".fc-result a").all())
