"""One gate: every command that writes for readers gets its content from generator.gate, which runs every
check rule and refuses while an error is left; no command or output module reaches the loader itself."""

from __future__ import annotations

import ast
import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from generator.check import RULES, check_tree
from generator.cli import main as fengcai
from generator.gate import ContentRefused, open_public
from minimal_project import write_project

REPO = Path(__file__).resolve().parents[1]
MOBILE = "13812345678"
STORY = "workers/wang-xiaoming/story.md"
REPORT_ONLY = ("check.py", "import_.py")   # commands that only report problems; they write nothing a reader sees


# ---- structure -------------------------------------------------------------------------------------
def _imports(py: Path) -> list[tuple[str, int]]:
    """(module, line) of every import in a file, relative imports resolved against its package."""
    package = ".".join(py.relative_to(REPO).with_suffix("").parts[:-1])
    out = []
    for node in ast.walk(ast.parse(py.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            out.append((base, node.lineno))
            out += [(f"{base}.{a.name}", node.lineno) for a in node.names]
    return out


def test_no_command_or_output_module_reaches_the_loader():
    """Only generator.gate (through generator.check) loads content for the commands and the outputs."""
    offenders = []
    for package in ("commands", "site", "booklet"):
        for py in sorted((REPO / "generator" / package).rglob("*.py")):
            for module, line in _imports(py):
                rel = f"{py.relative_to(REPO)}:{line}"
                if module.startswith("generator.content.loader") or module == "generator.content.load":
                    offenders.append(f"{rel} imports the loader ({module})")
                if module.endswith(".check_tree") and py.name not in REPORT_ONLY:
                    offenders.append(f"{rel} checks on its own ({module}); use generator.gate")
                if module.startswith(("generator.check.", "generator.content.")) and module.rsplit(".", 1)[-1] in (
                        "read_worker", "RULES", "check_model"):
                    offenders.append(f"{rel} bypasses the gate ({module})")
    assert not offenders, "\n".join(offenders)
    assert (REPO / "generator" / "gate.py").is_file()


def test_the_gate_runs_every_rule(tmp_path, monkeypatch):
    import generator.check as check
    root = write_project(tmp_path / "p")
    seen = []
    wrapped = tuple((lambda r: (lambda *a, **k: seen.append(r) or r(*a, **k)))(rule) for rule in RULES)
    monkeypatch.setattr(check, "RULES", wrapped)
    open_public(root)
    assert seen == list(RULES)


# ---- every publishing command refuses, with the same lines as `fengcai check` ---------------------------
@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    """A project whose only problem is a mobile number in a worker's story, and `fengcai check`'s lines."""
    root = write_project(tmp_path_factory.mktemp("broken") / "project")
    story = root / STORY
    story.write_text(story.read_text(encoding="utf-8") + f"\n有事请打他的手机 {MOBILE}。\n", encoding="utf-8")
    _model, report = check_tree(root)
    lines = [p.line() for p in report.errors]
    assert lines and all(STORY in line for line in lines) and any(MOBILE in line for line in lines)
    return root, lines


@pytest.mark.parametrize("argv", [
    ["booklet"], ["booklet", "--association", "city"],
    ["build"], ["build", "--no-booklets"], ["build", "--kiosk"], ["build", "--offline"],
    ["publish", "--build", "--archive", "{tmp}/site.tar.gz"],
], ids=lambda a: " ".join(a[:2]))
def test_every_publishing_command_refuses(broken, tmp_path, capsys, argv):
    root, lines = broken
    out = tmp_path / "out"
    argv = [a.replace("{tmp}", str(tmp_path)) for a in argv] + ["--root", str(root)]
    if argv[0] in ("build", "booklet"):
        argv += ["--out", str(out)]
    if argv[0] == "publish":
        argv += ["--site", str(out)]
    code = fengcai(argv)
    printed = capsys.readouterr()
    text = printed.out + printed.err
    assert code != 0
    for line in lines:            # the same lines as `fengcai check`, with the editor's own line quoted
        assert line in text
    assert f"    | 有事请打他的手机 {MOBILE}。" in text
    assert "检查未通过：1 个错误" in text
    assert not out.exists() and not (tmp_path / "site.tar.gz").exists()
    assert not list(tmp_path.glob("**/*.pdf")) and not list(tmp_path.glob("**/*.html"))


def test_check_prints_the_same_report(broken, capsys):
    root, lines = broken
    assert fengcai(["check", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    with pytest.raises(ContentRefused) as refused:
        open_public(root)
    assert str(refused.value) == out.rstrip("\n")


def _mkdocs_project(root: Path) -> Path:
    """The project with the repository's mkdocs.yml and theme, as `mkdocs build` from a root expects."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "theme", root / "theme")
    (root / "generator" / "site" / "docs_stub").mkdir(parents=True)
    return root


def test_plain_mkdocs_build_goes_through_the_gate(broken, tmp_path):
    root, lines = broken
    project = _mkdocs_project(Path(shutil.copytree(root, tmp_path / "project")))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    mkdocs = str(REPO / ".venv" / "bin" / "mkdocs")
    result = subprocess.run([mkdocs, "build", "-q", "-d", str(tmp_path / "site")], cwd=project, env=env,
                            capture_output=True, text=True, timeout=600)
    printed = result.stdout + result.stderr
    assert result.returncode != 0
    assert "内容检查未通过，网站没有生成" in printed
    for line in lines:
        assert line in printed
    assert not (tmp_path / "site" / "workers").exists()
    with socket.socket() as s:   # `mkdocs serve` refuses the same way before serving anything
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = subprocess.run([mkdocs, "serve", "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode != 0 and all(line in result.stdout + result.stderr for line in lines)

    # fixed: the same command builds the site, with the story as the editor wrote it
    story = project / STORY
    story.write_text(story.read_text(encoding="utf-8").replace(f"有事请打他的手机 {MOBILE}。", "他很忙。"), encoding="utf-8")
    result = subprocess.run([mkdocs, "build", "-q", "-d", str(tmp_path / "site")], cwd=project, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "workers" / "wang-xiaoming" / "index.html").read_text(encoding="utf-8")
    assert "他很忙。" in page and MOBILE not in page


# ---- the plugin holds one build's state: two sites in one process --------------------------------------
def test_two_sites_in_one_process(tmp_path):
    from generator.site.mkdocs_adapter import FengcaiPlugin
    from generator.site.site_build import build_into
    from generator.site.variants import SiteVariant

    first = write_project(tmp_path / "first")
    second = write_project(tmp_path / "second")
    for path, old, new in ((second / "content" / "site.yml", "测试风采录", "第二个风采录"),
                           (second / "workers" / "wang-xiaoming" / "profile.yml", "name: 王小明", "name: 李大山"),
                           (second / STORY, "王小明", "李大山")):
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    a, b = open_public(first).public, open_public(second).public
    assert build_into(second, b, tmp_path / "site-b", SiteVariant(kiosk=True)) > 0
    assert build_into(first, a, tmp_path / "site-a") > 0
    page_a = (tmp_path / "site-a" / "workers" / "wang-xiaoming" / "index.html").read_text(encoding="utf-8")
    page_b = (tmp_path / "site-b" / "workers" / "wang-xiaoming" / "index.html").read_text(encoding="utf-8")
    assert "王小明" in page_a and "李大山" not in page_a and "测试风采录" in page_a
    assert "李大山" in page_b and "王小明" not in page_b and "第二个风采录" in page_b
    assert 'name="fc-kiosk-idle"' in page_b and 'name="fc-kiosk-idle"' not in page_a   # each its own variant


def test_the_plugin_takes_only_a_public_model(tmp_path):
    from generator.site.mkdocs_adapter import FengcaiPlugin
    root = write_project(tmp_path / "p")
    path = root / "workers" / "wang-xiaoming" / "profile.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("consent:", "draft: true\nconsent:"), encoding="utf-8")
    model, _report = check_tree(root)
    with pytest.raises(ValueError):
        FengcaiPlugin(root, model)
    assert FengcaiPlugin(root, model.public()).public is not None


# ---- the preview's side of the gate: items with errors are left out, never shown ----------------------
def test_preview_leaves_out_every_item_with_an_error(tmp_path):
    from generator.check import CheckMemory
    from generator.gate import open_preview

    root = write_project(tmp_path / "p")
    (root / "content" / "stories").mkdir()
    story = root / "content" / "stories" / "2024-05-01-a.md"
    story.write_text("---\ntitle: 文章\nworkers: [wang-xiaoming]\n---\n王小明的手机是 13812345678。\n", encoding="utf-8")
    memory = CheckMemory()
    pub = open_preview(root, memory)
    assert not pub.report.ok and pub.withheld == [("story", "2024-05-01-a")]
    assert "2024-05-01-a" not in pub.public.stories and "wang-xiaoming" in pub.public.workers

    # a broken profile: the worker leaves, and with them the story's list and the studio's leader line
    story.write_text("---\ntitle: 文章\nworkers: [wang-xiaoming]\n---\n正文\n", encoding="utf-8")
    profile = root / "workers" / "wang-xiaoming" / "profile.yml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("quote: ", "quote：") , encoding="utf-8")
    pub = open_preview(root, memory)
    assert pub.withheld == [("worker", "wang-xiaoming")]
    assert pub.public.workers == {} and pub.public.stories["2024-05-01-a"].workers == []

    # site.yml with an error: bare settings, nothing from the broken file
    site = root / "content" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8").replace("title: 测试风采录", "title: 测试风采录 13812345678"), encoding="utf-8")
    pub = open_preview(root, memory)
    assert ("site", "") in pub.withheld and pub.public.site.title == "劳模风采录"


# ---- what a command line adds to a reader's copy is scanned too -------------------------------------------
@pytest.mark.parametrize("title, shown", [
    (f"城区劳模 联系 {MOBILE[:3]} {MOBILE[3:7]} {MOBILE[7:]}", "手机号码"),
    ("城区劳模（王小明 生于1970年3月12日）", "出生日期"),
    ("劳模风采 投稿 laomo@qq.com", "电子邮箱"),
])
def test_booklet_title_with_personal_data_is_refused(tmp_path, capsys, title, shown):
    """`--title` is printed on the cover and into the PDF's metadata: the privacy rules apply to it."""
    root = write_project(tmp_path / "p")
    out = tmp_path / "booklets"
    assert fengcai(["booklet", "--root", str(root), "--title", title, "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误: 书名（--title）第 ") and shown in err and "提示:" in err
    assert not list(tmp_path.rglob("*.pdf"))
