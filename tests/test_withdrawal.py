"""Withdrawal that really withdraws (docs/编辑指南.md, 撤回同意).

A person who leads a studio, is written about in a collective's text and is listed in a story withdraws
consent (`consent: withdrawn:`). `fengcai check` points at every sentence of other published items that
still names them; after the editor rewrites those sentences as the guide says, the site, its offline
and kiosk copies and every booklet are built, and no output file contains the name: HTML, Pagefind
fragments (gzip), the offline search data, PDFs (pdftotext), feed, sitemap, CSV and JSON.
"""

from __future__ import annotations

import datetime as dt
import gzip
import subprocess
from pathlib import Path

import pytest

from generator.check import check_tree
from generator.cli import main as fengcai
from minimal_project import profile_path, replace_in, write_project

NAME = "王小明"
WID = "wang-xiaoming"
TODAY = dt.date.today().isoformat()


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def project(base: Path) -> Path:
    """The minimal project plus: a district association, a second worker (李华, in the district) who is
    王小明's apprentice and a member of the studio he leads, a collective and a story about them."""
    root = write_project(base)
    _write(root / "content/associations/district.yml", "name: 测试区劳模协会\nshort_name: 测试区\nparent: city\n")
    _write(root / "content/associations/district.md", "测试区劳模协会成立于 2001 年。\n")
    other = root / "workers" / "li-hua"
    other.mkdir()
    for photo in ("portrait.jpg", "work.jpg"):
        (other / photo).write_bytes((root / "workers" / WID / photo).read_bytes())
    profile = (profile_path(root).read_text(encoding="utf-8").replace("name: 王小明", "name: 李华")
               .replace("association: city", "association: district")
               .replace("caption: 在变电站检修设备", "caption: 和王小明师傅一起在变电站检修设备"))
    _write(other / "profile.yml", profile + "studio: xiaoming-jianxiu\n")
    _write(other / "story.md", "李华是王小明的徒弟，跟着师傅学了十年带电作业。\n\n她后来也当上了班长。\n")
    _write(root / "content/studios/xiaoming-jianxiu.yml",
           "name: 王小明检修创新工作室\nassociation: city\nlevel: municipal\nleader: wang-xiaoming\nmembers: 8\n"
           "summary: 由王小明领衔，专攻配网检修工法。\n")
    _write(root / "content/studios/xiaoming-jianxiu.md", "工作室每月开一次技术课。\n")
    _write(root / "content/collectives/jianxiu-ban.yml",
           "name: 测试电力公司检修一班\nassociation: city\nmembers: 12\nsummary: 连续十年零事故的检修班组。\n"
           "honors:\n  - title: 湖州市劳动模范\n    level: municipal\n    year: 2020\n")
    _write(root / "content/collectives/jianxiu-ban.md", "班组里既有老劳模王小明，也有刚进厂的年轻人。\n")
    _write(root / "content/stories/2024-05-01-wei-wen.md",
           "---\ntitle: 五一慰问一线劳模\nassociation: city\nworkers: [wang-xiaoming, li-hua]\n"
           "summary: 协会走访王小明等检修一线劳模。\n---\n\n五一前夕，协会走访了王小明和李华师徒。\n")
    return root


def withdraw(root: Path) -> None:
    """What the guide says to do first: keep the consent record and add the date it was withdrawn."""
    replace_in(profile_path(root), "  note: 书面同意\n", f"  note: 书面同意\n  withdrawn: {TODAY}\n")


def follow_the_guide(root: Path) -> None:
    """What the guide says to do with each reported sentence: rewrite it without the name."""
    replace_in(root / "workers/li-hua/profile.yml", "和王小明师傅一起在变电站检修设备", "和师傅一起在变电站检修设备")
    replace_in(root / "workers/li-hua/story.md", "李华是王小明的徒弟", "李华是一位老劳模的徒弟")
    replace_in(root / "content/studios/xiaoming-jianxiu.yml", "name: 王小明检修创新工作室", "name: 配网检修创新工作室")
    replace_in(root / "content/studios/xiaoming-jianxiu.yml", "由王小明领衔，", "")
    replace_in(root / "content/collectives/jianxiu-ban.md", "老劳模王小明", "多位老劳模")
    replace_in(root / "content/stories/2024-05-01-wei-wen.md", "走访了王小明和李华师徒", "走访了李华等一线劳模")
    replace_in(root / "content/stories/2024-05-01-wei-wen.md", "走访王小明等", "走访")


def output_texts(folder: Path):
    """(path, text) of every file a reader can get, PDFs as pdftotext sees them, Pagefind fragments unzipped."""
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".pdf":
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                                  text=True, check=True).stdout
        elif path.suffix == ".pf_fragment":
            text = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        elif path.suffix in (".html", ".xml", ".json", ".csv", ".js", ".txt", ".vtt", ".css", ".svg", ".webmanifest"):
            text = path.read_text(encoding="utf-8-sig", errors="replace")
        else:
            continue
        yield path, text


def hits(folder: Path, needle: str) -> list[str]:
    return [str(p.relative_to(folder)) for p, text in output_texts(folder) if needle in text]


def run(*argv: str) -> int:
    return fengcai(list(argv))


@pytest.fixture(scope="module")
def withdrawn(tmp_path_factory):
    base = tmp_path_factory.mktemp("withdrawal")
    root = project(base / "project")
    # before: the name is everywhere (so the searches below can find it when it is there)
    assert run("build", "--root", str(root), "--out", str(base / "before")) == 0
    assert run("booklet", "--root", str(root), "--out", str(base / "before-booklets"), "--association", "city") == 0
    return base, root


def test_the_searches_find_the_name_while_it_is_published(withdrawn):
    base, root = withdrawn
    found = (hits(base / "before", NAME) + hits(base / "before-booklets", NAME)
             + ["booklets/" + h for h in hits(root / "booklets", NAME)])      # `fengcai build` puts booklets there
    for expected in ("workers/wang-xiaoming/index.html", "studios/xiaoming-jianxiu/index.html", "data/workers.csv",
                     "data/workers.json", "feed.xml", "city.pdf"):
        assert any(h.endswith(expected) for h in found), (expected, found)
    assert any(h.startswith("pagefind/fragment/") for h in found), found
    assert any(h.startswith("booklets/") for h in found), found
    assert WID in (base / "before" / "sitemap.xml").read_text(encoding="utf-8")


def test_withdrawal_end_to_end(withdrawn, capsys):
    base, root = withdrawn
    withdraw(root)
    capsys.readouterr()

    # 1. check names every sentence in other published items that still mentions the person
    assert run("check", "--root", str(root)) == 1
    out = capsys.readouterr().out
    reported = [line for line in out.splitlines() if ": 错误: 这里提到了" in line]
    expected = [
        "workers/li-hua/profile.yml:16:15:", "workers/li-hua/story.md:1:4:",
        "content/studios/xiaoming-jianxiu.yml:1:7:", "content/studios/xiaoming-jianxiu.yml:6:11:",
        "content/collectives/jianxiu-ban.md:1:9:", "content/stories/2024-05-01-wei-wen.md:5:14:",
        "content/stories/2024-05-01-wei-wen.md:8:11:",
    ]
    for where in expected:
        assert any(line.startswith(where) for line in reported), (where, out)
    assert len(reported) == len(expected), out
    assert f"这里提到了「{NAME}」，此人已于 {TODAY} 撤回公开同意" in out
    assert "namesakes: [王小明]" in out                       # the way to mark a namesake is in the hint
    assert "workers/wang-xiaoming/" not in "\n".join(l.split(":")[0] for l in reported)   # their own files are not reported

    # 2. every publishing command refuses meanwhile
    assert run("build", "--root", str(root), "--out", str(base / "refused"), "--no-booklets") == 1
    assert run("booklet", "--root", str(root), "--out", str(base / "refused-booklets")) == 1
    assert not (base / "refused").exists() and not (base / "refused-booklets").exists()

    # 3. the editor rewrites the sentences; the story's `workers:` list and the studio's `leader:` stay as they were
    follow_the_guide(root)
    assert run("check", "--root", str(root)) == 0
    out = capsys.readouterr().out
    assert "已撤回公开同意" in out and "ref.draft" not in out   # a warning about the story's list, not an error

    # 4. everything a reader can get, built: site (+ booklets), offline copy, kiosk copy, every booklet
    outputs = {"site": ("build", "--out", str(base / "site")),
               "offline": ("build", "--offline", "--no-booklets", "--out", str(base / "offline")),
               "kiosk": ("build", "--kiosk", "--no-booklets", "--out", str(base / "kiosk")),
               "booklets": ("booklet", "--out", str(base / "booklets")),
               "city": ("booklet", "--association", "city", "--out", str(base / "city"))}
    for name, argv in outputs.items():
        assert run(*argv, "--root", str(root)) == 0, name
    assert list((root / "booklets").glob("*.pdf")) and list((base / "booklets").glob("*.pdf"))   # build's, booklet's
    assert list((base / "site" / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert (base / "offline" / "search-data.js").is_file() and (base / "offline.zip").is_file()

    # 5. the name is in no output file; the pages that listed the person are still there, without them
    for folder in [base / name for name in outputs] + [root / "booklets"]:
        assert hits(folder, NAME) == [], folder
        assert hits(folder, f"workers/{WID}/") == [], folder
    site = base / "site"
    assert not (site / "workers" / WID).exists()
    studio = (site / "studios/xiaoming-jianxiu/index.html").read_text(encoding="utf-8")
    assert "配网检修创新工作室" in studio and "李华" in studio and "领衔人" not in studio
    story = (site / "stories/2024-05-01-wei-wen/index.html").read_text(encoding="utf-8")
    assert "走访了李华等一线劳模" in story and "li-hua" in story
    assert "李华" in (site / "data/workers.csv").read_text(encoding="utf-8-sig")
    assert "多位老劳模" in (site / "collectives/jianxiu-ban/index.html").read_text(encoding="utf-8")


def test_namesakes_mark_another_person_of_the_same_name(tmp_path):
    """`namesakes: [王小明]` in an item silences that name in that item only."""
    root = project(tmp_path / "p")
    withdraw(root)
    follow_the_guide(root)
    story = root / "content/stories/2024-06-01-lao-wang.md"
    _write(story, "---\ntitle: 退休职工王小明的书法展\n---\n\n退休职工王小明办了一场书法展。\n")
    _model, report = check_tree(root)
    found = [p for p in report.errors if p.code == "privacy.unpublished-name"]
    assert [(p.loc.file, p.loc.line, p.loc.col) for p in found] == [
        ("content/stories/2024-06-01-lao-wang.md", 2, 12), ("content/stories/2024-06-01-lao-wang.md", 5, 5)]
    assert "content/stories/2024-06-01-lao-wang.md 开头的信息（两行 --- 之间）里加一行 namesakes: [王小明]" in found[0].hint
    _write(story, "---\ntitle: 退休职工王小明的书法展\nnamesakes: [王小明]\n---\n\n退休职工王小明办了一场书法展。\n")
    _model, report = check_tree(root)
    assert report.ok, report.format_text()


def test_a_draft_is_treated_like_a_withdrawal(tmp_path):
    root = project(tmp_path / "p")
    replace_in(profile_path(root), "consent:", "draft: true\nconsent:")
    _model, report = check_tree(root)
    found = [p for p in report.errors if p.code == "privacy.unpublished-name"]
    assert len(found) == 7 and "的资料还是草稿、没有公开" in found[0].message
    follow_the_guide(root)
    model, report = check_tree(root)
    assert report.ok
    public = model.public()
    assert WID not in public.workers and public.studios["xiaoming-jianxiu"].leader == ""
    assert public.stories["2024-05-01-wei-wen"].workers == ["li-hua"]
    assert model.referrers("worker", WID) == {("studio", "xiaoming-jianxiu"), ("story", "2024-05-01-wei-wen")}


def test_names_in_caption_and_transcript_files_are_reported(tmp_path):
    root = project(tmp_path / "p")
    withdraw(root)
    follow_the_guide(root)
    folder = root / "workers" / "li-hua"
    (folder / "talk.mp3").write_bytes(b"ID3" + bytes(64))
    (folder / "clip.mp4").write_bytes(bytes(64))
    _write(folder / "talk.txt", "问：您的师傅是谁？\n答：是王小明师傅。\n")
    _write(folder / "clip.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n王小明师傅在示范。\n")
    with (folder / "profile.yml").open("a", encoding="utf-8") as f:
        f.write("audio:\n  - file: talk.mp3\n    transcript: talk.txt\nvideos:\n  - file: clip.mp4\n    captions: clip.vtt\n")
    _model, report = check_tree(root)
    found = {(p.loc.file, p.loc.line, p.loc.col) for p in report.errors if p.code == "privacy.unpublished-name"}
    assert found == {("workers/li-hua/talk.txt", 2, 4), ("workers/li-hua/clip.vtt", 4, 1)}
