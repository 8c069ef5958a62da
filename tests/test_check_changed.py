"""`fengcai check --changed`: only what a branch touches, plus what refers to it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from generator.cli import main
from tests.minimal_project import profile_path, replace_in, write_project


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def test_changed_checks_touched_worker_and_referrers(tmp_path, capsys):
    root = write_project(tmp_path / "proj")
    # a second worker with an old, unrelated problem that must not be reported on the branch
    other = root / "workers" / "li-hua"
    shutil.copytree(root / "workers" / "wang-xiaoming", other)
    replace_in(other / "profile.yml", "name: 王小明", "name: 李华")
    replace_in(other / "profile.yml", "industry: 电力", "industry: 电力行业")  # a warning on main
    (root / "content" / "stories").mkdir()
    (root / "content" / "stories" / "2024-05-01-wei-wen.md").write_text(
        "---\ntitle: 慰问\nworkers: [wang-xiaoming]\n---\n正文\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.email=a@b", "-c", "user.name=a", "add", ".")
    git(root, "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-qm", "init")
    git(root, "checkout", "-qb", "edit")
    # the branch removes wang-xiaoming: the story that refers to him must be reported
    shutil.rmtree(root / "workers" / "wang-xiaoming")
    git(root, "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-qam", "remove")

    code = main(["check", "--root", str(root), "--changed", "--base", "main", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    files = {p["file"] for p in data["problems"]}
    assert code == 1
    assert "content/stories/2024-05-01-wei-wen.md" in files
    assert not any(f.startswith("workers/li-hua") for f in files)

    # a whole-tree check does see li-hua's warning
    main(["check", "--root", str(root), "--format", "json"])
    assert any(p["file"].startswith("workers/li-hua") for p in json.loads(capsys.readouterr().out)["problems"])


def test_changed_reports_uncommitted_edit(tmp_path, capsys):
    root = write_project(tmp_path / "proj")
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.email=a@b", "-c", "user.name=a", "add", ".")
    git(root, "-c", "user.email=a@b", "-c", "user.name=a", "commit", "-qm", "init")
    replace_in(profile_path(root), "association: city", "association: ctiy")
    code = main(["check", "--root", str(root), "--changed", "--base", "main"])
    out = capsys.readouterr().out
    assert code == 1 and "workers/wang-xiaoming/profile.yml:2:" in out


def test_changed_without_git_is_a_clear_error(tmp_path, capsys):
    root = write_project(tmp_path / "proj")
    code = main(["check", "--root", str(root), "--changed", "--base", "main"])
    assert code == 2 and "无法和「main」比较" in capsys.readouterr().err
