"""`fengcai check`: one minimal bad fixture per rule; the message names the right file, line and fix."""

from __future__ import annotations

import json
import zlib
import struct
from pathlib import Path

import pytest
from PIL import Image

from generator.cli import main
from tests.minimal_project import profile_path, replace_in, write_project

PROFILE = "workers/wang-xiaoming/profile.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "proj")


def run_check(root: Path, capsys, *extra: str) -> tuple[int, str]:
    code = main(["check", "--root", str(root), *extra])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out + out.err


def problems(root: Path, capsys) -> list[dict]:
    code = main(["check", "--root", str(root), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == (0 if data["ok"] else 1)
    return data["problems"]


def only_error(root: Path, capsys, code: str) -> dict:
    found = [p for p in problems(root, capsys) if p["code"] == code]
    assert found, f"no {code} problem"
    return found[0]


def test_clean_project_passes(project, capsys):
    code, out = run_check(project, capsys)
    assert code == 0, out
    assert "检查通过" in out


def test_fullwidth_colon(project, capsys):
    replace_in(profile_path(project), "employer: 测试电力公司", "employer：测试电力公司")
    code, out = run_check(project, capsys)
    assert code == 1
    assert f"{PROFILE}:3:9: 错误:" in out and "全角冒号" in out and "半角冒号" in out


def test_chinese_key_with_fullwidth_colon(project, capsys):
    """One error, with the English key and the whole corrected line (not three contradicting ones)."""
    replace_in(profile_path(project), "position: 检修班班长", "岗位：检修班班长")
    found = [p for p in problems(project, capsys) if p["severity"] == "error"]
    assert len(found) == 1, found
    p = found[0]
    assert (p["file"], p["line"], p["code"]) == (PROFILE, 4, "schema.chinese-key")
    assert "「岗位」" in p["message"] and "position: 检修班班长" in p["hint"]


def test_tab_indent(project, capsys):
    replace_in(profile_path(project), "    level: provincial", "\tlevel: provincial")
    code, out = run_check(project, capsys)
    assert code == 1 and f"{PROFILE}:10:1: 错误: 行首用了 Tab" in out and "空格" in out


def test_gbk_file(project, capsys):
    path = profile_path(project)
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk"))
    code, out = run_check(project, capsys)
    assert code == 1 and PROFILE in out and "请另存为 UTF-8" in out and "GBK" in out


def test_bom_is_accepted(project, capsys):
    path = profile_path(project)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    code, out = run_check(project, capsys)
    assert code == 0, out


def test_fullwidth_digits_in_year(project, capsys):
    replace_in(profile_path(project), "year: 2015", "year: ２０１５")
    p = only_error(project, capsys, "schema.fullwidth-digits")
    assert (p["file"], p["line"]) == (PROFILE, 11) and "2015" in p["hint"]


def test_unknown_key_did_you_mean(project, capsys):
    replace_in(profile_path(project), "employer: 测试电力公司", "employr: 测试电力公司")
    found = problems(project, capsys)
    unknown = [p for p in found if p["code"] == "schema.unknown-key"][0]
    assert unknown["line"] == 3 and "employer" in unknown["hint"]
    assert any(p["code"] == "schema.required" and "employer" in p["message"] for p in found)


def test_chinese_key_is_mapped(project, capsys):
    replace_in(profile_path(project), "quote: 把每一件小事做好。", "格言: 把每一件小事做好。")
    found = [p for p in problems(project, capsys) if p["severity"] == "error"]
    assert [(p["code"], p["line"]) for p in found] == [("schema.chinese-key", 13)]
    assert "quote: 把每一件小事做好。" in found[0]["hint"]


def test_missing_required_key(project, capsys):
    replace_in(profile_path(project), "industry: 电力\n", "")
    p = only_error(project, capsys, "schema.required")
    assert p["file"] == PROFILE and "industry" in p["message"]


def test_bad_level_enum(project, capsys):
    replace_in(profile_path(project), "level: provincial", "level: 省级")
    p = only_error(project, capsys, "schema.enum")
    assert p["line"] == 10 and "provincial" in p["hint"]


def test_year_out_of_range(project, capsys):
    replace_in(profile_path(project), "year: 2015", "year: 3015")
    assert only_error(project, capsys, "schema.range")["line"] == 11


def test_unknown_association_did_you_mean(project, capsys):
    replace_in(profile_path(project), "association: city", "association: ctiy")
    p = only_error(project, capsys, "ref.missing")
    assert (p["file"], p["line"]) == (PROFILE, 2) and "city" in p["hint"]


def test_unknown_industry_is_a_warning(project, capsys):
    replace_in(profile_path(project), "industry: 电力", "industry: 电力行业")
    code, out = run_check(project, capsys)
    assert code == 0 and f"{PROFILE}:5:11: 警告: 行业「电力行业」" in out and "电力" in out


def test_unknown_honor_title_warning(project, capsys):
    replace_in(profile_path(project), "title: 浙江省劳动模范", "title: 浙江省劳动模")
    found = [p for p in problems(project, capsys) if p["code"] == "vocab.honor"]
    assert found and found[0]["severity"] == "warning" and "浙江省劳动模范" in found[0]["hint"]


def test_invalid_folder_slug(project, capsys):
    (project / "workers" / "wang-xiaoming").rename(project / "workers" / "王小明")
    code, out = run_check(project, capsys)
    assert code == 1 and "workers/王小明/profile.yml" in out and "小写字母" in out


def test_missing_photo(project, capsys):
    replace_in(profile_path(project), "portrait: portrait.jpg", "portrait: portrait.JPG.jpg")
    p = only_error(project, capsys, "media.missing")
    assert (p["file"], p["line"]) == (PROFILE, 12)


def test_photo_path_leaving_folder(project, capsys):
    replace_in(profile_path(project), "portrait: portrait.jpg", "portrait: ../../etc/passwd")
    code, out = run_check(project, capsys)
    assert code == 1 and f"{PROFILE}:12:" in out and "跳出了所在文件夹" in out


def test_absolute_photo_path(project, capsys):
    replace_in(profile_path(project), "portrait: portrait.jpg", "portrait: /etc/passwd")
    assert only_error(project, capsys, "media.path")["line"] == 12


def test_symlink_out_of_folder(project, capsys, tmp_path):
    outside = tmp_path / "secret.jpg"
    Image.new("RGB", (10, 10)).save(outside)
    (project / "workers" / "wang-xiaoming" / "link.jpg").symlink_to(outside)
    replace_in(profile_path(project), "portrait: portrait.jpg", "portrait: link.jpg")
    assert "链接" in only_error(project, capsys, "media.path")["message"]


def test_not_an_image(project, capsys):
    (project / "workers" / "wang-xiaoming" / "portrait.jpg").write_text("这不是图片", encoding="utf-8")
    p = only_error(project, capsys, "media.image")
    assert (p["file"], p["line"]) == (PROFILE, 12) and "portrait.jpg" in p["message"]


def test_truncated_image(project, capsys):
    path = project / "workers" / "wang-xiaoming" / "work.jpg"
    path.write_bytes(path.read_bytes()[:400])
    p = only_error(project, capsys, "media.image")
    assert p["line"] == 15


def _huge_png(path: Path, w: int, h: int) -> None:
    """A 1-bit PNG whose header claims w×h pixels; compresses to a few KB."""
    raw = zlib.compress(b"".join(b"\x00" + b"\x00" * ((w + 7) // 8) for _ in range(h)), 9)
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 1, 0, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def test_decompression_bomb(project, capsys):
    _huge_png(project / "workers" / "wang-xiaoming" / "work.png", 20000, 20000)
    replace_in(profile_path(project), "file: work.jpg", "file: work.png")
    code, out = run_check(project, capsys)
    assert code == 1 and f"{PROFILE}:15:" in out and "work.png" in out


def test_svg_portrait(project, capsys):
    (project / "workers" / "wang-xiaoming" / "p.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    replace_in(profile_path(project), "portrait: portrait.jpg", "portrait: p.svg")
    assert "SVG" in only_error(project, capsys, "media.image")["message"]


def test_low_resolution_portrait_warns(project, capsys):
    Image.new("RGB", (200, 260), (1, 2, 3)).save(project / "workers" / "wang-xiaoming" / "portrait.jpg")
    found = [p for p in problems(project, capsys) if p["code"] == "media.print-resolution"]
    assert found and found[0]["severity"] == "warning" and "像素" in found[0]["message"]


def test_gallery_caption_required(project, capsys):
    replace_in(profile_path(project), "    caption: 在变电站检修设备\n", "")
    p = only_error(project, capsys, "schema.required")
    assert p["line"] == 15 and "caption" in p["message"]


def test_id_number_in_story(project, capsys):
    story = project / "workers" / "wang-xiaoming" / "story.md"
    story.write_text("王小明在检修一线工作。\n他的证件号是 11010519491231002X。\n", encoding="utf-8")
    p = only_error(project, capsys, "privacy.id-number")
    assert (p["file"], p["line"]) == ("workers/wang-xiaoming/story.md", 2)


def test_ordinary_long_number_passes(project, capsys):
    (project / "workers" / "wang-xiaoming" / "story.md").write_text("项目编号 110105194912310021。\n", encoding="utf-8")
    assert not [p for p in problems(project, capsys) if p["code"].startswith("privacy")]


def test_mobile_number(project, capsys):
    replace_in(profile_path(project), "quote: 把每一件小事做好。", "quote: 有事打我电话 139 1234 5678")
    assert only_error(project, capsys, "privacy.mobile")["line"] == 13


def test_full_birth_date(project, capsys):
    (project / "workers" / "wang-xiaoming" / "story.md").write_text("王小明1975年3月12日出生于南浔。\n", encoding="utf-8")
    assert only_error(project, capsys, "privacy.birth-date")["line"] == 1


def test_home_address(project, capsys):
    (project / "workers" / "wang-xiaoming" / "story.md").write_text("他家住吴兴区幸福小区3幢2单元501室。\n", encoding="utf-8")
    assert only_error(project, capsys, "privacy.address")["file"] == "workers/wang-xiaoming/story.md"


def test_consent_required(project, capsys):
    replace_in(profile_path(project), "consent:\n  date: 2024-03-01\n  note: 书面同意\n", "")
    p = only_error(project, capsys, "schema.required")
    assert "consent" in p["message"] and p["file"] == PROFILE


def test_draft_needs_no_consent(project, capsys):
    replace_in(profile_path(project), "consent:\n  date: 2024-03-01\n  note: 书面同意\n", "draft: true\n")
    code, out = run_check(project, capsys)
    assert code == 0, out


def test_same_person_twice(project, capsys):
    src = project / "workers" / "wang-xiaoming"
    dst = project / "workers" / "wang-xiaoming-2"
    dst.mkdir()
    for f in src.iterdir():
        (dst / f.name).write_bytes(f.read_bytes())
    p = only_error(project, capsys, "duplicate.person")
    assert p["file"] == "workers/wang-xiaoming-2/profile.yml" and "wang-xiaoming" in p["message"]


def test_yaml_alias_bomb_refused(project, capsys):
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i, (x, y) in enumerate(zip("bcdefghi", "abcdefgh")):
        bomb += f"{x}: &{x} [*{y},*{y},*{y},*{y},*{y},*{y},*{y},*{y},*{y}]\n"
    profile_path(project).write_text(bomb, encoding="utf-8")
    code, out = run_check(project, capsys)
    assert code == 1 and f"{PROFILE}:1:4: 错误: 不支持 YAML 锚点和别名" in out


def test_script_in_markdown(project, capsys):
    (project / "workers" / "wang-xiaoming" / "story.md").write_text("正文\n\n<script>alert(1)</script>\n", encoding="utf-8")
    p = only_error(project, capsys, "markdown.script")
    assert (p["file"], p["line"]) == ("workers/wang-xiaoming/story.md", 3)


def test_duplicate_key(project, capsys):
    replace_in(profile_path(project), "position: 检修班班长", "name: 王大明")
    p = only_error(project, capsys, "yaml.duplicate-key")
    assert p["line"] == 4


def test_bad_url(project, capsys):
    replace_in(profile_path(project), "quote: 把每一件小事做好。", "links:\n  - title: 报道\n    url: javascript:alert(1)")
    assert only_error(project, capsys, "schema.url")["line"] == 15


def test_story_date_mismatch(project, capsys):
    stories = project / "content" / "stories"
    stories.mkdir()
    (stories / "2024-05-01-wei-wen.md").write_text("---\ntitle: 慰问\ndate: 2024-05-02\nworkers: [wang-xiaoming, nobody]\n---\n正文\n", encoding="utf-8")
    found = problems(project, capsys)
    assert any(p["code"] == "story.date-mismatch" and p["line"] == 3 for p in found)
    assert any(p["code"] == "ref.missing" and p["line"] == 4 and p["file"].endswith("2024-05-01-wei-wen.md") for p in found)


def test_all_problems_in_one_run(project, capsys):
    replace_in(profile_path(project), "employer: 测试电力公司", "employer：测试电力公司")
    replace_in(profile_path(project), "year: 2015", "year: ２０１５")
    (project / "workers" / "wang-xiaoming" / "story.md").write_text("电话 13912345678\n", encoding="utf-8")
    codes = {p["code"] for p in problems(project, capsys)}
    assert {"yaml.fullwidth-colon", "schema.fullwidth-digits", "privacy.mobile"} <= codes


def test_github_format(project, capsys):
    replace_in(profile_path(project), "association: city", "association: ctiy")
    code = main(["check", "--root", str(project), "--format", "github"])
    out = capsys.readouterr().out
    assert code == 1 and f"::error file={PROFILE},line=2,col=14," in out


def test_placeholder_left(project, capsys):
    replace_in(profile_path(project), "position: 检修班班长", "position: 【待填写：岗位】")
    p = only_error(project, capsys, "content.placeholder")
    assert p["line"] == 4 and "岗位" in p["message"]


def test_probe_memo_notices_a_changed_photo(project, capsys):
    assert run_check(project, capsys)[0] == 0          # fills the memo
    assert (project / ".cache" / "probe-memo.json").is_file()
    path = project / "workers" / "wang-xiaoming" / "work.jpg"
    path.write_bytes(path.read_bytes()[:400])           # damaged after the first check
    assert only_error(project, capsys, "media.image")["line"] == 15


def test_unfinished_draft_only_warns_and_does_not_stop_the_build(tmp_path):
    """An imported or half-written draft is published nowhere: its own unfinished fields are warnings
    (so 137 imported drafts do not block the association's site), personal data in it stays an error."""
    from generator.check import check_tree
    root = write_project(tmp_path)
    profile = profile_path(root)
    replace_in(profile, "employer: 测试电力公司", "employer: 【待填写：工作单位全称】\ndraft: true")
    _model, report = check_tree(root)
    placeholder = [p for p in report.problems if p.code == "content.placeholder"]
    assert report.ok and placeholder and not placeholder[0].is_error
    assert "草稿" in placeholder[0].hint and placeholder[0].loc.file.endswith("profile.yml")
    replace_in(profile, "draft: true", "draft: false")
    _model, report = check_tree(root)
    assert not report.ok and any(p.code == "content.placeholder" and p.is_error for p in report.problems)
    replace_in(profile, "draft: false", "draft: true")
    replace_in(root / "workers" / "wang-xiaoming" / "story.md", "他带出了很多徒弟。", "他的手机 13812345678。")
    _model, report = check_tree(root)
    assert not report.ok and any(p.code.startswith("privacy.") and p.is_error for p in report.problems)
