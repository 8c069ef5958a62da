"""What people type in registers, normalised: names, years, honours, levels, employer + position, headers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from generator.content.yaml_reader import parse_yaml
from generator.importer.columns import meaning_of
from generator.importer.project_facts import ProjectFacts
from generator.importer.values import clean_name, parse_honours, parse_year, split_employer_position
from generator.importer.yaml_text import scalar
from generator.model.source import Source
from tests.test_import import fresh_project, run_import

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("typed, name", [("孙 梅金", "孙梅金"), ("孙　梅金", "孙梅金"), (" 孙梅金\n", "孙梅金"),
                                         ("阿依古丽 · 买买提", "阿依古丽·买买提"), ("John  Smith", "John Smith")])
def test_names(typed, name):
    assert clean_name(typed) == name


@pytest.mark.parametrize("typed", ["2020", "2020年", "2020.4", "2020-04", "2020/4/28", "2020年4月", "二〇二〇年", "二零二零",
                                   "２０２０年", 2020, 2020.0, 2020.4, 43950, "43950", dt.date(2020, 4, 28),
                                   dt.datetime(2020, 4, 28, 9, 30), "202004", 20200428])
def test_years(typed):
    assert parse_year(typed) == 2020


def test_honours_in_one_cell():
    cell = "全国劳动模范（2020）、浙江省劳动模范(2015年)；2010年湖州市劳动模范\n长兴县五一劳动奖章 2008 / 被评为南太湖工匠（2019年，市级）"
    got = [(h.title, h.year, h.level_word) for h in parse_honours(cell)]
    assert got == [("全国劳动模范", 2020, ""), ("浙江省劳动模范", 2015, ""), ("湖州市劳动模范", 2010, ""),
                   ("长兴县五一劳动奖章", 2008, ""), ("南太湖工匠", 2019, "市级")]


def test_levels_from_titles_use_the_projects_places():
    facts = ProjectFacts.load(REPO)
    assert facts.level_of("全国五一劳动奖章")[0] == "national"
    assert facts.level_of("浙江省劳动模范")[0] == "provincial"
    assert facts.level_of("浙江工匠")[0] == "provincial"            # the vocabulary of site.yml
    assert facts.level_of("湖州市三八红旗手") == ("municipal", "称号里的地名")   # 湖州市 from the associations' regions
    assert facts.level_of("湖州市南浔区优秀共产党员") == ("county", "称号里的地名")
    assert facts.level_of("长兴优秀工匠")[0] == "county"
    assert facts.level_of("某某奖", "省部级")[0] == "provincial"
    assert facts.level_of("某某奖") == ("", "")


@pytest.mark.parametrize("typed, employer, position", [
    ("湖州某丝绸有限公司缫丝车间主任", "湖州某丝绸有限公司", "缫丝车间主任"),
    ("长兴县人民医院 主任医师", "长兴县人民医院", "主任医师"),
    ("湖州某电力公司，检修班班长", "湖州某电力公司", "检修班班长"),
    ("某某村党支部书记", "某某村", "党支部书记"),
    ("湖州某公司 党委书记、董事长", "湖州某公司", "党委书记、董事长"),
    ("湖州市中心医院", "湖州市中心医院", ""),
    ("湖州某医院院长", "湖州某医院", "院长"),                                    # not 湖州某医院院 | 长
    ("长兴某水泥厂厂长", "长兴某水泥厂", "厂长"),
    ("南浔区和孚镇某村股份经济合作社社长", "南浔区和孚镇某村股份经济合作社", "社长"),   # not 南浔区和孚镇 | …
    ("南浔区双林镇人民政府农技员", "南浔区双林镇人民政府", "农技员"),
    ("某村村委会主任", "某村村委会", "主任"),
    ("南浔区某镇中心小学校长", "南浔区某镇中心小学", "校长"),
    ("和孚镇荻港村党委书记", "和孚镇荻港村", "党委书记"),
])
def test_combined_employer_and_position(typed, employer, position):
    assert split_employer_position(typed) == (employer, position)


@pytest.mark.parametrize("header, field", [("姓　名", "name"), ("出生\n年月", "birth"), ("工作单位及职务（职称）", "employer_position"),
                                           ("所属区县/协会", "association"), ("荣誉称号*", "honor"), ("授予时间", "year"),
                                           ("集体名称", "collective"), ("职务/岗位", "position"), ("2024年获得荣誉", "honor")])
def test_header_names(header, field):
    assert meaning_of(header).field == field


@pytest.mark.parametrize("header, personal", [("身份证号码", "身份证号码"), ("公民身份号码", "身份证号码"), ("手机", "电话号码"),
                                              ("联系方式", "电话号码"), ("家庭住址", "住址"), ("银行卡号", "账号")])
def test_personal_headers(header, personal):
    assert meaning_of(header).personal == personal


@pytest.mark.parametrize("value", ["05725000100", "1:20", "yes", "No", "on", "~", "null", "2020-01-01", "干一行: 爱一行",
                                   "*星号", "A&B", "#1", "- 列表", "3.5", "主任 # 注释", "[1]", "{a}", "'引号", "孙梅金", "全国劳动模范"])
def test_yaml_values_read_back_as_typed(value):
    line = f"k: {scalar(value)}"
    assert yaml.safe_load(line) == {"k": value}
    src = Source(Path("x.yml"), "x.yml", [line])
    res = parse_yaml(line, src)
    assert not res.problems and res.data == {"k": value}


def test_collectives_by_a_type_column_and_a_mapping_file(tmp_path, capsys):
    from openpyxl import Workbook
    root = fresh_project(tmp_path, with_workers=False)
    wb = Workbook()
    ws = wb.active
    ws.append(["编号", "类型", "劳模名字", "所在企业", "个人荣誉", "年度", "区县"])
    ws.append(["NX-001", "个人", "沈丝娟", "南浔某丝绸有限公司", "南浔区劳动模范", 2019, "南浔"])
    ws.append(["NX-002", "集体", "南浔某公司缫丝车间", None, "南浔区模范集体", 2021, "南浔区"])
    ws.append(["NX-003", "个人", "钱 阿大", "南浔某农业合作社", "南浔特色奖", "2017年", "城区"])
    sheet = tmp_path / "南浔.xlsx"
    wb.save(sheet)
    mapping = tmp_path / "映射.yml"
    mapping.write_text("columns:\n  劳模名字: 姓名\n  所在企业: 工作单位\n  个人荣誉: 荣誉称号\n"
                       "associations:\n  城区: huzhou\nlevels:\n  南浔特色奖: 区县级\ndefaults:\n  industry: 纺织服装\n", encoding="utf-8")
    code, out, err = run_import(capsys, sheet, "--root", root, "--mapping", mapping)
    assert code == 0, err
    from generator.content.loader import load
    model = load(root).model
    shen = next(w for w in model.workers.values() if w.name == "沈丝娟")
    assert (shen.association, shen.industry, shen.import_id) == ("nanxun", "纺织服装", "nanxun-nx-001")
    qian = next(w for w in model.workers.values() if w.name == "钱阿大")
    assert qian.association == "huzhou" and [(h.title, h.level, h.year) for h in qian.honors] == [("南浔特色奖", "county", 2017)]
    group = next(c for c in model.collectives.values() if c.import_id)
    assert group.name == "南浔某公司缫丝车间" and group.association == "nanxun" and group.honors[0].level == "county"


def test_ditto_cells_name_asides_and_empty_honours(tmp_path, capsys):
    from openpyxl import Workbook
    root = fresh_project(tmp_path, with_workers=False)
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "工作单位", "荣誉称号", "获得年份", "行业"])
    ws.append(["沈丝娟（女）", "南浔某丝绸有限公司", "南浔区劳动模范", 2019, "纺织服装"])
    ws.append(["钱阿大（已故）", "同上", "无", None, "〃"])
    hidden = wb.create_sheet("下拉选项")
    hidden.append(["行业", "级别"])
    hidden.sheet_state = "hidden"
    wb.save(tmp_path / "南浔.xlsx")
    code, out, _err = run_import(capsys, tmp_path / "南浔.xlsx", "--root", root, "--association", "nanxun")
    assert code == 0 and "工作表「下拉选项」是隐藏的，没有导入" in out
    from generator.content.loader import load
    model = load(root).model
    shen = next(w for w in model.workers.values() if w.name == "沈丝娟")
    assert shen.gender == "女"
    qian = next(w for w in model.workers.values() if w.name == "钱阿大")
    assert (qian.employer, qian.industry, qian.honors) == ("南浔某丝绸有限公司", "纺织服装", [])
    text = (qian.folder / "profile.yml").read_text(encoding="utf-8")
    assert "# 表格里的备注（只供编辑参考，不会发布）：姓名后写着（已故）" in text
    assert "title: 【待填写：荣誉称号" in text          # no honour in the register: the template's placeholder stays
