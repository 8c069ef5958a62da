"""Rare characters (䶮, 𫖮), a compound surname (欧阳) and a polyphonic surname (单 → Shàn) are found
by name and by pinyin, in a copy of the sample content with four extra workers."""

from __future__ import annotations

import os

import pytest

from conftest import StaticServer, build_site
from site_content import copy_tree, worker

NAMES = {  # id → (name, extra YAML, queries that must find the page)
    "wang-yi": ("王𫖮", "", ["王𫖮", "wangyi", "wang yi"]),
    "liu-yan": ("刘䶮", "", ["刘䶮", "liuyan", "ly"]),
    "ouyang-xiaodong": ("欧阳晓东", "", ["欧阳晓东", "晓东", "ouyangxiaodong", "ouyang xiaodong", "oyxd"]),
    "shan-lixin": ("单立新", "name_pinyin: Shàn Lìxīn\n", ["单立新", "立新", "shanlixin", "shan lixin", "slx"]),
}


@pytest.fixture(scope="module")
def names_site(tmp_path_factory, sample_root):
    root = copy_tree(sample_root, tmp_path_factory.mktemp("names"))
    cache = sample_root / ".cache"
    if cache.is_dir():
        os.symlink(cache, root / ".cache")   # media cache is keyed by content: reuse it
    association = sorted(p.stem for p in (root / "content/associations").glob("*.yml"))[0]
    for wid, (name, extra, _queries) in NAMES.items():
        worker(root, wid, name, association, extra, pic=False)
    out = root / "public" / "site"
    build_site(root, out)
    with StaticServer(out.parent) as server:
        yield server.url + "site/"


@pytest.mark.parametrize("wid", list(NAMES))
def test_rare_and_compound_names_are_found(browser, names_site, wid):
    name, _extra, queries = NAMES[wid]
    page = browser.new_page()
    try:
        for q in queries:
            page.goto(names_site + "search/?q=" + q)
            page.wait_for_function("document.querySelector('[data-search-status]').textContent.match(/找到|没有找到/)",
                                   timeout=15000)
            hrefs = [a.get_attribute("href") for a in page.locator(".fc-result a").all()]
            assert any(h.rstrip("/").endswith("workers/" + wid) for h in hrefs), (q, hrefs[:5])
        page.goto(names_site + f"workers/{wid}/")
        assert page.locator("h1").inner_text().startswith(name)
    finally:
        page.close()
