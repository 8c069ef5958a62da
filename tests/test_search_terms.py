"""What search reads and writes at build time: the synonyms table (content/search.yml) and its problems,
the pinyin forms on worker pages, the word table both search pages load, the offline copy's records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.loader import load
from generator.site.search_lexicon import lexicon
from generator.site.search_terms import name_aliases, phrase_chars, pinyin_forms
from tests.minimal_project import write_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = write_project(tmp_path / "proj")
    site = root / "content" / "site.yml"
    site.write_text(site.read_text(encoding="utf-8") + "province: 浙江省\ncity: 湖州市\n", encoding="utf-8")
    return root


def _check(root: Path, capsys) -> tuple[int, str, list[dict]]:
    code = main(["check", "--root", str(root), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    text_code = main(["check", "--root", str(root)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert text_code == code
    return code, out.out + out.err, data["problems"]


def _search_yml(root: Path, text: str) -> None:
    (root / "content" / "search.yml").write_text(text, encoding="utf-8")


def test_synonyms_take_province_and_city_from_site_settings(project):
    _search_yml(project, 'synonyms:\n  省劳模: "{省}劳动模范"\n  "{市简称}劳模": "{市}劳动模范"\n'
                         "  五一奖章: [五一劳动奖章, 五一劳动奖状]\n")
    syn = {s.term: s.means for s in load(project).model.site.synonyms}
    assert syn == {"省劳模": ("浙江省劳动模范",), "湖州劳模": ("湖州市劳动模范",), "五一奖章": ("五一劳动奖章", "五一劳动奖状")}


def test_the_sample_table_expands_the_usual_abbreviations():
    root = Path(__file__).resolve().parents[1]
    syn = {s.term: s.means for s in load(root).model.site.synonyms}
    assert syn["全国劳模"] == ("全国劳动模范",) and syn["省劳模"] == ("浙江省劳动模范",)
    assert syn["市劳模"] == ("湖州市劳动模范",) and syn["五一奖章"] == ("五一劳动奖章",)


def test_unknown_placeholder_is_an_error_with_line_and_fix(project, capsys):
    _search_yml(project, "synonyms:\n  全国劳模: 全国劳动模范\n  县劳模: \"{县}劳动模范\"\n")
    code, text, probs = _check(project, capsys)
    assert code == 1
    assert "content/search.yml:3:" in text and "不认识的占位符「{县}」" in text
    assert "可用的占位符：{省} {市} {省简称} {市简称}" in text
    assert [p["code"] for p in probs if p["file"] == "content/search.yml"] == ["search.placeholder"]


def test_placeholder_without_province_in_site_settings_says_where_to_add_it(tmp_path, capsys):
    root = write_project(tmp_path / "proj")          # its site.yml has no province
    _search_yml(root, 'synonyms:\n  省劳模: "{省}劳动模范"\n')
    code, text, _ = _check(root, capsys)
    assert code == 1
    assert "content/search.yml:2:" in text
    assert "用到了「{省}」，但 content/site.yml 里没有填写 province" in text and "province: 浙江省" in text


def test_empty_term_space_same_and_short_terms(project, capsys):
    _search_yml(project, "synonyms:\n  全国劳模: \"\"\n  全国 劳模: 全国劳动模范\n  劳动模范: 劳动模范\n  省: 浙江省\n")
    code, text, probs = _check(project, capsys)
    codes = sorted((p["line"], p["code"], p["severity"]) for p in probs if p["file"] == "content/search.yml")
    assert codes == [(2, "search.empty", "error"), (3, "search.space", "error"),
                     (4, "search.same", "warning"), (5, "search.short", "warning")]
    assert code == 1 and "简称「全国 劳模」中间有空格" in text


def test_a_list_in_the_wrong_place_is_a_type_error(project, capsys):
    _search_yml(project, "synonyms:\n  全国劳模:\n    全称: 全国劳动模范\n")
    code, text, probs = _check(project, capsys)
    assert code == 1 and any(p["code"] == "schema.type" and p["line"] == 3 for p in probs), probs


def test_unknown_top_level_key(project, capsys):
    _search_yml(project, "synonym:\n  全国劳模: 全国劳动模范\n")
    code, text, _ = _check(project, capsys)
    assert code == 1 and "不认识的键「synonym」" in text and "synonyms" in text


class _W:
    """Just the name fields name_aliases reads."""

    def __init__(self, name, surname, given, syl):
        self.name, self.surname, self.given_name, self.pinyin_syllables = name, surname, given, syl


def test_worker_pages_carry_full_mixed_and_initial_pinyin():
    assert pinyin_forms(("sun", "mei", "jin")) == ["sunmeijin", "sunmeij", "sunmj", "smj"]
    aliases = name_aliases(_W("孙梅金", "孙", "梅金", ("sun", "mei", "jin")))
    for expected in ("孙 梅 金", "孙梅金", "梅金", "sunmeijin", "sunmj", "smj", "meijin", "mj"):
        assert expected in aliases
    compound = name_aliases(_W("欧阳青松", "欧阳", "青松", ("ou", "yang", "qing", "song")))
    assert "ouyangqs" in compound and "oyqs" in compound and "qingsong" in compound
    assert phrase_chars("湖州清源电力", "浙江省劳动模范") == "湖 州 清 源 电 力 浙 江 省 劳 动 模 范"


def test_a_surname_read_its_own_way_is_also_found_by_its_everyday_reading():
    shan = name_aliases(_W("单立新", "单", "立新", ("shan", "li", "xin")))
    assert "shanlixin" in shan and "danlixin" in shan and "danlx" in shan
    assert "dlx" not in shan                          # initials alone stay the name's own
    sun = name_aliases(_W("孙梅金", "孙", "梅金", ("sun", "mei", "jin")))
    assert [a for a in sun if a.isascii()] == ["sunmeijin", "sunmeij", "sunmj", "smj", "meijin", "meij", "mj"]


def test_word_table_maps_traditional_characters_and_readings():
    root = Path(__file__).resolve().parents[1]
    lex = lexicon(load(root).model.public())
    pairs = {lex["t2s"][i]: lex["t2s"][i + 1] for i in range(0, len(lex["t2s"]), 2)}
    assert pairs["歐"] == "欧" and pairs["陽"] == "阳" and pairs["國"] == "国"
    assert "送" in lex["pinyin"]["song"] and "松" in lex["pinyin"]["song"]
    assert "曾" in lex["pinyin2"]["zeng"] or "曾" in lex["pinyin"]["zeng"]
    assert lex["surnames"]["曾"] == "zeng" and lex["surnames"]["尉迟"] == "yu chi"
    assert lex["synonyms"]["全国劳模"] == ["全国劳动模范"]
