"""Commands that replace a folder refuse every target they did not make, and leave it untouched.

Each dangerous target is compared before and after (every path, its kind and the hash of its bytes),
next to its parent folder (no temporary folder may be left beside it). A tiny hand-made site folder
stands in for a build wherever the command does not need a real one.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest

from generator.cli import main as fengcai
from generator.safe_folders import MARKER_NAME, Marker, clean_leftovers, read_marker, write_marker

EPOCH = 1_700_000_000


def snapshot(folder: Path) -> dict[str, str]:
    """Every path under `folder` → 'dir', 'link → target' or the sha256 of the file's bytes."""
    out = {}
    for base, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            p = Path(base) / name
            rel = p.relative_to(folder).as_posix()
            if p.is_symlink():
                out[rel] = "link → " + os.readlink(p)
            elif p.is_dir():
                out[rel] = "dir"
            else:
                out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def state(target: Path) -> tuple:
    """The target's full listing and its parent's names (a left-behind temp folder would show there)."""
    parent = sorted(os.listdir(target.parent)) if target.parent.is_dir() else None
    if target.is_symlink():
        return ("link", os.readlink(target), parent)
    if target.is_file():
        return ("file", hashlib.sha256(target.read_bytes()).hexdigest(), parent)
    return (snapshot(target) if target.is_dir() else None, parent)


@pytest.fixture
def place(tmp_path, monkeypatch):
    """A project (content, workers, code, .git), a tiny built site inside it, and a home folder."""
    base = tmp_path / "base"
    project = base / "project"
    for rel, text in {"content/site.yml": "title: 测试\n", "content/associations/city.yml": "name: 测试市劳模协会\n",
                      "workers/wang-xiaoming/profile.yml": "name: 王小明\n", "generator/__init__.py": "",
                      ".git/HEAD": "ref: refs/heads/main\n", "README.md": "项目\n"}.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(text, encoding="utf-8")
    site = project / "site"
    make_site(site)
    home = base / "home"
    (home / "文档").mkdir(parents=True)
    (home / "文档" / "工资表.xlsx").write_bytes(b"PK\x03\x04 not really")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(project)
    return base, project, site, home


def make_site(folder: Path, marked: bool = True) -> Path:
    (folder / "assets").mkdir(parents=True)
    (folder / "index.html").write_text("<!doctype html><title>劳模风采录</title>首页", encoding="utf-8")
    (folder / "assets" / "fengcai.css").write_text("body{}", encoding="utf-8")
    (folder / "workers" / "wang-xiaoming").mkdir(parents=True)
    (folder / "workers" / "wang-xiaoming" / "index.html").write_text("王小明", encoding="utf-8")
    if marked:
        write_marker(folder, Marker("site", EPOCH))
    return folder


def publish(*args: str) -> int:
    return fengcai(["publish", *args])


def refused(capsys, target: Path, code: int, *words: str) -> str:
    err = capsys.readouterr().err
    assert code != 0, err
    assert err.startswith("错误: 不能"), err
    assert str(target) in err and "提示:" in err and "什么都没有改动" in err, err
    for w in words:
        assert w in err, err
    return err


def dead_pid() -> int:
    p = subprocess.Popen(["true"])
    p.wait()
    return p.pid


# ---- publish --to: every dangerous target --------------------------------------------------------------

def test_publish_refuses_the_project_root(place, capsys):
    base, project, site, _home = place
    before = state(project)
    code = publish("--to", ".")
    refused(capsys, project, code, "项目的根目录")
    assert state(project) == before


def test_publish_refuses_folders_above_the_project(place, capsys):
    base, project, site, _home = place
    before = state(base)
    refused(capsys, base, publish("--to", ".."), "包含整个项目")
    assert state(base) == before


@pytest.mark.parametrize("inside", ["www", "content", "workers/wang-xiaoming", "generator", ".git"])
def test_publish_refuses_every_folder_inside_the_project(place, capsys, inside):
    base, project, site, _home = place
    target = project / inside
    before = state(target), state(project)
    refused(capsys, target, publish("--to", inside), "在项目里面")
    assert (state(target), state(project)) == before


@pytest.mark.parametrize("where", ["site", "inside", "above"])
def test_publish_refuses_the_site_itself_inside_it_and_above_it(place, capsys, tmp_path, where):
    base, project, _site, _home = place
    site = make_site(tmp_path / "out" / "site")            # a site outside the project, as --site allows
    target = {"site": site, "inside": site / "www", "above": site.parent}[where]
    before = state(target), state(site)
    code = publish("--site", str(site), "--to", str(target))
    refused(capsys, target, code, {"site": "要发布的网站本身", "inside": "在要发布的网站里面",
                                   "above": "包含要发布的网站"}[where])
    assert (state(target), state(site)) == before


def test_publish_refuses_the_filesystem_root(place, capsys):
    before = sorted(os.listdir("/"))
    refused(capsys, Path("/"), publish("--to", "/"), "文件系统的根目录")
    assert sorted(os.listdir("/")) == before


def test_publish_refuses_the_home_folder_and_above(place, capsys):
    base, project, site, home = place
    before = state(home)
    refused(capsys, home, publish("--to", str(home)), "主目录")
    assert state(home) == before
    refused(capsys, home.parent, publish("--to", str(home.parent)))
    assert state(home) == before


def test_publish_refuses_symlinks_to_dangerous_folders(place, capsys, tmp_path):
    base, project, site, home = place
    links = tmp_path / "links"
    links.mkdir()
    for name, real, why in (("to-project", project, "项目的根目录"), ("to-home", home, "主目录"),
                            ("to-site", site, "要发布的网站本身"), ("to-root", Path("/"), "文件系统的根目录")):
        (links / name).symlink_to(real)
        before = state(real) if real != Path("/") else sorted(os.listdir("/"))
        refused(capsys, real, publish("--to", str(links / name)), why)
        assert (state(real) if real != Path("/") else sorted(os.listdir("/"))) == before
        assert (links / name).is_symlink()


def test_publish_refuses_a_non_empty_folder_it_did_not_make(place, capsys, tmp_path):
    base, project, site, home = place
    target = tmp_path / "www" / "laomo"
    (target / "old-section").mkdir(parents=True)
    (target / "old-section" / "index.html").write_text("别人的网站", encoding="utf-8")
    (target / "stale.txt").write_text("要保留的文件", encoding="utf-8")
    before = state(target)
    refused(capsys, target, publish("--to", str(target)), "不是空的", "old-section", MARKER_NAME)
    assert state(target) == before


def test_publish_refuses_a_file(place, capsys, tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("笔记", encoding="utf-8")
    before = state(target)
    refused(capsys, target, publish("--to", str(target)), "是一个文件")
    assert state(target) == before


def test_a_site_published_before_markers_is_refused_with_a_hint_that_works(place, capsys, tmp_path):
    base, project, site, home = place
    target = make_site(tmp_path / "www" / "laomo", marked=False)   # what the old publish left
    before = state(target)
    err = refused(capsys, target, publish("--to", str(target)), "旧版 fengcai", f"echo fengcai-output > ")
    assert state(target) == before
    (target / MARKER_NAME).write_text("fengcai-output\n", encoding="utf-8")   # the hint, as an editor types it
    assert publish("--to", str(target)) == 0
    assert read_marker(target).kind == "publish"


# ---- publish --to: what it may replace, and how --------------------------------------------------------

def test_publish_to_a_new_folder_then_over_its_own_copy(place, tmp_path):
    base, project, site, home = place
    dest = tmp_path / "www" / "laomo"
    assert publish("--to", str(dest)) == 0
    assert read_marker(dest) == Marker("publish", EPOCH)
    files = {k: v for k, v in snapshot(dest).items() if k != MARKER_NAME}
    assert files == {k: v for k, v in snapshot(site).items() if k != MARKER_NAME}
    assert sorted(os.listdir(dest.parent)) == ["laomo"]          # no temporary folder left behind

    (site / "workers" / "wang-xiaoming" / "index.html").write_text("王小明（更新）", encoding="utf-8")
    (site / "assets" / "fengcai.css").unlink()
    assert publish("--to", str(dest)) == 0
    assert (dest / "workers" / "wang-xiaoming" / "index.html").read_text(encoding="utf-8") == "王小明（更新）"
    assert not (dest / "assets" / "fengcai.css").exists()
    assert sorted(os.listdir(dest.parent)) == ["laomo"]


def test_publish_to_an_empty_folder(place, tmp_path):
    dest = tmp_path / "empty"
    dest.mkdir()
    assert publish("--to", str(dest)) == 0
    assert (dest / "index.html").is_file()


def test_publish_removes_what_an_interrupted_run_left(place, tmp_path):
    base, project, site, home = place
    dest = tmp_path / "www" / "laomo"
    assert publish("--to", str(dest)) == 0
    gone = dead_pid()
    half = dest.with_name(f".laomo.building-{gone}")               # a copy cut short by kill -9
    make_site(half, marked=False)
    write_marker(half, Marker("building"))
    legacy = dest.with_name(".laomo-k2x_9abc")                     # the old publish's temporary copy
    make_site(legacy / "site", marked=False)
    alive = dest.with_name(f".laomo.building-{os.getpid()}x")      # not our pattern: never touched
    alive.mkdir()
    unrelated = dest.with_name(f".other.building-{gone}")          # another target's: not ours to clean
    unrelated.mkdir()
    assert publish("--to", str(dest)) == 0
    assert sorted(os.listdir(dest.parent)) == sorted(["laomo", alive.name, unrelated.name])


def test_a_swap_cut_short_is_undone(tmp_path):
    """Died after moving the old folder away, before the new one arrived: the old one comes back."""
    target = tmp_path / "laomo"
    old = tmp_path / f".laomo.old-{dead_pid()}"
    make_site(old)
    clean_leftovers(target)
    assert (target / "index.html").is_file() and not old.exists()


def test_temporary_folders_of_a_running_process_are_left_alone(tmp_path):
    target = tmp_path / "laomo"
    running = subprocess.Popen(["sleep", "30"])
    try:
        busy = tmp_path / f".laomo.building-{running.pid}"
        busy.mkdir()
        write_marker(busy, Marker("building"))
        assert clean_leftovers(target) == [] and busy.is_dir()
    finally:
        running.kill()
        running.wait()
    assert clean_leftovers(target) == [busy] and not busy.exists()


# ---- publish --archive ---------------------------------------------------------------------------------

def test_archive_refuses_to_write_inside_the_site_or_over_another_file(place, capsys, tmp_path):
    base, project, site, home = place
    before = state(site)
    inside = site / "site.tar.gz"
    refused(capsys, inside, publish("--archive", str(inside)), "在要发布的网站里面")
    assert state(site) == before

    other = tmp_path / "backup.tar.gz"
    with tarfile.open(other, "w:gz") as tar:
        tar.add(project / "README.md", arcname="README.md")
    before = state(other)
    refused(capsys, other, publish("--archive", str(other)), "不是 fengcai 生成的")
    assert state(other) == before

    text = tmp_path / "notes.txt"
    text.write_text("笔记", encoding="utf-8")
    before = state(text)
    refused(capsys, text, publish("--archive", str(text)))
    assert state(text) == before


def test_archive_replaces_its_own_and_is_the_same_every_time(place, tmp_path):
    base, project, site, home = place
    archive = tmp_path / "out" / "site.tar.gz"
    assert publish("--archive", str(archive)) == 0
    first = archive.read_bytes()
    os.utime(site / "index.html", (EPOCH + 999, EPOCH + 999))     # file times on disk do not matter
    assert publish("--archive", str(archive)) == 0
    assert archive.read_bytes() == first
    assert sorted(os.listdir(archive.parent)) == ["site.tar.gz"]
    with tarfile.open(archive) as tar:
        members = tar.getmembers()
    assert [m.name for m in members] == sorted(m.name for m in members)
    assert MARKER_NAME not in [m.name for m in members]
    assert {m.mtime for m in members} == {EPOCH} and {m.uname for m in members} == {""}


def test_archive_made_before_markers_is_recognised(place, tmp_path):
    """The old publish wrote `<archive>.part` through tarfile, which put that name in the gzip header."""
    base, project, site, home = place
    archive = tmp_path / "site.tar.gz"
    part = tmp_path / "site.tar.gz.part"
    with tarfile.open(part, "w:gz") as tar:
        tar.add(site / "index.html", arcname="index.html")
    part.rename(archive)
    assert publish("--archive", str(archive)) == 0


# ---- the same rule for build, the offline zip, booklet and demo ----------------------------------------

@pytest.mark.parametrize("out", [".", "..", "content", "workers", "workers/wang-xiaoming/site", ".git", "~", "/"])
def test_build_refuses_dangerous_output_folders(place, capsys, out):
    base, project, site, home = place
    out = str(home) if out == "~" else out            # as the shell expands it
    target = Path(os.path.abspath(out)).resolve()
    before = state(target) if target != Path("/") else sorted(os.listdir("/"))
    code = fengcai(["build", "--out", out, "--no-booklets"])
    err = refused(capsys, target, code)
    assert "检查内容" not in err                 # refused before any work
    assert (state(target) if target != Path("/") else sorted(os.listdir("/"))) == before


def test_build_refuses_a_non_empty_folder_and_an_old_unmarked_site(place, capsys, tmp_path):
    base, project, site, home = place
    docs = tmp_path / "文档"
    docs.mkdir()
    (docs / "报告.docx").write_bytes(b"PK")
    before = state(docs)
    refused(capsys, docs, fengcai(["build", "--out", str(docs)]), "不是空的")
    assert state(docs) == before
    old = make_site(tmp_path / "old-site", marked=False)
    before = state(old)
    refused(capsys, old, fengcai(["build", "--out", str(old)]), "旧版 fengcai", "rm -r")
    assert state(old) == before


def test_offline_build_refuses_to_overwrite_a_zip_it_did_not_make(place, capsys, tmp_path):
    base, project, site, home = place
    out = tmp_path / "site-offline"
    archive = tmp_path / "site-offline.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("合同/合同.txt", "重要")
    before = state(archive)
    refused(capsys, archive, fengcai(["build", "--offline", "--no-booklets", "--out", str(out)]), "不是 fengcai 生成的")
    assert state(archive) == before and not out.exists()


@pytest.mark.parametrize("out", [".", "content", "workers/wang-xiaoming", ".git", "/"])
def test_booklet_refuses_the_project_and_its_sources(place, capsys, out):
    """`booklet` only adds PDFs (nothing is deleted), but never among the content or the program."""
    target = Path(os.path.abspath(out)).resolve()
    before = state(target) if target != Path("/") else sorted(os.listdir("/"))
    refused(capsys, target, fengcai(["booklet", "--out", out]))
    assert (state(target) if target != Path("/") else sorted(os.listdir("/"))) == before


@pytest.mark.parametrize("out", [".", "..", "workers", "~"])
def test_demo_refuses_dangerous_folders(place, capsys, out):
    out = str(place[3]) if out == "~" else out
    target = Path(os.path.abspath(out)).resolve()
    before = state(target)
    refused(capsys, target, fengcai(["demo", "--workers", "3", "--out", out, "--photo-size", "240x320"]))
    assert state(target) == before


def test_demo_replaces_only_its_own_corpus(place, capsys, tmp_path):
    corpus = tmp_path / "demo"
    args = ["demo", "--workers", "3", "--out", str(corpus), "--photo-size", "240x320", "--jobs", "1"]
    assert fengcai(args) == 0
    assert read_marker(corpus).kind == "demo" and (corpus / "workers").is_dir()
    assert fengcai(args) == 0                                            # its own corpus: replaced
    site = make_site(tmp_path / "site")
    before = state(site)
    refused(capsys, site, fengcai([*args[:3], "--out", str(site), *args[5:]]), "fengcai 生成的网站")
    assert state(site) == before
