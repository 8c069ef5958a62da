"""The site on a phone (390 px wide), in normal and 长者模式: what the reader sees, measured in the browser.
Screenshots go to test-output/site/phone-*.png for review."""

from __future__ import annotations

import pytest

PHONE = {"width": 390, "height": 844}


@pytest.fixture(params=[False, True], ids=["normal", "elder"])
def phone(browser, served_site, request):
    context = browser.new_context(viewport=PHONE, locale="zh-CN", is_mobile=True, has_touch=True)
    pg = context.new_page()
    pg.goto(served_site)
    if request.param:
        pg.evaluate("localStorage.setItem('fc-elder', '1')")
    pg.elder = request.param
    pg.mode = "elder" if request.param else "normal"
    yield pg
    context.close()


def test_the_switch_says_what_it_does(phone, served_site):
    phone.goto(served_site)
    toggle = phone.locator("[data-elder-toggle]")
    assert toggle.text_content() == ("退出长者模式" if phone.elder else "长者模式")
    toggle.click()
    assert toggle.text_content() == ("长者模式" if phone.elder else "退出长者模式")
    assert toggle.get_attribute("aria-pressed") == ("false" if phone.elder else "true")


def test_header_placeholder_and_tagline_fit(phone, served_site, test_output):
    phone.goto(served_site)
    phone.screenshot(path=str(test_output / "site" / f"phone-home-{phone.mode}.png"))
    fits = phone.evaluate("""() => {
      const box = document.querySelector('#fc-header-q'), cs = getComputedStyle(box);
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const room = box.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      return [ctx.measureText(box.placeholder).width, room];
    }""")
    assert fits[0] <= fits[1], f"placeholder {fits[0]:.0f}px in {fits[1]:.0f}px"
    phrases = phone.locator(".fc-hero__subtitle .fc-phrase")
    assert phrases.count() >= 2
    for i in range(phrases.count()):
        assert phrases.nth(i).evaluate("e => e.getClientRects().length") == 1


def test_chart_labels_grow_with_the_text(phone, served_site, test_output):
    phone.goto(served_site + "stats/")
    sizes = phone.evaluate("""() => Array.from(document.querySelectorAll('svg.fc-chart'))
      .filter(s => s.getBoundingClientRect().width > 0)
      .map(s => s.querySelector('.fc-chart__label, .fc-chart__tick').getBoundingClientRect().height)""")
    body = phone.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    assert len(sizes) >= 3          # honors, associations, industries (+ products and 点单 when there are any)
    # the label's box is about 1.2 × its font size; it should be about the size of the text around it
    assert all(h >= 0.95 * body for h in sizes), (sizes, body)
    phone.locator("svg.fc-chart:visible").nth(1).screenshot(path=str(test_output / "site" / f"phone-chart-{phone.mode}.png"))


def test_after_choosing_a_filter_the_results_are_in_view(phone, served_site, built_site, test_output):
    _site, model = built_site
    leaf = next(a for a in model.associations_sorted if not model.children(a.id) and model.workers_of(a.id))
    phone.goto(served_site + "workers/")
    phone.select_option("select[name=association]", leaf.id)
    phone.wait_for_timeout(800)                       # the smooth scroll
    top = phone.locator(".fc-card:visible").first.evaluate("e => e.getBoundingClientRect().top")
    assert top < PHONE["height"] - 100, top
    phone.screenshot(path=str(test_output / "site" / f"phone-workers-filtered-{phone.mode}.png"))

    phone.goto(served_site + "search/?q=劳动模范")
    phone.wait_for_function("document.querySelector('[data-search-status]').textContent.match(/找到|没有找到/)")
    phone.select_option("select[name=level]", "national")
    phone.wait_for_function("location.search.includes('level=national')")
    phone.wait_for_timeout(800)
    top = phone.locator(".fc-result").first.evaluate("e => e.getBoundingClientRect().top")
    assert top < PHONE["height"] - 100, top
    phone.screenshot(path=str(test_output / "site" / f"phone-search-filtered-{phone.mode}.png"))
