"""Real-browser measurements for the benchmark: page weight and search bytes (Debian chromium, 127.0.0.1 only)."""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the browser closing a connection early is not news


@contextmanager
def served(site: Path):
    httpd = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextmanager
def browser_page():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        try:
            yield b.new_page()
        finally:
            b.close()


def _worker_ids(site: Path) -> list[str]:
    return sorted(p.parent.name for p in (site / "workers").glob("*/index.html"))


def page_weight(site: Path) -> dict:
    """Bytes of HTML + CSS + JS (no images, video, audio) and request counts for one worker page."""
    wid = _worker_ids(site)[0]
    seen: list = []
    with served(site) as base, browser_page() as page:
        page.on("requestfinished", lambda req: seen.append(req))
        page.goto(base + f"workers/{wid}/", wait_until="networkidle")
        total = html = requests = outside = gz = 0
        for req in seen:
            if urlparse(req.url).hostname != "127.0.0.1":
                outside += 1
            if req.resource_type in ("image", "media"):
                continue
            resp = req.response()
            body = resp.body() if resp else b""
            size = len(body)
            requests += 1
            total += size
            gz += len(gzip.compress(body, 6))  # what a server with gzip on (nginx example) sends
            if req.resource_type == "document":
                html += size
    return {"bytes": total, "gzip": gz, "html": html, "requests": requests, "outside": outside}


def search_bytes(site: Path) -> dict:
    """Bytes fetched from pagefind/ for a first and a second query on the search page, and the search
    page's own scripts (search-lexicon.js, search-core.js, search.js), which load with the page."""
    index = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
    import json
    data = json.loads((site / "data" / "workers.json").read_text(encoding="utf-8"))
    people = data["workers"] if isinstance(data, dict) else data
    first_name, second_name = people[len(people) // 3]["name"], people[2 * len(people) // 3]["name"]
    fetched: list[int] = []
    scripts: list[int] = []
    with served(site) as base, browser_page() as page:
        def on_done(req):
            name = req.url.rsplit("/", 1)[-1]
            if "/pagefind/" in req.url or name.startswith("search"):
                try:
                    resp = req.response()
                    (fetched if "/pagefind/" in req.url else scripts).append(len(resp.body()) if resp else 0)
                except Exception:  # the page closed while a late request finished
                    pass
        page.on("requestfinished", on_done)
        page.goto(base + "search/", wait_until="networkidle")
        before = sum(fetched)
        hits_first = _query(page, first_name)
        first = sum(fetched) - before
        mark = sum(fetched)
        hits_second = _query(page, second_name)
        second = sum(fetched) - mark
    return {"index": index, "first": first, "second": second, "hits_first": hits_first, "hits_second": hits_second,
            "page_scripts": sum(scripts)}


def _query(page, text: str) -> int:
    page.evaluate("document.querySelector('[data-search-status]').textContent = ''")
    box = page.locator("[data-search-form] input[name=q]")
    box.fill(text)
    box.press("Enter")
    page.wait_for_function("document.querySelector('[data-search-status]').textContent.includes('找到') || "
                           "document.querySelector('[data-search-status]').textContent.includes('没有')", timeout=30000)
    page.wait_for_function("document.querySelector('[data-search-results] li') || "
                           "document.querySelector('[data-search-status]').textContent.includes('没有')", timeout=30000)
    page.wait_for_load_state("networkidle")
    return page.locator("[data-search-results] li").count()
