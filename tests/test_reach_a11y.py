"""Accessibility (WCAG 2.1 AA, which GB/T 37668-2019 follows): axe-core on every kind of page, plus
the things axe cannot judge — skip link, keyboard use of filters, lightbox and search.

axe-core comes from the npm registry (package.json at the repo root); it is injected into each page.
Serious and critical violations fail the test; moderate and minor ones are printed for review.
"""

from __future__ import annotations

import json

import pytest

from reach_helpers import Recorder, axe_script, page_types, sample_worker

# Rules switched off, each with the reason. Keep this list empty unless Material's own markup forces it.
DISABLED_RULES: dict[str, str] = {}

AXE_RUN = """async (disabled) => {
  const rules = {};
  for (const id of disabled) rules[id] = { enabled: false };
  const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }, rules });
  return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " — " + (n.failureSummary || "").split("\\n").slice(0, 2).join(" ")) }));
}"""


def run_axe(pg, url: str, wait_for: str | None = None) -> list[dict]:
    pg.goto(url)
    if wait_for:
        pg.wait_for_selector(wait_for, timeout=15000)
    pg.add_script_tag(path=str(axe_script()))
    return pg.evaluate(AXE_RUN, list(DISABLED_RULES))


@pytest.fixture(scope="module")
def axe_results(browser, served_site, built_site):
    """{(mode, width, page type): violations}: the default mode on a desktop and a phone, 长者模式 on a phone."""
    axe_script()
    _site, model = built_site
    results = {}
    for mode, width in (("default", 1280), ("default", 360), ("elder", 360)):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
        if mode == "elder":
            context.add_init_script("localStorage.setItem('fc-elder', '1')")
        rec = Recorder(context)
        for kind, path in page_types(model).items():
            wait = ".fc-result" if kind == "search" else None
            results[(mode, width, kind)] = run_axe(rec.page, served_site + path, wait)
        rec.check()
        context.close()
    return results


def test_axe_finds_no_serious_or_critical_violations(axe_results):
    serious, review = [], []
    for (mode, width, kind), violations in axe_results.items():
        for v in violations:
            line = f"[{mode} {width}px {kind}] {v['impact']} {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"])
            (serious if v["impact"] in ("serious", "critical") else review).append(line)
    if review:
        print("\naxe — moderate/minor findings for review:\n" + "\n".join(review))
    assert not serious, "axe found serious/critical accessibility problems:\n" + "\n".join(serious)


def test_kiosk_start_screen_passes_axe(browser, kiosk_site):
    _out, _model, base = kiosk_site
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, has_touch=True,
                                  reduced_motion="reduce")   # no fade half-way through the contrast check
    rec = Recorder(context)
    violations = run_axe(rec.page, base)
    rec.check()
    context.close()
    serious = [f"{v['impact']} {v['id']}: {v['nodes']}" for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, serious


def test_every_page_type_was_checked(axe_results, built_site):
    _site, model = built_site
    kinds = {k for (_m, _w, k) in axe_results}
    assert kinds == set(page_types(model)), kinds
    assert {"home", "browse", "worker", "association", "story", "statistics", "search"} <= kinds


def test_skip_link_is_first_and_moves_focus_to_the_content(browser, served_site, built_site):
    _site, model = built_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    rec = Recorder(context)
    pg = rec.page
    pg.goto(served_site + sample_worker(model).url)
    pg.keyboard.press("Tab")
    focused = pg.evaluate("[document.activeElement.textContent.trim(), document.activeElement.getAttribute('href')]")
    assert focused[0] == "跳到正文", focused
    box = pg.evaluate("document.activeElement.getBoundingClientRect().height")
    assert box > 20, "the skip link must be visible when focused"
    pg.keyboard.press("Enter")
    pg.keyboard.press("Tab")
    inside = pg.evaluate("!!document.activeElement.closest('.md-content')")
    assert inside, "after the skip link, Tab must land in the page content"
    rec.check()
    context.close()


def test_every_image_has_alt_text(built_site):
    import re
    site, _model = built_site
    missing = []
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for tag in re.findall(r"<img\b[^>]*>", text):
            if not re.search(r'\balt="[^"]+"', tag) and 'aria-hidden="true"' not in tag:
                missing.append(f"{html.relative_to(site)}: {tag[:120]}")
    assert not missing, "\n".join(missing[:20])


def test_filters_work_from_the_keyboard(browser, served_site, built_site):
    _site, model = built_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    rec = Recorder(context)
    pg = rec.page
    pg.goto(served_site + "workers/")
    pg.focus("select[name=level]")
    pg.keyboard.press("ArrowDown")           # 全部级别 → the first level
    first_level = pg.eval_on_selector("select[name=level]", "s => s.value")
    assert first_level
    expected = {w.id for w in model.workers.values() if w.highest_honor and w.highest_honor.level == first_level}
    shown = {c.get_attribute("data-id") for c in pg.locator(".fc-card:visible").all()}
    assert shown == expected
    assert "共 " in pg.inner_text("[data-count]")
    rec.check()
    context.close()


def test_search_works_from_the_keyboard(browser, served_site, built_site):
    _site, model = built_site
    w = sample_worker(model)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    rec = Recorder(context)
    pg = rec.page
    pg.goto(served_site + "stats/")
    pg.keyboard.press("Tab")                 # skip link
    for _ in range(8):                       # to the header search box
        pg.keyboard.press("Tab")
        if pg.evaluate("document.activeElement.id") == "fc-header-q":
            break
    assert pg.evaluate("document.activeElement.id") == "fc-header-q"
    pg.keyboard.type(w.name)
    pg.keyboard.press("Enter")
    pg.wait_for_selector(".fc-result a", timeout=15000)
    pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.tagName") in ("INPUT", "BUTTON", "A")
    assert w.id in pg.locator(".fc-result a").first.get_attribute("href")
    rec.check()
    context.close()


def test_focus_is_visible(browser, served_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.goto(served_site + "workers/")
    for _ in range(6):
        pg.keyboard.press("Tab")
        style = pg.evaluate("(() => { const s = getComputedStyle(document.activeElement);"
                            " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()")
        visible = (style[0] not in ("none", "") and style[1] not in ("0px", "")) or style[2] not in ("none", "")
        assert visible, (pg.evaluate("document.activeElement.outerHTML.slice(0, 120)"), style)
    context.close()
