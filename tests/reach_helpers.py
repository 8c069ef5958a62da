"""Shared pieces of the reach tests (accessibility, 长者模式, kiosk, offline copy): axe-core from
node_modules/, a recording browser page, sample items of every page type."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest

REPO = Path(__file__).resolve().parents[1]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def axe_script() -> Path:
    """axe.min.js; installs it from package.json with npm when missing. Skips only without npm."""
    if not AXE.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("无法运行无障碍检查：没有 node_modules/axe-core，也没有 npm（请先运行 npm install）")
        subprocess.run([npm, "install", "--no-audit", "--no-fund", "--silent"], cwd=REPO, check=True)
    assert AXE.is_file(), "npm install 没有装上 axe-core，请检查 package.json"
    return AXE


def sample_worker(model, need_video=False):
    for w in model.workers_sorted:
        if w.sample and len(w.name) == 3 and w.given_name and (w.videos or not need_video):
            return w
    pytest.skip("no suitable sample worker")


def page_types(model) -> dict[str, str]:
    """One URL (relative to the site root) per kind of page."""
    w = max(model.workers_sorted, key=lambda x: (bool(x.videos), bool(x.gallery), len(x.story_md)))
    story = next((s for s in model.stories_sorted if s.workers), None) or model.stories_sorted[0]
    assoc = max(model.associations_sorted, key=lambda a: len(model.workers_of(a.id)))
    out = {"home": "", "browse": "workers/", "worker": w.url, "association": assoc.url,
           "story": story.url, "statistics": "stats/", "search": "search/?q=" + sample_worker(model).given_name}
    if model.collectives:
        out["collective"] = next(iter(model.collectives.values())).url
    if model.studios:
        out["studio"] = next(iter(model.studios.values())).url
    if model.products:
        product = max(model.products.values(), key=lambda p: (len(p.photos), len(p.available_at), p.id))
        out.update({"products": "products/", "products-filtered": f"products/by/{product.association}/all/",
                    "product": product.url})
    if model.services:
        out["services"] = "services/"
    if model.requests:
        out.update({"requests": "requests/", "requests-filtered": "requests/by/done/all/"})
    return out


class Recorder:
    """A browser page that records requests and errors; `check()` fails on requests to other hosts."""

    def __init__(self, context, allowed_hosts=("127.0.0.1",)):
        self.context = context
        self.page = context.new_page()
        self.requests, self.errors = [], []
        self.allowed = allowed_hosts
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def outside(self) -> list[str]:
        out = []
        for u in self.requests:
            p = urlparse(u)
            if p.scheme in ("http", "https", "ws", "wss") and p.hostname not in self.allowed:
                out.append(u)
        return out

    def check(self):
        assert not self.outside(), f"requests to other hosts: {self.outside()}"
        assert not self.errors, f"console errors: {self.errors}"
