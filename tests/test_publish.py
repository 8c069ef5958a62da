"""`fengcai publish`: the archive unpacks into a site whose every internal link resolves over HTTP;
`--to DIR` replaces its own earlier copy (tests/test_safe_publish.py: what it refuses)."""

from __future__ import annotations

import tarfile
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from conftest import StaticServer, build_site
from generator.cli import main as fengcai
from generator.safe_folders import MARKER_NAME
from minimal_project import write_project

LINK_ATTRS = ("href", "src", "poster", "data")
SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:", "sms:")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(project root, built site) of the minimal project."""
    base = tmp_path_factory.mktemp("publish")
    root = write_project(base / "project")
    site = base / "site"
    build_site(root, site)
    return root, site


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if not value:
                continue
            if name in LINK_ATTRS:
                self.links.append(value.strip())
            elif name in ("srcset", "imagesrcset"):
                self.links += [part.strip().split()[0] for part in value.split(",") if part.strip()]


def links_of(page: str) -> list[str]:
    parser = _Links()
    parser.feed(page)
    return parser.links


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def test_archive_unpacks_into_a_site_whose_links_all_resolve(built, tmp_path):
    root, site = built
    archive = tmp_path / "out" / "site.tar.gz"
    assert fengcai(["publish", "--root", str(root), "--site", str(site), "--archive", str(archive)]) == 0
    assert archive.is_file() and not archive.with_name(archive.name + ".part").exists()

    dest = tmp_path / "unpacked"
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        assert "index.html" in names
        assert not [n for n in names if n.startswith(("/", "..")) or "/../" in n]
        tar.extractall(dest, filter="data")

    pages = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*.html"))
    assert "workers/wang-xiaoming/index.html" in pages
    broken: list[str] = []
    checked: dict[str, int] = {}
    with StaticServer(dest) as server:
        host = urlsplit(server.url).netloc
        for rel in pages:
            page_url = server.url + rel
            with urllib.request.urlopen(page_url, timeout=30) as r:
                body = r.read().decode("utf-8")
            for link in links_of(body):
                if link.startswith("#") or link.lower().startswith(SKIP_SCHEMES):
                    continue
                target = urldefrag(urljoin(page_url, link)).url.split("?", 1)[0]
                parts = urlsplit(target)
                if parts.scheme not in ("http", "https") or parts.netloc != host:
                    continue   # another site: not ours to check
                if target not in checked:
                    checked[target] = status(target)
                if checked[target] != 200:
                    broken.append(f"{rel}: {link} → {checked[target]}")
    assert not broken, "\n".join(broken)
    assert len(checked) > 20   # pages, styles, scripts, images, feed, search


def test_publish_to_replaces_its_own_earlier_copy(built, tmp_path):
    root, site = built
    dest = tmp_path / "www" / "laomo"
    assert fengcai(["publish", "--root", str(root), "--site", str(site), "--to", str(dest)]) == 0
    (dest / "old-section").mkdir()                      # pages of an older version of the site
    (dest / "old-section" / "index.html").write_text("旧网站", encoding="utf-8")
    (dest / "stale.txt").write_text("stale", encoding="utf-8")

    assert fengcai(["publish", "--root", str(root), "--site", str(site), "--to", str(dest)]) == 0

    def files(folder: Path) -> set[str]:
        return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {MARKER_NAME}

    assert files(dest) == files(site)
    assert not (dest / "stale.txt").exists() and not (dest / "old-section").exists()
    assert (dest / "workers" / "wang-xiaoming" / "index.html").read_bytes() == \
        (site / "workers" / "wang-xiaoming" / "index.html").read_bytes()
    assert [p.name for p in dest.parent.iterdir()] == ["laomo"]   # no temporary folders left behind


def test_publish_without_a_built_site_says_what_to_do(tmp_path, capsys):
    root = write_project(tmp_path / "project")
    assert fengcai(["publish", "--root", str(root), "--to", str(tmp_path / "www")]) == 1
    assert "先运行 fengcai build" in capsys.readouterr().err
    assert not (tmp_path / "www").exists()
