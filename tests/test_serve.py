"""`fengcai serve`: a real preview server in a subprocess on the minimal project.

Break a profile → every page shows the same lines as `fengcai check` in an alert banner that stays in
view, the tab title is marked, the terminal prints them, and the broken item is left out of the
preview (its address says so); fix it → the fixed content, no banner. Flagged text (a mobile number)
is never served. The server is always stopped.
"""

from __future__ import annotations

import html
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator.check import check_tree
from generator.site.preview import BANNER_ID, TITLE_MARK
from minimal_project import profile_path, replace_in, write_project

REPO = Path(__file__).resolve().parents[1]
FENGCAI = str(REPO / ".venv" / "bin" / "fengcai")
START_TIMEOUT = 120      # first build: two photos to encode, a cold cache
CHANGE_TIMEOUT = 30      # a rebuild after one edit
WORKER = "workers/wang-xiaoming/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, ok, timeout: float) -> str:
    """Poll `url` until `ok(body)`; the last body is in the failure message."""
    deadline = time.monotonic() + timeout
    body = None
    while time.monotonic() < deadline:
        body = fetch(url)
        if body is not None and ok(body):
            return body
        time.sleep(0.2)
    pytest.fail(f"{url} did not reach the expected state within {timeout} s; last body: {(body or '')[:2000]}")


class Serve:
    """`fengcai serve` as a subprocess; output goes to a file (a full pipe would block the server)."""

    def __init__(self, root: Path, port: int):
        self.log = root.parent / f"serve-{port}.log"
        self.tmp = root.parent / f"tmp-{port}"   # the preview's site folder goes here (TMPDIR)
        self.tmp.mkdir()
        env = {**os.environ, "NO_COLOR": "1", "TMPDIR": str(self.tmp)}
        with self.log.open("w") as out:
            self.proc = subprocess.Popen([FENGCAI, "serve", "--root", str(root), "--port", str(port)],
                                         cwd=REPO, stdout=out, stderr=subprocess.STDOUT, env=env)
        self.url = f"http://127.0.0.1:{port}/"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)


@pytest.fixture
def preview(tmp_path):
    root = write_project(tmp_path / "project")
    server = Serve(root, free_port())
    try:
        wait_for(server.url, lambda body: "王小明" in body, START_TIMEOUT)
        yield root, server
    finally:
        server.stop()
    assert server.proc.returncode is not None


def test_error_banner_appears_and_goes_away(preview, browser):
    root, server = preview
    page_url = server.url + WORKER
    body = wait_for(page_url, lambda b: "把每一件小事做好" in b, CHANGE_TIMEOUT)
    assert BANNER_ID not in body

    # a full-width colon: the profile no longer loads
    replace_in(profile_path(root), "quote: 把每一件小事做好。", "quote： 把每一件小事做好。")
    _model, report = check_tree(root)
    assert report is not None and report.errors
    lines = [p.line() for p in report.errors]
    assert any("workers/wang-xiaoming/profile.yml:13:6" in line and "全角冒号" in line for line in lines), lines

    body = wait_for(page_url, lambda b: BANNER_ID in b, CHANGE_TIMEOUT)
    for line in lines:   # the same lines as `fengcai check`, on the page …
        assert html.escape(line) in body
    assert 'role="alert"' in body
    page_only = _without_banner(body)
    assert "把每一件小事做好" not in page_only and "这一页的内容有错误" in page_only   # … the broken profile is left out
    assert f"<title>{TITLE_MARK}" in body
    home = fetch(server.url) or ""
    assert BANNER_ID in home and f"<title>{TITLE_MARK}" in home   # every page carries it, not only the broken one
    for line in lines:                                      # … and in the terminal
        assert line in server.output()

    page = browser.new_page(viewport={"width": 1024, "height": 700})
    try:
        page.goto(server.url + "stats/")
        assert page.title().startswith(TITLE_MARK)
        alert = page.get_by_role("alert")
        assert alert.is_visible()
        assert "全角冒号" in alert.inner_text()
        size = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('[role=alert]')).fontSize)")
        assert size >= 18
        box = alert.bounding_box()
        assert box is not None and box["y"] < 10       # at the top of the page
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_function("() => window.scrollY > 300")
        box = alert.bounding_box()                      # still in view after scrolling down
        assert box is not None and -1 < box["y"] < 10 and box["height"] > 40
        page.screenshot(path=str(root.parent / "serve-banner-scrolled.png"))
        page.get_by_text("点这里收起或展开").click()         # folds away to one line for reading
        assert page.get_by_role("alert").bounding_box()["height"] < box["height"]
    finally:
        page.close()

    # fixed, with a new quote: the new text and no banner
    replace_in(profile_path(root), "quote： 把每一件小事做好。", "quote: 改好了，新的格言。")
    body = wait_for(page_url, lambda b: "改好了，新的格言。" in b, CHANGE_TIMEOUT)
    assert BANNER_ID not in body
    assert "内容检查通过，预览已恢复正常。" in server.output()


def test_story_and_new_worker_are_picked_up(preview):
    """Markdown and new folders under workers/ are watched too."""
    root, server = preview
    story = root / "workers" / "wang-xiaoming" / "story.md"
    story.write_text(story.read_text(encoding="utf-8") + "\n后来他成了技能大师。\n", encoding="utf-8")
    wait_for(server.url + WORKER, lambda b: "后来他成了技能大师。" in b, CHANGE_TIMEOUT)

    other = root / "workers" / "li-hua"
    other.mkdir()
    profile = profile_path(root).read_text(encoding="utf-8").replace("王小明", "李华")
    profile = "\n".join(line for line in profile.splitlines() if not line.startswith(("portrait", "gallery", "  - file", "    caption")))
    (other / "profile.yml").write_text(profile + "\n", encoding="utf-8")
    wait_for(server.url + "workers/li-hua/", lambda b: "李华" in b, CHANGE_TIMEOUT)


def test_port_in_use_is_refused_before_building(tmp_path):
    root = write_project(tmp_path / "project")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([FENGCAI, "serve", "--root", str(root), "--port", str(port)], cwd=REPO,
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert f"端口 {port} 已被占用" in result.stderr


def test_flagged_text_is_never_served(preview):
    """A mobile number typed into a story while serving: the banner says so (number masked), the story's
    page, the home page and every other served file never contain it; fixed → the new text."""
    root, server = preview
    story = root / "workers" / "wang-xiaoming" / "story.md"
    mobile = "13912345678"
    story.write_text(story.read_text(encoding="utf-8") + f"\n找他请打 {mobile}。\n", encoding="utf-8")
    body = wait_for(server.url + WORKER, lambda b: BANNER_ID in b, CHANGE_TIMEOUT)
    assert "139********" in body and "手机号码" in body
    assert "王小明在检修一线" not in _without_banner(body)   # the whole item is left out, not only the line
    assert "workers/wang-xiaoming/story.md:" in body
    assert mobile in server.output()                       # the terminal shows it, like `fengcai check`
    site = _site_dir(server)   # the page above is served from here, so this rebuild is written
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".csv", ".js", ".txt"):
            assert mobile not in path.read_text(encoding="utf-8", errors="replace"), path
    for url in ("", WORKER, "workers/", "search/", "feed.xml", "data/workers.json", "sitemap.xml"):
        assert mobile not in (fetch(server.url + url) or ""), url

    story.write_text(story.read_text(encoding="utf-8").replace(f"找他请打 {mobile}。", "他的徒弟遍布全市。"), encoding="utf-8")
    body = wait_for(server.url + WORKER, lambda b: "他的徒弟遍布全市。" in b, CHANGE_TIMEOUT)
    assert BANNER_ID not in body and "王小明在检修一线" in body


def _site_dir(server) -> Path:
    """The preview's temporary site folder."""
    found = [p for p in server.tmp.glob("fengcai-preview-*") if p.is_dir() and not p.name.endswith("-pagefind")]
    assert len(found) == 1, found
    return found[0]


def _without_banner(body: str) -> str:
    start = body.index(f'<div id="{BANNER_ID}"')
    end = body.index("</details></div>", start) + len("</details></div>")
    return body[:start] + body[end:]
