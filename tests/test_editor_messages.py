"""Messages that match how editors type: each mistake from issue 14 gets one message, at its own line,
that says what is wrong in the editor's terms and shows the fix."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.loader import load
from generator.media.printsize import print_pixels_needed
from generator.print_sizes import PORTRAIT_MM
from tests.minimal_project import profile_path, replace_in, write_project

ROOT = Path(__file__).resolve().parents[1]
PROFILE = "workers/wang-xiaoming/profile.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "proj")


def errors(root: Path, capsys) -> list[dict]:
    main(["check", "--root", str(root), "--format", "json"])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return [p for p in json.loads(out.out)["problems"] if p["severity"] == "error"]


def only(root: Path, capsys) -> dict:
    found = errors(root, capsys)
    assert len(found) == 1, found
    return found[0]


def check_text(root: Path, capsys) -> str:
    main(["check", "--root", str(root)])
    out = capsys.readouterr()
    return out.out + out.err


# ---- a colon with no space after it ----------------------------------------------------------

def test_name_without_space_after_colon(project, capsys):
    replace_in(profile_path(project), "name: 王小明", "name:王小明")
    p = only(project, capsys)
    assert (p["code"], p["line"], p["column"]) == ("yaml.colon-space", 1, 6)
    assert "冒号后面要空一格" in p["message"] and "name: 王小明" in p["hint"]


def test_industry_without_space_points_at_its_own_line_not_the_comment_below(project, capsys):
    replace_in(profile_path(project), "industry: 电力\n", "industry:电力\n\n# 性别（可选）\n")
    p = only(project, capsys)
    assert (p["code"], p["line"]) == ("yaml.colon-space", 5)


def test_year_without_space_points_at_its_own_line(project, capsys):
    replace_in(profile_path(project), "year: 2015", "year:2015")
    p = only(project, capsys)
    assert (p["code"], p["line"], p["column"]) == ("yaml.colon-space", 11, 10) and "year: 2015" in p["hint"]


def test_full_width_space_after_colon(project, capsys):
    replace_in(profile_path(project), "employer: 测试电力公司", "employer:\u3000测试电力公司")
    p = only(project, capsys)
    assert (p["code"], p["line"]) == ("yaml.colon-space", 3) and "全角空格" in p["message"]


def test_a_web_address_is_not_a_missing_space(project, capsys):
    replace_in(profile_path(project), "quote: 把每一件小事做好。", "links:\n  - title: 报道\n    url: https://example.org/a")
    assert errors(project, capsys) == []


# ---- indentation ------------------------------------------------------------------------------

def test_five_space_indent_says_how_many_spaces(project, capsys):
    replace_in(profile_path(project), "    level: provincial", "     level: provincial")
    text = check_text(project, capsys)
    assert f"{PROFILE}:10:6: 错误: 「level」的缩进不对：和第 9 行的「title」相比多了 1 个空格" in text
    assert "前面正好 4 个空格" in text and "引号" not in text


def test_three_space_indent(project, capsys):
    replace_in(profile_path(project), "    level: provincial", "   level: provincial")
    p = only(project, capsys)
    assert (p["code"], p["line"]) == ("yaml.indent", 10) and "少了 1 个空格" in p["message"]


def test_top_level_key_indented_by_one_space(project, capsys):
    replace_in(profile_path(project), "employer: 测试电力公司", " employer: 测试电力公司")
    p = only(project, capsys)
    assert (p["code"], p["line"]) == ("yaml.indent", 3) and "删掉这一行前面的空格" in p["hint"]


def test_full_width_space_indent(project, capsys):
    replace_in(profile_path(project), "    level: provincial", "\u3000\u3000level: provincial")
    p = only(project, capsys)
    assert (p["code"], p["line"], p["column"]) == ("yaml.fullwidth-indent", 10, 1)
    assert "全角空格" in p["message"] and "引号" not in p["hint"]


# ---- quotes -----------------------------------------------------------------------------------

def test_chinese_closing_quote(project, capsys):
    replace_in(profile_path(project), "quote: 把每一件小事做好。", 'quote: "干一行: 爱一行”')
    p = only(project, capsys)
    assert (p["line"], p["column"]) == (13, 17)
    assert "结尾的「”」是中文引号" in p["message"] and '英文引号「"」' in p["hint"]


def test_chinese_opening_quote(project, capsys):
    replace_in(profile_path(project), "quote: 把每一件小事做好。", 'quote: “干一行: 爱一行"')
    p = only(project, capsys)
    assert p["line"] == 13 and "中文引号" in p["hint"]


def test_quote_around_part_of_a_value(project, capsys):
    replace_in(profile_path(project), "quote: 把每一件小事做好。", 'quote: "干一行"爱一行')
    p = only(project, capsys)
    assert p["line"] == 13 and "引号后面还有文字" in p["message"]


def test_smart_quotes_around_a_saying_are_taken_off(project, capsys):
    replace_in(profile_path(project), "quote: 把每一件小事做好。", "quote: “把每一件小事做好。”")
    assert load(project).model.workers["wang-xiaoming"].quote == "把每一件小事做好。"
    main(["check", "--root", str(project), "--format", "json"])
    found = json.loads(capsys.readouterr().out)["problems"]
    assert [(p["code"], p["severity"], p["line"]) for p in found] == [("schema.quote-marks", "warning", 13)]


def test_quote_marks_inside_a_saying_stay(project):
    replace_in(profile_path(project), "quote: 把每一件小事做好。", "quote: “干一行”就要“爱一行”")
    assert load(project).model.workers["wang-xiaoming"].quote == "“干一行”就要“爱一行”"


# ---- Chinese keys -----------------------------------------------------------------------------

@pytest.mark.parametrize("line", ["姓名：王小明", "姓名: 王小明", "姓名:王小明"])
def test_chinese_key_is_one_error_with_the_english_key(project, capsys, line):
    replace_in(profile_path(project), "name: 王小明", line)
    p = only(project, capsys)
    assert (p["code"], p["line"]) == ("schema.chinese-key", 1)
    assert "「姓名」" in p["message"] and "「name」" in p["message"] and "name: 王小明" in p["hint"]
    assert load(project).model.workers["wang-xiaoming"].name == "王小明"


def test_chinese_key_of_a_nested_mapping(project, capsys):
    replace_in(profile_path(project), "consent:\n  date:", "同意:\n  日期：")
    found = errors(project, capsys)
    assert [(p["code"], p["line"]) for p in found] == [("schema.chinese-key", 17), ("schema.chinese-key", 18)]


# ---- names where ids belong, and nearest terms ------------------------------------------------

def test_association_name_instead_of_id(project, capsys):
    replace_in(profile_path(project), "association: city", "association: 测试市劳模协会")
    p = only(project, capsys)
    assert (p["code"], p["line"]) == ("ref.missing", 2) and "association: city" in p["hint"]


def test_association_short_name_instead_of_id(project, capsys):
    replace_in(profile_path(project), "association: city", "association: 测试市")
    assert "association: city" in only(project, capsys)["hint"]


def test_worker_name_instead_of_id_in_a_story(project, capsys):
    stories = project / "content" / "stories"
    stories.mkdir()
    (stories / "2024-05-01-wei-wen.md").write_text("---\ntitle: 慰问\nworkers: [王小明]\n---\n正文\n", encoding="utf-8")
    p = only(project, capsys)
    assert (p["code"], p["line"]) == ("ref.missing", 3) and "wang-xiaoming" in p["hint"]


@pytest.mark.parametrize("typed,level", [("国家级", "national"), ("全国", "national"), ("省级", "provincial"),
                                         ("市级", "municipal"), ("县级", "county"), ("区县级", "county"),
                                         ("Provincial", "provincial"), ("city", "municipal")])
def test_level_suggestion(project, capsys, typed, level):
    replace_in(profile_path(project), "level: provincial", f"level: {typed}")
    p = only(project, capsys)
    assert (p["code"], p["line"]) == ("schema.enum", 10) and f"level: {level}" in p["hint"]


@pytest.mark.parametrize("typed,term", [("丝绸", "纺织服装"), ("供电", "电力"), ("小学教师", "教育"), ("电力行业", "电力")])
def test_industry_suggests_the_nearest_vocabulary_term(project, capsys, typed, term):
    replace_in(project / "content" / "site.yml", "industries: [制造业, 电力, 教育]", "industries: [制造业, 电力, 教育, 纺织服装]")
    replace_in(profile_path(project), "industry: 电力", f"industry: {typed}")
    main(["check", "--root", str(project), "--format", "json"])
    p = [p for p in json.loads(capsys.readouterr().out)["problems"] if p["code"] == "vocab.industry"][0]
    assert p["line"] == 5 and f"industry: {term}" in p["hint"]


def test_booklet_association_by_name(project, capsys, tmp_path):
    assert main(["booklet", "--root", str(project), "--association", "测试", "--out", str(tmp_path / "b")]) == 1
    err = capsys.readouterr().err
    assert "「测试市劳模协会」的编号是 city" in err and "--association city" in err
    assert not (tmp_path / "b").exists()


def test_new_worker_association_by_name(project, capsys):
    assert main(["new", "worker", "李华", "--association", "测试市劳模协会", "--root", str(project)]) == 2
    assert "--association city" in capsys.readouterr().err


# ---- files, consent, names that exist ---------------------------------------------------------

def test_misnamed_portrait_lists_the_images_in_the_folder(project, capsys):
    (project / "workers" / "wang-xiaoming" / "portrait.jpg").rename(project / "workers" / "wang-xiaoming" / "IMG_2041.jpg")
    p = only(project, capsys)
    assert (p["code"], p["line"]) == ("media.missing", 12)
    assert "这个文件夹里有：IMG_2041.jpg、work.jpg" in p["hint"]


def test_missing_consent_shows_date_and_note(project, capsys):
    replace_in(profile_path(project), "consent:\n  date: 2024-03-01\n  note: 书面同意\n", "")
    p = only(project, capsys)
    assert p["code"] == "schema.required" and "consent" in p["message"]
    assert "date: " in p["hint"] and "note: " in p["hint"] and "draft: true" in p["hint"]


def test_new_worker_whose_name_exists_says_so_first(project, capsys):
    assert main(["new", "worker", "王小明", "--association", "city", "--root", str(project)]) == 0
    out = capsys.readouterr().out
    assert "已经有叫「王小明」的劳模：workers/wang-xiaoming/（测试电力公司）" in out
    assert out.index("已经有叫") < out.index("已新建") and "wang-xiaoming-2" in out


def test_new_worker_with_a_new_name_says_nothing_about_others(project, capsys):
    assert main(["new", "worker", "李华", "--association", "city", "--root", str(project)]) == 0
    assert "已经有" not in capsys.readouterr().out


def test_guide_and_check_agree_on_the_portrait_size():
    guide = (ROOT / "docs" / "编辑指南.md").read_text(encoding="utf-8")
    template = (ROOT / "generator" / "scaffold" / "templates" / "worker.yml").read_text(encoding="utf-8")
    for paper in ("A5", "A4"):
        w, h = print_pixels_needed(*PORTRAIT_MM[paper])
        assert f"{w}×{h}" in guide and f"{w}×{h}" in template
    assert not re.search(r"1200 ?像素", guide + template)
