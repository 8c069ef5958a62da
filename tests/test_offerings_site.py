"""Products, services and the 点单 board on a built site, from content the sample never had
(tests/offerings_content.py added to a fresh project): the pages and the links both ways exist, filters are
plain links to built pages, search finds a product by its name and by its maker (Pagefind in Debian's
chromium, and the offline copy's search from file://), and an unpublished maker or taker leaves no trace."""

from __future__ import annotations

import gzip
import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conftest import StaticServer, build_site
from generator.site.variants import SiteVariant
from offerings_content import offerings_tree
from reach_helpers import Recorder


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = offerings_tree(tmp_path_factory.mktemp("offer") / "proj")
    out = root.parent / "site"
    build_site(root, out)
    return out


@pytest.fixture(scope="module")
def offline(tmp_path_factory) -> Path:
    root = offerings_tree(tmp_path_factory.mktemp("offer-usb") / "proj")
    out = root.parent / "site-offline"
    build_site(root, out, SiteVariant(offline=True))
    return out


def page(site: Path, url: str) -> str:
    path = site / url / "index.html"
    assert path.is_file(), f"no page {url}"
    return path.read_text(encoding="utf-8")


def links(site: Path, url: str) -> set[str]:
    """Every link of a page, resolved to a site path ("workers/li-ming/"), without #anchors."""
    base = "http://site/" + url
    out = set()
    for href in re.findall(r'<a\b[^>]*?\bhref="([^"]*)"', page(site, url)):
        full = urljoin(base, unescape(href)).split("#")[0]
        if full.startswith("http://site/"):
            out.add(full[len("http://site/"):])
    return out


def main_text(html: str) -> str:
    """The page's own content (Material's nav and header left out), tags stripped."""
    body = html.split('<article class="md-content__inner', 1)[-1]
    return re.sub(r"<[^>]+>", " ", body)


MAKERS = {"qingyu-mianfen": "workers/li-ming/", "xuanzhuan-daojia": "studios/lathe/",
          "jueyuan-tixiang": "collectives/jianxiu-yiban/"}


def test_product_and_maker_pages_link_both_ways(site):
    for pid, maker in MAKERS.items():
        product = f"products/{pid}/"
        assert maker in links(site, product), (pid, maker)
        assert product in links(site, maker), (maker, pid)
    html = page(site, "products/qingyu-mianfen/")
    assert "青玉石磨面粉" in html and "小镇优质农产品" in html and "测试市劳模产品陈列馆" in html
    assert "测试市人民路1号 职工之家一楼" in html            # the association's hall, never a person's address
    assert "associations/city/" in links(site, "products/qingyu-mianfen/")


def test_gallery_filters_are_links_to_built_pages(site):
    assert {f"products/{p}/" for p in MAKERS} <= links(site, "products/")
    town = page(site, "products/by/town/all/")
    assert "青玉石磨面粉" in main_text(town) and "旋转快换刀架" not in main_text(town)
    machines = page(site, "products/by/all/ji-dian-zhuang-bei/")
    assert "旋转快换刀架" in machines and "绝缘工具收纳箱" in machines and "青玉石磨面粉" not in main_text(machines)
    assert 'aria-current="page"' in machines and "<script" not in main_text(machines)
    for url in ("products/", "products/by/town/all/", "requests/", "requests/by/done/all/"):
        for target in links(site, url):
            if target.startswith(("products/", "requests/")):
                assert (site / target / "index.html").is_file(), (url, target)
    assert not (site / "products/by/town/ji-dian-zhuang-bei").exists()   # nothing in it: neither built nor linked


def test_board_shows_every_status_and_filters_by_status_and_association(site):
    board = main_text(page(site, "requests/"))
    for title in ("老旧小区线路检查", "村妇女面点培训", "学校安全用电课", "新员工面点培训", "敬老院线路检查"):
        assert title in board
    for label in ("待认领", "已认领", "已完成（历史记录）"):
        assert label in board
    assert "本网站只公布记录，不能在线下单" in board
    done = main_text(page(site, "requests/by/done/all/"))
    assert "村妇女面点培训" in done and "新员工面点培训" not in done
    town_open = main_text(page(site, "requests/by/open/town/"))
    assert "新员工面点培训" in town_open and "学校安全用电课" not in town_open
    assert "测试市河西街道河西社区居民委员会" in board


def test_completed_services_on_the_takers_pages(site):
    assert "村妇女面点培训" in main_text(page(site, "workers/li-ming/"))
    assert "老旧小区线路检查" in main_text(page(site, "studios/lathe/"))
    assert "学校安全用电课" not in main_text(page(site, "workers/sun-meijin/"))   # claimed, not done yet
    assert "services/" in links(site, "workers/sun-meijin/")                       # the service they offer


def test_services_page_says_how_to_order(site):
    html = page(site, "services/")
    assert "安全用电进社区" in html and "面点技能培训" in html
    assert 'href="tel:0572-2123456"' in html and 'href="https://town.example.org/diandan"' in html
    assert {"workers/sun-meijin/", "studios/lathe/", "workers/li-ming/"} <= links(site, "services/")
    city = page(site, "associations/city/")
    assert "安全用电进社区" in city and "旋转快换刀架" in city and "测试市劳模产品陈列馆" in city


def test_statistics_count_products_and_requests(site):
    html = page(site, "stats/")
    assert "各类劳模产品" in html and "点单的状态" in html and "各协会完成的点单服务" in html
    assert '<span class="fc-figure__value">4</span><span class="fc-figure__unit">件</span>' in html   # products
    assert "<tr><td>已完成</td><td>3</td></tr>" in html and "<tr><td>待认领</td><td>1</td></tr>" in html
    assert "<tr><td>小镇</td><td>1</td></tr>" in html.split("各协会完成的点单服务", 1)[1]


def test_an_unpublished_maker_or_taker_leaves_no_trace(site):
    """赵草稿 is a draft: the product and the request stay, the maker and taker lines go, in every output file."""
    product = page(site, "products/caogao-chaye/")
    assert "草稿家的秘制茶" in product and "<dt>制作者</dt>" not in product
    assert not files_naming(site, "赵草稿", "zhao-caogao")


def files_naming(site: Path, *words: str) -> list[str]:
    """Every output file holding one of `words` (Pagefind's fragments and index decompressed)."""
    hits = []
    for f in site.rglob("*"):
        if not f.is_file() or f.suffix in (".jpg", ".webp", ".png", ".mp4", ".m4a", ".wasm"):
            continue
        data = f.read_bytes()
        if f.suffix.startswith(".pf_"):
            try:
                data = gzip.decompress(data)
            except OSError:
                pass
        if any(w.encode() in data for w in words):
            hits.append(str(f.relative_to(site)))
    return hits


def test_a_withdrawn_maker_and_taker_leave_no_trace(tmp_path):
    """李明 withdrew consent; the editor rewrote the one sentence check pointed at. His product, the service he
    offered and the 点单 he completed stay on the site, and his name is in no output file."""
    root = offerings_tree(tmp_path / "proj")
    profile = root / "workers/li-ming/profile.yml"
    profile.write_text(profile.read_text(encoding="utf-8").replace(
        "  date: 2024-01-01\n", "  date: 2024-01-01\n  withdrawn: 2026-11-20\n"), encoding="utf-8")
    product = root / "content/products/qingyu-mianfen.yml"
    product.write_text(product.read_text(encoding="utf-8").replace("李明带着合作社", "一位老劳模带着合作社"), encoding="utf-8")
    out = tmp_path / "site"
    build_site(root, out)
    assert "青玉石磨面粉" in page(out, "products/qingyu-mianfen/") and "村妇女面点培训" in page(out, "requests/")
    assert not (out / "workers/li-ming").exists()
    assert not files_naming(out, "李明", "li-ming", "liming")


def test_search_finds_products_by_name_and_by_maker(browser, site):
    with StaticServer(site.parent) as server:
        base = server.url + site.name + "/"
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        rec = Recorder(context)
        for query, product in (("旋转快换刀架", "xuanzhuan-daojia"), ("青玉石磨面粉", "qingyu-mianfen"),
                               ("李明", "qingyu-mianfen"), ("车工创新工作室", "xuanzhuan-daojia"),
                               ("检修一班", "jueyuan-tixiang")):
            hrefs = _search(rec.page, base, query)
            if any("workers/" in h for h in hrefs[:1]) and rec.page.locator("[data-search-fulltext]").count():
                # a person's name finds the person first; the page offers the rest (their products) one click away
                rec.page.click("[data-search-fulltext]")
                hrefs = _wait_for_link(rec.page, f"products/{product}/")
            assert any(f"products/{product}/" in h for h in hrefs), (query, hrefs)
        rec.check()
        context.close()


def _wait_results(pg) -> list[str]:
    pg.wait_for_function("() => /找到|没有找到/.test(document.querySelector('[data-search-status]').textContent)",
                         timeout=20000)
    return [a.get_attribute("href") for a in pg.locator(".fc-result a").all()]


def _wait_for_link(pg, href_part: str) -> list[str]:
    """After the full-text button: the new results replace the old ones (the status line already says 找到)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    try:
        pg.wait_for_selector(f'.fc-result a[href*="{href_part}"]', timeout=20000)
    except PlaywrightTimeout:
        pass   # the caller's assertion shows what was found instead
    return [a.get_attribute("href") for a in pg.locator(".fc-result a").all()]


def _search(pg, base: str, query: str) -> list[str]:
    pg.goto(base + "search/?q=" + query)
    return _wait_results(pg)


def test_offline_search_finds_products_by_name_and_maker_from_file_url(browser, offline):
    data = (offline / "search-data.js").read_text(encoding="utf-8")
    assert "旋转快换刀架" in data and "制作：李明" in data
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    pg = context.new_page()
    for query, product in (("快换刀架", "xuanzhuan-daojia"), ("李明", "qingyu-mianfen"), ("检修一班", "jueyuan-tixiang")):
        pg.goto((offline / "search" / "index.html").as_uri() + "?q=" + query)
        hrefs = _wait_results(pg)
        if pg.locator("[data-search-fulltext]").count():
            pg.click("[data-search-fulltext]")
            hrefs = _wait_for_link(pg, f"products/{product}/")
        assert any(h.endswith(f"products/{product}/index.html") for h in hrefs), (query, hrefs)
    # the gallery's filter links work from a folder too
    pg.goto((offline / "products" / "index.html").as_uri())
    pg.locator("a.fc-facet__chip", has_text="小镇").click()
    pg.wait_for_url("**/products/by/town/all/index.html#fc-results")   # the click returns before the page loads
    pg.wait_for_load_state("load")
    assert pg.locator(".fc-card--product").count() == 2
    context.close()
