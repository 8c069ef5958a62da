"""The site works under the Content-Security-Policy that docs/发布与部署.md tells servers to send.

The sample site and its kiosk copy are served on 127.0.0.1 with the headers of the nginx example (read from
the document, so the two cannot drift apart); every page is opened, `securitypolicyviolation` events and
console CSP errors are collected (none allowed), and 长者模式, filters, search, the photo viewer and video
playback are used under the policy.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from conftest import REPO, StaticServer, _QuietHandler

DOC = REPO / "docs" / "发布与部署.md"
STRICT = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
          "object-src 'none'; base-uri 'self'; frame-ancestors 'none'")


def documented_headers() -> dict[str, str]:
    """The `add_header` lines of the nginx example."""
    text = DOC.read_text(encoding="utf-8")
    return dict(re.findall(r'^add_header ([\w-]+) "([^"]+)" always;$', text, re.M))


def test_documented_policy_is_the_strict_one_with_only_explained_relaxations():
    headers = documented_headers()
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] in ("strict-origin-when-cross-origin", "no-referrer")
    policy = _directives(headers["Content-Security-Policy"])
    strict = _directives(STRICT)
    for name, values in strict.items():
        extra = set(policy[name]) - set(values)
        assert set(values) <= set(policy[name]), name
        assert extra <= {"'wasm-unsafe-eval'"}, f"{name} relaxed by {extra}"
        for value in extra:   # every relaxation is explained in the document
            assert DOC.read_text(encoding="utf-8").count(value) >= 2, value
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]


def _directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in policy.split(";")) if d}


class _PolicyHandler(_QuietHandler):
    headers_to_send: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()


class PolicyServer(StaticServer):
    """StaticServer whose every response carries the documented security headers."""

    def __init__(self, directory: Path):
        super().__init__(directory)
        handler = type("Handler", (_PolicyHandler,), {"headers_to_send": documented_headers()})
        self.httpd.RequestHandlerClass = functools.partial(handler, directory=str(directory))


WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber));
"""


@pytest.fixture(scope="module")
def policy_site(built_site):
    site_dir, model = built_site
    with PolicyServer(site_dir.parent) as server:
        yield server.url + site_dir.name + "/", site_dir, model


@pytest.fixture(scope="module")
def policy_kiosk(kiosk_site):
    out, model, _url = kiosk_site
    with PolicyServer(out.parent) as server:
        yield server.url + out.name + "/", out, model


class Watched:
    """A page that records CSP violations (event and console) and script errors."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        self.context.add_init_script(WATCH)
        self.page = self.context.new_page()
        self.console: list[str] = []
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.console.append(m.text))
        self.page.on("pageerror", lambda e: self.console.append(str(e)))

    def goto(self, url: str):
        response = self.page.goto(url)
        self.page.wait_for_load_state("load")
        return response

    def violations(self) -> list[str]:
        events = self.page.evaluate("window.__csp || []")
        logged = [m for m in self.console if "Content Security Policy" in m or "Content-Security-Policy" in m]
        return events + logged


@pytest.fixture
def watched(browser):
    w = Watched(browser)
    yield w
    w.context.close()


def _pages(site_dir: Path) -> list[str]:
    out = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        if rel.startswith(("pagefind/", "booklets/")):
            continue
        out.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return out


@pytest.mark.parametrize("which", ["site", "kiosk"])
def test_every_page_loads_without_a_policy_violation(watched, which, request):
    base, site_dir, _model = request.getfixturevalue("policy_site" if which == "site" else "policy_kiosk")
    pages = _pages(site_dir)
    assert len(pages) > 30
    for kind in ("workers", "associations", "collectives", "studios", "stories", "pages", "products", "products/by",
                 "services", "requests", "requests/by", "stats", "search"):   # every page type, the newer ones too
        assert any(p.startswith(kind + "/") for p in pages), kind
    seen = {}
    for rel in pages:
        response = watched.goto(base + rel)
        assert response.headers.get("content-security-policy"), "the test server must send the policy"
        found = watched.violations()
        if found:
            seen[rel] = found
        watched.console.clear()
    print(f"\n{which}: {len(pages)} pages opened under the policy, {len(seen)} with violations")
    assert not seen, seen


def test_elder_mode_filters_and_lightbox_work_under_the_policy(watched, policy_site):
    base, _dir, model = policy_site
    pg = watched.page
    watched.goto(base + "workers/?level=national")
    expected = {w.id for w in model.workers.values() if w.highest_honor and w.highest_honor.level == "national"}
    assert {c.get_attribute("data-id") for c in pg.locator(".fc-card:visible").all()} == expected
    pg.click("[data-elder-toggle]")
    assert pg.evaluate("document.documentElement.classList.contains('fc-elder')")
    watched.goto(base + "stats/")                      # the head script applies it before the first paint
    assert pg.evaluate("document.documentElement.classList.contains('fc-elder')")
    assert pg.locator("[data-elder-toggle]").get_attribute("aria-pressed") == "true"
    w = next(w for w in model.workers_sorted if w.gallery)
    watched.goto(base + w.url)
    pg.locator("a.fc-lightbox").first.click()
    dialog = pg.locator("dialog.fc-lightbox-dialog")
    assert dialog.evaluate("d => d.open")
    pg.wait_for_function("() => document.querySelector('dialog.fc-lightbox-dialog img').complete")
    assert dialog.locator("img").evaluate("i => i.naturalWidth") > 0
    assert not watched.violations()


def test_search_works_under_the_policy(watched, policy_site):
    base, _dir, model = policy_site
    w = next(w for w in model.workers_sorted if w.sample and len(w.name) == 3)
    watched.goto(base + "search/?q=" + w.name)
    watched.page.wait_for_function("() => document.querySelector('[data-search-status]').textContent.match(/找到|没有找到/)",
                                   timeout=20000)
    hrefs = [a.get_attribute("href") for a in watched.page.locator(".fc-result a").all()]
    assert any(f"workers/{w.id}/" in h for h in hrefs), (hrefs, watched.console)
    assert not watched.violations()


def test_video_plays_under_the_policy(watched, policy_site):
    base, _dir, model = policy_site
    w = next(w for w in model.workers_sorted if w.videos)
    watched.goto(base + w.url)
    video = watched.page.locator("video").first
    video.evaluate("v => { v.muted = true; return v.play(); }")
    watched.page.wait_for_function("() => document.querySelector('video').currentTime > 0.2", timeout=20000)
    assert video.evaluate("v => v.textTracks.length") >= 1
    assert not watched.violations()
