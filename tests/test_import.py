"""`fengcai import`: a register the team has never seen, shaped like a real association's, into a fresh
copy of the project — and nothing personal from it anywhere in the repository."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.content.loader import load
from tests.import_sheets import IDS, ODD_COLUMN_IDS, PHONES, changxing_csv, changxing_xlsx

REPO = Path(__file__).resolve().parents[1]
DRAFT_NOTE = "已导入为草稿：本人同意公开后，填写 consent 并删除 draft"


def fresh_project(where: Path, with_workers: bool = True) -> Path:
    """A copy of the project's content (sample associations, site.yml, sample workers)."""
    root = where / "project"
    shutil.copytree(REPO / "content", root / "content")
    if with_workers:
        shutil.copytree(REPO / "workers", root / "workers")
    else:
        (root / "workers").mkdir()
    return root


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def run_import(capsys, *args) -> tuple[int, str, str]:
    code = main(["import", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The 长兴 register (two-row header, merged title, ID and phone columns, duplicates) imported once."""
    base = tmp_path_factory.mktemp("imported")
    root = fresh_project(base)
    sheet = changxing_xlsx(base / "长兴县劳模名录.xlsx")
    before = tree_digest(root)
    code = main(["import", str(sheet), "--root", str(root)])
    assert code == 0
    return root, sheet, before


def worker_named(model, name):
    found = [w for w in model.workers.values() if w.name == name]
    assert len(found) == 1, (name, [w.id for w in found])
    return found[0]


def honours(w) -> set:
    return {(h.title, h.level, h.year) for h in w.honors}


def test_profiles_have_names_employers_honours_and_levels(imported):
    root, _sheet, _before = imported
    result = load(root)
    model = result.model
    sun = worker_named(model, "孙梅金")                       # typed "孙 梅金" and listed twice
    assert sun.id == "sun-meijin" and sun.draft and sun.association == "changxing"
    assert (sun.employer, sun.position, sun.industry, sun.gender, sun.birth_year) == \
        ("湖州某丝绸有限公司", "缫丝车间主任", "纺织服装", "女", 1968)
    assert honours(sun) == {("全国劳动模范", "national", 2020), ("浙江省劳动模范", "provincial", 2015)}
    wang = worker_named(model, "王建国")                      # typed with a full-width space
    assert (wang.employer, wang.position, wang.birth_year) == ("长兴县人民医院", "主任医师", 1972)
    assert honours(wang) == {("长兴县劳动模范", "county", 2018)}             # 二〇一八年
    li = worker_named(model, "李华")                           # two rows: one person, two honours
    assert honours(li) == {("湖州市劳动模范", "municipal", 2020), ("浙江省五一劳动奖章", "provincial", 2021)}
    assert (li.employer, li.position) == ("国网长兴县供电公司", "变电运维班班长")
    chen = worker_named(model, "陈小红")
    assert honours(chen) == {("南太湖工匠", "municipal", 2020)}              # an Excel date serial
    assert (chen.employer, chen.position, chen.birth_year) == ("长兴某茶叶专业合作社", "理事长", 1978)
    zhao = worker_named(model, "赵强")
    assert (zhao.employer, zhao.position) == ("长兴县某中学", "教师、教研组长")
    wu = worker_named(model, "吴明")
    assert honours(wu) == {("湖州市技术能手", "municipal", 2016), ("长兴县劳动模范", "county", 2012)}
    assert sum(1 for w in model.workers.values() if w.import_id) == 6
    groups = {c.name: c for c in model.collectives.values() if c.import_id}
    assert set(groups) == {"长兴县某医院急诊科", "某供电公司电气班组"}
    assert {(h.title, h.level, h.year) for h in groups["某供电公司电气班组"].honors} == {("湖州市工人先锋号", "municipal", 2021)}
    assert groups["某供电公司电气班组"].members == 12 and groups["长兴县某医院急诊科"].members == 35
    assert all(c.draft for c in groups.values())
    # the imported drafts are complete: the whole project still passes `fengcai check`
    from generator.check import check_tree
    _model, report = check_tree(root)
    assert report.ok, report.format_text()
    # nothing was touched but the new files and the records file
    assert (root / "content" / "import-records.json").is_file()


def test_no_id_or_phone_number_anywhere_in_the_repository(imported):
    root, _sheet, before = imported
    secrets = set(IDS) | set(ODD_COLUMN_IDS) | {re.sub(r"\D", "", p) for p in PHONES} | {"1972-03-01", "1968.05"}
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        digits_only = re.sub(rb"[\s\-]", b"", raw)
        for s in secrets:
            assert s.encode() not in raw and s.encode() not in digits_only, (s, path)
    # and no full ID number hides in any written file in another shape (Excel's 3.30522E+17)
    written = [rel for rel in set(tree_digest(root)) - set(before) if not rel.startswith(".cache/")]   # .cache: check's own memo
    assert len(written) == 9
    for rel in written:
        text = (root / rel).read_text(encoding="utf-8")
        assert not re.search(r"\d{11,}", text), rel
        assert "E+17" not in text and "身份证" not in text and "电话" not in text, rel


def test_the_summary_says_what_was_dropped_and_that_these_are_drafts(tmp_path, capsys):
    root = fresh_project(tmp_path)
    sheet = changxing_xlsx(tmp_path / "名录.xlsx")
    code, out, err = run_import(capsys, sheet, "--root", root)
    assert code == 0 and not err
    assert "表头在第 3–4 行（两行表头）" in out
    assert "已丢弃的列：身份证号码（第 F 列，身份证号码）、联系电话（第 K 列，电话号码）、证号（第 L 列，身份证号码）" in out
    assert "这些列的内容没有保存到任何文件里" in out
    assert "出生年月：只保留出生年份" in out and "没有导入的列（资料里没有这一项）：民族" in out
    assert "第 7 行第 M 列「备注」（手机号码）" in out                 # one cell withheld, the rest of 备注 kept
    assert "第 8 行：并入第 7 行的「李华」，新增 1 项荣誉" in out
    assert "第 10 行：并入第 5 行的「孙梅金」，内容重复" in out
    assert "所属协会：按表格标题判断为「长兴县劳模协会」（changxing）" in out
    assert "劳模：新建 6" in out and "模范集体：新建 2" in out
    assert DRAFT_NOTE in out
    assert "检查刚写入的资料：没有发现问题。" in out
    profile = (root / "workers" / "wang-jianguo" / "profile.yml").read_text(encoding="utf-8")
    assert "# 表格里的备注（只供编辑参考，不会发布）：2023年退休" in profile
    assert "draft: true" in profile and "import_id: " in profile


def test_a_second_import_changes_nothing(imported, capsys):
    root, sheet, _before = imported
    first = tree_digest(root)
    code, out, _err = run_import(capsys, sheet, "--root", root)
    assert code == 0
    assert tree_digest(root) == first
    assert "劳模：不变 6" in out and "模范集体：不变 2" in out and "没有需要修改的文件。" in out


def test_written_yaml_is_what_an_editor_writes(imported):
    root, _sheet, _before = imported
    text = (root / "workers" / "sun-meijin" / "profile.yml").read_text(encoding="utf-8")
    template_keys = ["name", "name_pinyin", "association", "employer", "position", "industry", "gender", "birth_year",
                     "honors", "portrait", "portrait_alt", "quote", "studio", "specialties", "services", "achievements",
                     "gallery", "videos", "audio", "links", "tags", "featured", "consent", "draft", "import_id"]
    keys = re.findall(r"^([a-z_]+):", text, re.M)
    assert keys == template_keys
    assert "# 姓名（必填）\nname: 孙梅金\n" in text
    assert "honors:\n  - title: 全国劳动模范\n    level: national\n    year: 2020\n" in text
    assert "# consent:\n#   date: 2025-03-12" in text            # how to record consent, shown where it goes
    data = yaml.safe_load(text)
    assert data["name"] == "孙梅金" and data["draft"] is True and data["consent"] is None


def test_dry_run_writes_nothing_and_lists_every_row(tmp_path, capsys):
    root = fresh_project(tmp_path)
    sheet = changxing_xlsx(tmp_path / "名录.xlsx")
    before = tree_digest(root)
    code, out, _err = run_import(capsys, sheet, "--root", root, "--dry-run")
    assert code == 0
    assert tree_digest(root) == before
    lines = out.splitlines()
    assert lines[0].split() == ["行", "姓名/名称", "操作", "文件", "说明"]
    row = next(l for l in lines if "李华" in l)
    assert "劳模名录 7、8" in row and "新建" in row and "workers/li-hua/" in row
    assert re.search(r"13\s+—\s+跳过\s+标题、分组或说明行", out)
    assert "劳模：将新建 6" in out
    assert out.rstrip().endswith("这是预演（--dry-run）：没有写入任何文件。去掉 --dry-run 即可导入。")


@pytest.mark.parametrize("encoding, said", [("gbk", "GBK（中文版 Excel、WPS 保存 CSV 时的默认编码），已自动按 GBK 读取"),
                                            ("utf-8-sig", "UTF-8（带 BOM）"), ("gb18030", "GBK")])
def test_csv_in_gbk_or_utf8_is_detected_and_said(tmp_path, capsys, encoding, said):
    root = fresh_project(tmp_path)
    sheet = changxing_csv(tmp_path / "名录.csv", encoding)
    code, out, _err = run_import(capsys, sheet, "--root", root)
    assert code == 0
    assert f"（编码：{said}" in out
    model = load(root).model
    assert worker_named(model, "王建国").employer == "长兴县人民医院"
    assert honours(worker_named(model, "孙梅金")) == {("全国劳动模范", "national", 2020), ("浙江省劳动模范", "provincial", 2015)}
    assert "已丢弃的列：身份证号码（第 E 列，身份证号码）、联系电话（第 K 列，电话号码）" in out
    for path in root.rglob("profile.yml"):
        assert IDS[0] not in path.read_text(encoding="utf-8")


def test_the_csv_and_the_xlsx_of_one_register_are_the_same_people(imported, tmp_path, capsys):
    root, _sheet, _before = imported
    copy = tmp_path / "copy"
    shutil.copytree(root, copy)
    code, out, _err = run_import(capsys, changxing_csv(tmp_path / "名录.csv"), "--root", copy, "--dry-run")
    assert code == 0
    assert "劳模：将不变 6" in out and "-2/" not in out
