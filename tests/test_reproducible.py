"""Two builds of the same content, in two fresh copies with empty caches, give identical files: the site
with its booklets and search index, the offline copy and its zip, and the publish archive.

Every file's bytes are compared, so any clock time, random order or path that reaches an output
shows up here as a named file that differs (the builds run seconds apart).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from generator.cli import main as fengcai

REPO = Path(__file__).resolve().parents[1]


def fresh_copy(dest: Path) -> Path:
    """The repository's content as a fresh clone has it: content/ and workers/, no cache, no Git."""
    for name in ("content", "workers"):
        shutil.copytree(REPO / name, dest / name, ignore=shutil.ignore_patterns(".cache", "__pycache__"))
    return dest


def fingerprint(*paths: Path) -> dict[str, str]:
    """Relative path → sha256 of every file under the given folders (and of the given files)."""
    out = {}
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            out[f.relative_to(path.parent).as_posix()] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def build_everything(root: Path) -> dict[str, str]:
    assert fengcai(["build", "--root", str(root), "--out", str(root / "site")]) == 0
    assert fengcai(["build", "--root", str(root), "--offline", "--no-booklets", "--out", str(root / "site-offline")]) == 0
    assert fengcai(["publish", "--root", str(root), "--site", str(root / "site"),
                    "--archive", str(root / "site.tar.gz")]) == 0
    return fingerprint(root / "site", root / "booklets", root / "site-offline", root / "site-offline.zip",
                       root / "site.tar.gz")


def test_two_clean_builds_are_identical(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)   # the dates must come from the content itself
    first = build_everything(fresh_copy(tmp_path / "a"))
    second = build_everything(fresh_copy(tmp_path / "b"))
    capsys.readouterr()

    assert len(first) > 100
    assert any(k.endswith(".pdf") for k in first) and any(k.endswith(".pf_filter") for k in first)
    differ = sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))
    assert not differ, "these files differ between two builds of the same content:\n" + "\n".join(differ)


def test_source_date_epoch_sets_the_dates(tmp_path, monkeypatch):
    """The date stamped on outputs is SOURCE_DATE_EPOCH when given (and the content's own date otherwise)."""
    from generator.content.loader import load
    from generator.source_date import newest_content_date, source_date, source_epoch

    model = load(fresh_copy(tmp_path / "a")).model
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    newest = max(s.date for s in model.public().stories.values())
    assert newest_content_date(model.public()) >= newest
    assert source_date(model) == newest_content_date(model.public())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert source_epoch(model) == 1700000000
    assert str(source_date(model)) == "2023-11-14"


@pytest.mark.parametrize("epoch", ["1700000000", "1800000000"])
def test_sitemap_and_zip_carry_the_source_date(tmp_path, monkeypatch, epoch):
    import time
    import zipfile

    from minimal_project import write_project

    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    root = write_project(tmp_path / "project")
    assert fengcai(["build", "--root", str(root), "--offline", "--no-booklets", "--out", str(root / "off")]) == 0
    day = time.strftime("%Y-%m-%d", time.gmtime(int(epoch)))
    assert f"<lastmod>{day}</lastmod>" in (root / "off" / "sitemap.xml").read_text(encoding="utf-8")
    with zipfile.ZipFile(root / "off.zip") as z:
        assert {i.date_time for i in z.infolist()} == {time.gmtime(int(epoch))[:6]}
