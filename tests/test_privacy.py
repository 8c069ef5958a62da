"""The privacy rule: every way of writing personal data, in every file that is published.

One small fixture per variant (tests/minimal_project.py with one thing added), asserting the file,
line, column and the words an editor reads; and as many texts that must stay clean.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.minimal_project import profile_path, replace_in, write_project

WORKER = "workers/wang-xiaoming"
PROFILE = f"{WORKER}/profile.yml"
STORY = f"{WORKER}/story.md"
CITY = "content/associations/city.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "proj")


def problems(root: Path, capsys) -> list[dict]:
    code = main(["check", "--root", str(root), "--format", "json"])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    data = json.loads(out.out)
    assert code == (0 if data["ok"] else 1)
    return data["problems"]


def privacy(root: Path, capsys) -> list[dict]:
    return [p for p in problems(root, capsys) if p["code"].startswith("privacy.")]


def the_one(root: Path, capsys, code: str) -> dict:
    found = privacy(root, capsys)
    assert [p["code"] for p in found] == [code], found
    assert found[0]["severity"] == "error" and found[0]["hint"]
    return found[0]


def story(root: Path, text: str) -> None:
    (root / STORY).write_text(f"王小明在检修一线工作了三十年。\n{text}\n", encoding="utf-8")


# ---- every variant, in a story: file, line 2, the editor's column, the words ----------------------
VARIANTS = [
    # (code, text before, the data as typed, text after, words in the message)
    ("privacy.mobile", "有事请打", "１３９１２３４５６７８", "。", "手机号码"),
    ("privacy.mobile", "手机", "139.1234.5678", "。", "手机号码"),
    ("privacy.mobile", "手机", "139－1234－5678", "。", "手机号码"),
    ("privacy.mobile", "手机", "139 1234 5678", "。", "手机号码"),
    ("privacy.mobile", "手机", "1381 234 5678", "。", "手机号码"),
    ("privacy.mobile", "电话：", "+86 139 1234 5678", "。", "手机号码"),
    ("privacy.mobile", "电话：", "（＋86）13912345678", "。", "手机号码"),
    ("privacy.mobile", "电话：", "0086-13912345678", "。", "手机号码"),
    ("privacy.id-number", "证件号 ", "110105 19491231 002X", "。", "身份证号码"),
    ("privacy.id-number", "证件号", "11010519491231002Ｘ", "。", "身份证号码"),
    ("privacy.id-number", "证件号", "110105-19491231-002x", "。", "身份证号码"),
    ("privacy.id-number", "老身份证号码是", "110105491231002", "。", "身份证号码"),
    ("privacy.birth-date", "", "1970年3月12日", "，他出生在南浔的一个村子里。", "出生日期"),
    ("privacy.birth-date", "他生于", "一九七〇年三月十二日", "。", "出生日期"),
    ("privacy.birth-date", "", "一九七〇年三月十二日", "，王小明出生了。", "出生日期"),
    ("privacy.birth-date", "", "１９７０年３月１２日", "出生于练市镇。", "出生日期"),
    ("privacy.birth-date", "出生日期：", "1970-03-12", "", "出生日期"),
    ("privacy.birth-date", "他", "1970.3.12", "生，属狗。", "出生日期"),
    ("privacy.address", "他家在", "锦绣花园3-2-501", "。", "家庭住址"),
    ("privacy.address", "他家在", "锦绣花园3－2－501室", "。", "家庭住址"),
    ("privacy.address", "他", "家住吴兴区幸福小区3幢2单元501室", "。", "家庭住址"),
    ("privacy.address", "她搬进了", "阳光新村5号楼302", "。", "家庭住址"),
    ("privacy.address", "地址是", "12栋3单元601室", "。", "家庭住址"),
    ("privacy.email", "欢迎来信：", "wang.xiaoming@163.com", "。", "电子邮箱"),
    ("privacy.email", "欢迎来信：", "ｗａｎｇ＠ｑｑ.com", "。", "电子邮箱"),
]


@pytest.mark.parametrize("code, before, data, after, words", VARIANTS, ids=[v[2] for v in VARIANTS])
def test_variant_in_a_story(project, capsys, code, before, data, after, words):
    story(project, before + data + after)
    p = the_one(project, capsys, code)
    assert (p["file"], p["line"], p["column"]) == (STORY, 2, len(before) + 1)
    assert words in p["message"] and f"「{data}」" in p["message"]


def test_the_text_line_shows_the_editors_own_line(project, capsys):
    story(project, "手机１３９１２３４５６７８")
    main(["check", "--root", str(project)])
    out = capsys.readouterr().out
    assert f"{STORY}:2:3: 错误: 这里有一个手机号码「１３９１２３４５６７８」" in out
    assert "手机１３９１２３４５６７８" in out.split(f"{STORY}:2:3:", 1)[1]     # quoted as typed, with a caret


# ---- what must stay clean ----------------------------------------------------------------------
CLEAN = [
    "2015年获评浙江省劳动模范，2019年获全国五一劳动奖章。",
    "2020年3月，他开始带徒弟。",                           # a month without a day
    "1970年3月出生于南浔。",                                # birth month only: allowed
    "2023年5月1日，工作室揭牌。",                           # an event date, not a birth date
    "二〇二三年五月一日，工作室正式揭牌。",
    "2010年3月12日，出生于农村的他当选市劳动模范。",          # the date is the election, not the birth
    "他的家乡是劳模的出生地，2023年5月1日他回乡宣讲。",
    "发明专利 ZL 2019 1 0123456.7 和 ZL201910123456.7 已授权。",
    "实用新型专利号 ZL201320123456.X。",
    "协会办公电话 0572-2123456，传真 0572-2123457。",
    "全年服务职工 13800 人次，共 1381 人参加，累计 234 场，合计 5678 小时。",
    "1985.9-1993.12 在南浔丝厂工作；1993.12-2005.6 任车间主任。",
    "详见 https://example.org/news/13912345678.html 的报道。",
    "项目编号 110105194912310021。",                        # 18 digits, wrong checksum
    "会议在公司3号楼201会议室召开。",                        # an office room, not a home
    "社区2023-2024年度先进集体。",
    "第3单元讲的是安全规程。",
    "他的故事收录在《劳模风采录》第2版第138页。",
]


@pytest.mark.parametrize("text", CLEAN)
def test_not_personal_data(project, capsys, text):
    story(project, text)
    assert privacy(project, capsys) == []


# ---- every published file, not only stories ---------------------------------------------------
def test_gallery_caption(project, capsys):
    replace_in(profile_path(project), "caption: 在变电站检修设备", "caption: 在变电站检修设备，预约请打 13912345678")
    p = the_one(project, capsys, "privacy.mobile")
    line = "    caption: 在变电站检修设备，预约请打 13912345678"
    assert (p["file"], p["line"], p["column"]) == (PROFILE, 16, line.index("139") + 1)


def test_alt_text_and_link_title(project, capsys):
    replace_in(profile_path(project), "quote: 把每一件小事做好。",
               "portrait_alt: 王小明，1975年3月12日生\nquote: 把每一件小事做好。\n"
               "links:\n  - title: 王小明的邮箱 wxm1975@qq.com\n    url: https://example.org/news/13912345678")
    found = privacy(project, capsys)
    assert [(p["code"], p["file"], p["line"]) for p in found] == [
        ("privacy.birth-date", PROFILE, 13), ("privacy.email", PROFILE, 16)]


def test_caption_file_cue(project, capsys):
    replace_in(profile_path(project), "consent:", "videos:\n  - file: intro.mp4\n    captions: intro.vtt\nconsent:")
    (project / WORKER / "intro.mp4").write_bytes(b"\x00" * 64)
    (project / WORKER / "intro.vtt").write_text(
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n大家好，我是王小明。\n\n"
        "2\n00:00:04.500 --> 00:00:08.000\n有事可以打我手机 139 1234 5678。\n", encoding="utf-8")
    p = the_one(project, capsys, "privacy.mobile")
    assert (p["file"], p["line"], p["column"]) == (f"{WORKER}/intro.vtt", 9, 10)
    assert "139 1234 5678" in p["message"]


def test_srt_caption_file(project, capsys):
    replace_in(profile_path(project), "consent:", "videos:\n  - file: intro.mp4\n    captions: intro.srt\nconsent:")
    (project / WORKER / "intro.mp4").write_bytes(b"\x00" * 64)
    (project / WORKER / "intro.srt").write_text(
        "1\n00:00:01,000 --> 00:00:04,000\n我从小在南浔长大。\n\n2\n00:00:04,500 --> 00:00:08,000\n"
        "现在我家住幸福小区3幢2单元501室。\n", encoding="utf-8")
    p = the_one(project, capsys, "privacy.address")
    assert (p["file"], p["line"], p["column"]) == (f"{WORKER}/intro.srt", 7, 4)


@pytest.mark.parametrize("name", ["talk.txt", "talk.md"])
def test_transcript_file(project, capsys, name):
    replace_in(profile_path(project), "consent:", f"audio:\n  - file: talk.m4a\n    transcript: {name}\nconsent:")
    (project / WORKER / "talk.m4a").write_bytes(b"\x00" * 64)
    (project / WORKER / name).write_text("各位职工朋友大家好。\n我是一九七五年三月十二日出生的。\n", encoding="utf-8")
    p = the_one(project, capsys, "privacy.birth-date")
    assert (p["file"], p["line"], p["column"]) == (f"{WORKER}/{name}", 2, 3)


def test_inline_transcript(project, capsys):
    replace_in(profile_path(project), "consent:", "audio:\n  - file: talk.m4a\n    transcript: 我的身份证号是11010519491231002X\nconsent:")
    (project / WORKER / "talk.m4a").write_bytes(b"\x00" * 64)
    p = the_one(project, capsys, "privacy.id-number")
    assert (p["file"], p["line"]) == (PROFILE, 19)


def test_booklet_settings_in_site_yml(project, capsys):
    replace_in(project / "content" / "site.yml", "  paper: A5", "  paper: A5\n  publisher: 测试劳模协会（联系人 13912345678）")
    p = the_one(project, capsys, "privacy.mobile")
    assert (p["file"], p["line"]) == ("content/site.yml", 13)


def test_association_story_and_free_page(project, capsys):
    (project / "content" / "associations" / "city.md").write_text("会长王某，手机13912345678。\n", encoding="utf-8")
    pages = project / "content" / "pages"
    pages.mkdir()
    (pages / "about.md").write_text("---\ntitle: 关于\n---\n\n编辑部：小李 xiaoli@163.com\n", encoding="utf-8")
    found = privacy(project, capsys)
    assert [(p["code"], p["file"], p["line"]) for p in found] == [
        ("privacy.mobile", "content/associations/city.md", 1), ("privacy.email", "content/pages/about.md", 5)]


# ---- an organisation's public contact ----------------------------------------------------------
def test_landline_office_phone_needs_no_statement(project, capsys):
    assert privacy(project, capsys) == []          # city.yml: phone: 0572-2123456


def test_mobile_office_phone_needs_a_statement(project, capsys):
    replace_in(project / CITY, "0572-2123456", "13912345678")
    p = the_one(project, capsys, "privacy.contact-mobile")
    assert (p["file"], p["line"], p["column"]) == (CITY, 5, 10)
    assert "办公电话" in p["message"] and "phone_is_public_office_number: true" in p["hint"]


def test_mobile_office_phone_with_the_statement(project, capsys):
    replace_in(project / CITY, "  phone: 0572-2123456", "  phone: 139 1234 5678\n  phone_is_public_office_number: true")
    story(project, "报名请联系协会办公室 13912345678。")     # the declared number may be repeated
    assert privacy(project, capsys) == []
    assert not [p for p in problems(project, capsys) if p["severity"] == "error"]


def test_the_statement_covers_only_the_declared_number(project, capsys):
    replace_in(project / CITY, "  phone: 0572-2123456", "  phone: 13912345678\n  phone_is_public_office_number: true")
    story(project, "王小明的手机 13812345678。")
    p = the_one(project, capsys, "privacy.mobile")
    assert (p["file"], p["line"]) == (STORY, 2)


def test_statement_in_site_yml_contact(project, capsys):
    replace_in(project / "content" / "site.yml", "booklet:", "contact:\n  phone: 13912345678\nbooklet:")
    p = the_one(project, capsys, "privacy.contact-mobile")
    assert (p["file"], p["line"]) == ("content/site.yml", 12)


def test_contact_email_and_office_address_are_public(project, capsys):
    replace_in(project / CITY, "  address: 测试市人民路1号", "  address: 测试市人民路100号3幢201室\n  email: lmxh@example.org")
    story(project, "来稿请寄 LMXH@example.org。")
    assert privacy(project, capsys) == []


def test_personal_data_inside_a_contact_block_is_still_an_error(project, capsys):
    replace_in(project / CITY, "  phone: 0572-2123456", "  phone: 0572-2123456\n  hours: 值班人身份证 11010519491231002X")
    p = the_one(project, capsys, "privacy.id-number")
    assert (p["file"], p["line"]) == (CITY, 6)


def test_a_mobile_elsewhere_in_the_contact_block(project, capsys):
    replace_in(project / CITY, "  phone: 0572-2123456", "  phone: 0572-2123456\n  hours: 周末请打值班手机 13912345678")
    p = the_one(project, capsys, "privacy.mobile")
    assert (p["file"], p["line"]) == (CITY, 6)


def test_check_benchmark_runs(tmp_path):
    """bench/check.py reports the privacy rule's share of `fengcai check` (no timing asserted)."""
    repo = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, str(repo / "bench" / "check.py"), "--workers", "20", "--repeat", "1",
                           "--corpus", str(tmp_path / "corpus")], cwd=repo, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Check, 20 workers" in proc.stdout and "Privacy rule alone" in proc.stdout
