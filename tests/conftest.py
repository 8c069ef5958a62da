"""Shared fixtures: build the sample content once, serve it on 127.0.0.1, drive a headless Chromium.

The site is served one folder below the server root (http://127.0.0.1:PORT/site/), so every test also
checks that the site works from a sub-path.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TEST_OUTPUT = REPO / "test-output"

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]


def build_site(root: Path, out: Path, variant=None):
    """`fengcai build --no-booklets` without the command line: the gate, then build into `out`.
    Returns the public model."""
    from generator.gate import open_public
    from generator.site.site_build import build_site_dir
    from generator.site.variants import SiteVariant

    public = open_public(root).public
    build_site_dir(root, public, out, variant=variant or SiteVariant())
    return public


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):   # the browser left the page mid-download
            return
        super().handle_error(request, client_address)


class StaticServer:
    """http.server in a thread, serving `directory` on 127.0.0.1 (a free port)."""

    def __init__(self, directory: Path):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def sample_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, sample_root):
    """(site folder, public model) of the sample content, built once per test session."""
    out = tmp_path_factory.mktemp("built") / "site"
    model = build_site(sample_root, out)
    return out, model.public()


@pytest.fixture(scope="session")
def served_site(built_site):
    """Base URL of the built sample site, e.g. http://127.0.0.1:41234/site/."""
    site_dir, _model = built_site
    with StaticServer(site_dir.parent) as server:
        yield server.url + site_dir.name + "/"


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def test_output() -> Path:
    (TEST_OUTPUT / "site").mkdir(parents=True, exist_ok=True)
    return TEST_OUTPUT


# ---- the other copies of the site (tests/test_reach_*.py): each built once per session -----------------
KIOSK_IDLE_SECONDS = 4


@pytest.fixture(scope="session")
def kiosk_site(tmp_path_factory, sample_root):
    """`fengcai build --kiosk` of the sample content with a short idle time, served like the web site."""
    from generator.site.variants import SiteVariant
    out = tmp_path_factory.mktemp("kiosk") / "site-kiosk"
    model = build_site(sample_root, out, SiteVariant(kiosk=True, kiosk_idle_seconds=KIOSK_IDLE_SECONDS))
    with StaticServer(out.parent) as server:
        yield out, model.public(), server.url + out.name + "/"


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory, sample_root):
    """`fengcai build --offline` (through the command, so the zip is made too): (folder, public model)."""
    import argparse
    from generator.check import check_tree
    from generator.commands import build as build_command
    out = tmp_path_factory.mktemp("offline") / "site-offline"
    p = argparse.ArgumentParser()
    build_command.add_arguments(p)
    assert build_command.run(p.parse_args(["--root", str(sample_root), "--out", str(out), "--no-booklets", "--offline"])) == 0
    model, _report = check_tree(sample_root)
    return out, model.public()
