"""Hostile content: a script payload in every text field of every kind of content and of site.yml
(tests/hostile_project.py). The site, the kiosk and the offline copy are built from it; every page is opened
in Chromium: no dialog opens, no element the payload would create exists, and the payload is on the page as
text — in the body, the <title>, the Open Graph tags, JSON-LD, the nav, the footer, search results, the
feed. Also: root-absolute Markdown links work from a sub-path and from file://."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import StaticServer, build_site
from generator.site.urls import SECTION_URLS, SITE_FILES
from generator.site.variants import SiteVariant
from hostile_project import (ASSOC_NAME, CATEGORY, CHILD_NAME, COLLECTIVE_NAME, NAME, PAGE_TITLE, PRODUCT_NAME, RAW,
                             REQUEST_TITLE, SERVICE_NAME, SITE_TITLE, STORY_TITLE, STUDIO_NAME, SYNONYM, TEMPLATE,
                             VENUE_NAME, XSS, write_hostile_project)

# the page of each item → the text its <h1>, <title> and og:title must show literally
TITLES = {"workers/wang-xiaoming/": NAME, "associations/city/": ASSOC_NAME, "associations/district/": CHILD_NAME,
          "collectives/team-a/": COLLECTIVE_NAME, "studios/studio-a/": STUDIO_NAME,
          "stories/2025-05-08-zoufang/": STORY_TITLE, "pages/about/": PAGE_TITLE,
          "products/shimo-mianfen/": PRODUCT_NAME}

# pages without an item of their own → texts of products, services, 点单 requests and venues they must show
SHOWN = {"products/": (PRODUCT_NAME, CATEGORY), "products/shimo-mianfen/": (VENUE_NAME, CATEGORY, RAW),
         "services/": (SERVICE_NAME, NAME), "requests/": (REQUEST_TITLE, "服务结果" + XSS + TEMPLATE),
         "workers/wang-xiaoming/": (PRODUCT_NAME, SERVICE_NAME, REQUEST_TITLE)}

# what the payloads would create if they ever reached the page as HTML
INJECTED = "document.querySelectorAll('img[src=x], svg[onload], [onerror], [onload]').length"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = write_hostile_project(tmp_path_factory.mktemp("hostile") / "proj")
    out = tmp_path_factory.mktemp("hostile-out")
    sites = {}
    for name, variant in (("site", SiteVariant()), ("kiosk", SiteVariant(kiosk=True)),
                          ("offline", SiteVariant(offline=True))):
        model = build_site(root, out / name, variant)
        sites[name] = out / name
    with StaticServer(out) as server:
        yield sites, model.public(), server.url


class Visitor:
    """A browser page that records every JavaScript dialog (alert, confirm, prompt) and dismisses it."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(f"{self.page.url}: {d.type} {d.message}"), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(f"{self.page.url}: {e}"))


@pytest.fixture
def visitor(browser):
    v = Visitor(browser)
    yield v
    v.context.close()
    assert not v.dialogs, v.dialogs
    assert not v.errors, v.errors


def _html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] not in ("pagefind", "booklets"))


def _page_url(site: Path, html: Path) -> str:
    rel = html.relative_to(site).as_posix()
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


@pytest.mark.parametrize("which", ["site", "kiosk", "offline"])
def test_payload_is_text_on_every_page(visitor, hostile, which):
    sites, _model, server = hostile
    site = sites[which]
    pages = _html_pages(site)
    assert len(pages) >= 15
    pg = visitor.page
    for html in pages:
        url = _page_url(site, html)
        pg.goto(html.as_uri() if which == "offline" else f"{server}{which}/{url}")
        pg.wait_for_load_state("load")
        pg.wait_for_timeout(50)    # let lazy images fail and scripts run
        assert pg.evaluate(INJECTED) == 0 and not visitor.dialogs, url
        text = pg.locator("body").inner_text()
        if not (which == "kiosk" and url == ""):                 # the kiosk start page has no header
            assert SITE_TITLE in text, f"{url}: site name not shown as text"
        expected = TITLES.get(url)
        if expected:
            assert pg.locator("h1").first.inner_text().startswith(expected), url
            assert pg.title().startswith(expected), url
            assert pg.locator("meta[property='og:title']").get_attribute("content") == expected, url
        if url == "" or expected:                                # subtitle, Markdown bodies: not evaluated
            assert TEMPLATE in text, url
        for shown in SHOWN.get(url, ()):
            assert shown in text, (url, shown)
    print(f"\n{which}: {len(pages)} pages visited, no dialog, payload shown as text")


def test_head_footer_nav_and_structured_data_hold_the_payload_as_text(visitor, hostile):
    sites, _model, server = hostile
    pg = visitor.page
    pg.goto(f"{server}site/workers/wang-xiaoming/")
    assert pg.title() == f"{NAME} - {SITE_TITLE}"
    assert pg.locator("meta[property='og:site_name']").get_attribute("content") == SITE_TITLE
    assert pg.locator("meta[name=description]").get_attribute("content").startswith(NAME)
    data = json.loads(pg.locator("script[type='application/ld+json']").text_content())
    assert data["name"] == NAME and data["worksFor"]["name"].endswith(XSS)
    assert "主办单位</script>" in pg.locator(".md-copyright").inner_text()
    assert SITE_TITLE in pg.locator(".md-header").inner_text()
    assert pg.locator(".md-tabs a, .md-nav a").count() > 0
    assert PAGE_TITLE in pg.locator(".md-tabs").inner_text()            # a free page's title in the tabs
    link = pg.locator(".fc-section a[rel~=noopener]").first             # 媒体报道: the URL stays one attribute
    assert link.get_attribute("href").endswith('b="><svg/onload=alert(1)>')
    pg.locator("a.fc-lightbox").first.click()                           # the photo viewer's caption
    assert pg.locator("dialog.fc-lightbox-dialog figcaption").inner_text().startswith("在变电站检修设备" + XSS)
    assert "{{ 7*7 }}" in pg.locator(".fc-prose").first.inner_text()    # template syntax is text too
    assert pg.evaluate(INJECTED) == 0
    pg.goto(f"{server}site/")
    assert pg.title() == SITE_TITLE


def test_feed_and_sitemap_are_well_formed_and_hold_the_text(hostile):
    sites, _model, _server = hostile
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(sites["site"] / "feed.xml").getroot()
    assert feed.find("a:title", ns).text.startswith(SITE_TITLE)
    assert feed.find("a:entry/a:title", ns).text == STORY_TITLE
    ET.parse(sites["site"] / "sitemap.xml")
    for rel in SECTION_URLS:       # the pages the link check knows about are really built
        assert (sites["site"] / rel / "index.html").is_file(), rel
    for rel in SITE_FILES:
        assert (sites["site"] / rel).is_file(), rel


def test_search_results_show_the_payload_as_text(visitor, hostile):
    sites, _model, server = hostile
    pg = visitor.page
    for query, expected in (("王小明", NAME), ("先锋班组", COLLECTIVE_NAME), ("集体简介", COLLECTIVE_NAME),
                            ("石磨面粉", PRODUCT_NAME), (SYNONYM, NAME)):
        pg.goto(f"{server}site/search/?q={query}")
        pg.wait_for_function("() => document.querySelector('[data-search-status]').textContent.match(/找到|没有找到/)",
                             timeout=20000)
        titles = pg.locator(".fc-result__title").all_inner_texts()
        assert expected in titles, (query, titles)
        assert pg.evaluate(INJECTED) == 0, query
    excerpt = pg.locator(".fc-result__excerpt").first.inner_text()     # Pagefind's excerpt of the page text
    assert XSS in excerpt                                                # escaped by Pagefind, shown as text
    offline = sites["offline"] / "search" / "index.html"
    pg.goto(offline.as_uri() + "?q=王小明")
    pg.wait_for_selector(".fc-result__title")
    assert NAME in pg.locator(".fc-result__title").all_inner_texts()
    assert pg.evaluate(INJECTED) == 0
