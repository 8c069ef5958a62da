"""Strings first: every YAML scalar reaches the readers as the text the editor typed; typed fields
parse that text and report what they cannot read at its line. One mistake per fixture."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.loader import load
from tests.minimal_project import profile_path, replace_in, write_project

PROFILE = "workers/wang-xiaoming/profile.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "proj")


def problems(root: Path, capsys) -> list[dict]:
    main(["check", "--root", str(root), "--format", "json"])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return json.loads(out.out)["problems"]


def one(root: Path, capsys, code: str) -> dict:
    found = [p for p in problems(root, capsys) if p["code"] == code]
    assert len(found) == 1, found
    return found[0]


def worker(root: Path):
    result = load(root)
    return result.model.workers["wang-xiaoming"], result.problems


# ---- text stays text --------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["05725000100", "1:20", "yes", "no", "on", "off", "1e3", "0x1F", ".nan",
                                   "2024-03-01", "12:30:00", "true", "0o17", "1_000", "+1"])
def test_text_fields_get_exactly_what_was_typed(project, typed):
    replace_in(profile_path(project), "position: 检修班班长", f"position: {typed}")
    w, found = worker(project)
    assert w.position == typed
    assert not [p for p in found if p.is_error]


def test_office_phone_keeps_its_leading_zero(project):
    replace_in(project / "content" / "associations" / "city.yml", "phone: 0572-2123456", "phone: 05725000100")
    assert load(project).model.associations["city"].contact.phone == "05725000100"


def test_vocabulary_terms_and_titles_are_text(project):
    replace_in(project / "content" / "site.yml", "industries: [制造业, 电力, 教育]", "industries: [制造业, 电力, 教育, yes, 2015]")
    assert load(project).model.site.industries == ["制造业", "电力", "教育", "yes", "2015"]


def test_story_front_matter_title_is_text(project):
    stories = project / "content" / "stories"
    stories.mkdir()
    (stories / "2024-05-01-ban-che.md").write_text("---\ntitle: 1:20\ndate: 2024-05-01\n---\n正文\n", encoding="utf-8")
    story = load(project).model.stories["2024-05-01-ban-che"]
    assert story.title == "1:20" and story.date == dt.date(2024, 5, 1)


# ---- empty, ~ and null ------------------------------------------------------------------------

def test_empty_value_is_empty(project):
    replace_in(profile_path(project), "position: 检修班班长", "position:")
    w, found = worker(project)
    assert w.position == "" and not found


@pytest.mark.parametrize("word", ["~", "null", "NULL"])
def test_tilde_and_null_are_empty_with_a_warning(project, capsys, word):
    replace_in(profile_path(project), "position: 检修班班长", f"position: {word}")
    assert worker(project)[0].position == ""
    p = one(project, capsys, "yaml.null")
    assert (p["severity"], p["line"]) == ("warning", 4) and f'"{word}"' in p["hint"]


def test_quoted_tilde_is_text(project):
    replace_in(profile_path(project), "position: 检修班班长", 'position: "~"')
    assert worker(project)[0].position == "~"


# ---- booleans ---------------------------------------------------------------------------------

@pytest.mark.parametrize("typed,value", [("true", True), ("True", True), ("TRUE", True), ("false", False),
                                         ("是", True), ("否", False), ('"true"', True)])
def test_boolean_accepts_true_false_and_chinese(project, typed, value):
    replace_in(profile_path(project), "quote: 把每一件小事做好。", f"featured: {typed}")
    w, found = worker(project)
    assert w.featured is value and not [p for p in found if p.is_error]


@pytest.mark.parametrize("typed,guess", [("yes", "true"), ("on", "true"), ("Y", "true"), ("1", "true"),
                                         ("no", "false"), ("off", "false"), ("0", "false")])
def test_boolean_refuses_yaml_11_words(project, capsys, typed, guess):
    replace_in(profile_path(project), "quote: 把每一件小事做好。", f"featured: {typed}")
    p = one(project, capsys, "schema.type")
    assert (p["file"], p["line"], p["column"]) == (PROFILE, 13, 11)
    assert "true 或 false" in p["message"] and f"featured: {guess}" in p["hint"]


def test_draft_yes_is_an_error_not_a_silent_publish(project, capsys):
    replace_in(profile_path(project), "consent:\n  date: 2024-03-01\n  note: 书面同意\n", "draft: yes\n")
    found = problems(project, capsys)
    assert any(p["code"] == "schema.type" and p["line"] == 17 and "draft" in p["message"] for p in found)


# ---- integers and years -----------------------------------------------------------------------

def test_quoted_year_is_still_a_year(project):
    replace_in(profile_path(project), "year: 2015", 'year: "2015"')
    assert worker(project)[0].honors[0].year == 2015


@pytest.mark.parametrize("typed,hint", [("2015年", "year: 2015"), ("2015.0", "year: 2015"), ("2,015", "year: 2015"),
                                        ("0x7DF", "year: 2015"), ("2015-04", "year: 2015"), ("2e3", "year: 2000")])
def test_year_refuses_other_spellings_with_the_plain_one(project, capsys, typed, hint):
    replace_in(profile_path(project), "year: 2015", f"year: {typed}")
    p = one(project, capsys, "schema.type")
    assert (p["line"], p["column"]) == (11, 11) and hint in p["hint"], p


def test_leading_zero_number_out_of_range_shows_what_was_typed(project, capsys):
    replace_in(profile_path(project), "birth_year: 1975", "birth_year: 05725000100")
    p = one(project, capsys, "schema.range")
    assert p["line"] == 7 and "05725000100" in p["message"]


def test_members_count(project, capsys):
    (project / "content" / "collectives").mkdir()
    path = project / "content" / "collectives" / "banzu.yml"
    path.write_text("name: 检修班\nassociation: city\nmembers: 1e3\n", encoding="utf-8")
    p = one(project, capsys, "schema.type")
    assert (p["file"], p["line"]) == ("content/collectives/banzu.yml", 3) and "1000" in p["hint"]


# ---- numbers ----------------------------------------------------------------------------------

def _stat(project: Path, value: str) -> None:
    replace_in(project / "content" / "associations" / "city.yml", "contact:",
               f"stats:\n  - label: 创新工作室\n    value: {value}\n    unit: 家\ncontact:")


@pytest.mark.parametrize("typed,value", [("37", 37), ("3.5", 3.5), ("-2", -2), ('"12"', 12)])
def test_stat_numbers(project, typed, value):
    _stat(project, typed)
    stat = load(project).model.associations["city"].stats[0]
    assert stat.value == value and type(stat.value) is type(value)


@pytest.mark.parametrize("typed,hint", [(".nan", "只写数字"), (".inf", "只写数字"), ("1e3", "value: 1000"),
                                        ("0x1F", "value: 31"), ("1,234", "value: 1234"), ("37家", "value: 37")])
def test_stat_refuses_what_is_not_a_plain_number(project, capsys, typed, hint):
    _stat(project, typed)
    p = one(project, capsys, "schema.type")
    assert (p["file"], p["line"]) == ("content/associations/city.yml", 5) and hint in p["hint"], p


def test_bleed_number_in_site_settings(project):
    replace_in(project / "content" / "site.yml", "paper: A5", "paper: A5\n  bleed_mm: 2.5")
    assert load(project).model.site.booklet["bleed_mm"] == 2.5


# ---- dates ------------------------------------------------------------------------------------

def test_consent_date_is_a_date(project):
    assert worker(project)[0].consent.date == dt.date(2024, 3, 1)


@pytest.mark.parametrize("typed,message,hint", [
    ("2024-02-30", "不存在", "月份"),
    ("2024/3/1", "格式不对", "date: 2024-03-01"),
    ("2024年3月1日", "格式不对", "date: 2024-03-01"),
    ("2024-03-01 10:00", "不写时间", "date: 2024-03-01"),
])
def test_dates_other_than_year_month_day(project, capsys, typed, message, hint):
    replace_in(profile_path(project), "date: 2024-03-01", f"date: {typed}")
    p = one(project, capsys, "schema.date")
    assert (p["line"], p["column"]) == (18, 9) and message in p["message"] and hint in p["hint"], p


def test_story_date_in_front_matter_reports_the_file_line(project, capsys):
    stories = project / "content" / "stories"
    stories.mkdir()
    (stories / "2024-05-01-ban-che.md").write_text("---\ntitle: 班车\ndate: 2024-05-32\n---\n正文\n", encoding="utf-8")
    p = one(project, capsys, "schema.date")
    assert (p["file"], p["line"]) == ("content/stories/2024-05-01-ban-che.md", 3)


# ---- tags ---------------------------------------------------------------------------------------

def test_explicit_tag_is_ignored_with_a_warning(project, capsys):
    replace_in(profile_path(project), "year: 2015", "year: !!int 2015")
    assert worker(project)[0].honors[0].year == 2015
    p = one(project, capsys, "yaml.tag")
    assert (p["severity"], p["line"]) == ("warning", 11) and "!!int" in p["message"]


def test_python_object_tag_runs_nothing(project, capsys, tmp_path):
    marker = tmp_path / "ran"
    replace_in(profile_path(project), "position: 检修班班长",
               f"position: !!python/object/apply:os.system ['touch {marker}']")
    found = problems(project, capsys)
    assert not marker.exists()
    assert any(p["code"] == "yaml.complex-key" or p["code"] == "yaml.tag" for p in found)
