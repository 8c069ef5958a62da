"""`fengcai export --xlsx`: the published register back to a spreadsheet — and into `fengcai import` again."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from generator.check import check_tree
from generator.cli import main
from generator.content.loader import load
from generator.site.exports import workers_csv
from tests.import_sheets import changxing_xlsx
from tests.test_import import fresh_project, run_import


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def project(tmp_path):
    root = fresh_project(tmp_path)
    edit(root / "workers" / "chen-yan" / "profile.yml", "\nname: 陈䶮\n", "\nname: 陈䶮\ndraft: true\n")     # not published
    edit(root / "workers" / "fei-zhiqiang" / "profile.yml", "position: 理事长", 'position: "=HYPERLINK(\\"http://x.test\\")"')
    return root


def rows(ws):
    return [list(r) for r in ws.iter_rows(min_row=3, values_only=True)]


def test_export_has_published_workers_and_collectives_only(project, tmp_path, capsys):
    out = tmp_path / "导出" / "名录.xlsx"
    assert main(["export", "--xlsx", str(out), "--root", str(project)]) == 0
    said = capsys.readouterr().out
    public = check_tree(project)[0].public()
    assert said.startswith(f"已导出 {len(public.workers)} 位劳模、{len(public.collectives)} 个模范集体到 ")
    wb = load_workbook(out)
    assert wb.sheetnames == ["劳模", "模范集体"]
    ws = wb["劳模"]
    assert [c.value for c in ws[2]] == ["姓名", "所属协会", "工作单位", "职务", "行业", "荣誉称号", "网页"]
    names = [r[0] for r in rows(ws)]
    assert "陈䶮" not in names and len(names) == len(public.workers)
    zeng = next(r for r in rows(ws) if r[0] == "单建国")
    w = public.workers["shan-jianguo"]
    assert zeng[1:5] == [public.associations[w.association].name, w.employer, w.position, w.industry]
    assert zeng[6] == "https://fengcai.example.org/workers/shan-jianguo/"
    for h in w.honors:
        assert f"{h.title}（{h.year}年，" in zeng[5]
    # a cell that would run as a formula in Excel/WPS is text, with the OWASP quote in front
    fei = next(row for row in ws.iter_rows(min_row=3) if row[0].value == "费志强")
    assert fei[3].value == "'=HYPERLINK(\"http://x.test\")" and fei[3].data_type == "s"
    everything = " ".join(str(v) for sheet in wb for r in sheet.iter_rows(values_only=True) for v in r if v is not None)
    assert "同意" not in everything and "consent" not in everything
    groups = rows(wb["模范集体"])
    assert len(groups) == len(public.collectives)
    assert any(r[0] == "安吉春芽白茶专业合作社" and r[3] == 132 for r in groups)


def test_export_of_one_association(project, tmp_path, capsys):
    out = tmp_path / "长兴.xlsx"
    assert main(["export", "--xlsx", str(out), "--association", "changxing", "--root", str(project)]) == 0
    assert {r[1] for r in rows(load_workbook(out)["劳模"])} == {"长兴县劳模协会"}
    assert main(["export", "--xlsx", str(out), "--association", "nowhere", "--root", str(project)]) == 2
    assert "协会编号「nowhere」不存在" in capsys.readouterr().err


def test_export_refuses_content_with_errors(project, tmp_path, capsys):
    edit(project / "workers" / "fei-zhiqiang" / "profile.yml", "industry:", "industry: 【待填写：行业】\nx_industry:")
    assert main(["export", "--xlsx", str(tmp_path / "x.xlsx"), "--root", str(project)]) == 1
    assert "内容有错误，没有导出" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_export_replaces_its_own_workbook_but_never_someone_elses(project, tmp_path, capsys):
    out = tmp_path / "名录.xlsx"
    assert main(["export", "--xlsx", str(out), "--root", str(project)]) == 0
    assert main(["export", "--xlsx", str(out), "--root", str(project)]) == 0      # ours: replaced
    register = changxing_xlsx(tmp_path / "长兴名录.xlsx")                          # the association's own register
    before = register.read_bytes()
    capsys.readouterr()
    assert main(["export", "--xlsx", str(register), "--root", str(project)]) == 2
    err = capsys.readouterr().err
    assert "这个文件已经存在，而且不是 fengcai 生成的" in err and "换一个文件名" in err
    assert register.read_bytes() == before
    assert main(["export", "--xlsx", str(project / "workers" / "名录.xlsx"), "--root", str(project)]) == 2
    assert not (project / "workers" / "名录.xlsx").exists()
    assert not list(tmp_path.glob(".*.writing"))


def test_round_trip_through_import(project, tmp_path, capsys):
    out = tmp_path / "名录.xlsx"
    main(["export", "--xlsx", str(out), "--root", str(project)])
    public = check_tree(project)[0].public()
    # into the project it came from: everyone is found, nothing changes
    code, said, _err = run_import(capsys, out, "--root", project, "--dry-run")
    assert code == 0
    assert f"劳模：将不变 {len(public.workers)}" in said and f"模范集体：将不变 {len(public.collectives)}" in said
    # into a project without any worker: the same people, employers, honours and levels, as drafts
    empty = fresh_project(tmp_path / "empty", with_workers=False)
    for p in (empty / "content" / "collectives").glob("*"):
        p.unlink()
    code, said, _err = run_import(capsys, out, "--root", empty)
    assert code == 0 and f"劳模：新建 {len(public.workers)}" in said
    again = load(empty).model

    def people(model):
        return {(w.name, w.employer, w.position, w.association, w.industry,
                 frozenset((h.title, h.level, h.year) for h in w.honors)) for w in model.workers.values()}
    assert people(again) == people(public)
    assert all(w.draft for w in again.workers.values())
    assert {(c.name, c.association, c.members, frozenset((h.title, h.level, h.year) for h in c.honors)) for c in again.collectives.values()} \
        == {(c.name, c.association, c.members, frozenset((h.title, h.level, h.year) for h in c.honors)) for c in public.collectives.values()}


def test_site_csv_cells_are_neutralised(project):
    model = check_tree(project)[0].public()
    text = workers_csv(model)
    assert re.search(r"'=HYPERLINK\(", text.replace('""', '"'))


def test_the_sites_own_csv_imports_too(project, tmp_path, capsys):
    """data/workers.csv from the published site (UTF-8 with BOM, 全部荣誉 as "2015 称号；…") reads back."""
    public = check_tree(project)[0].public()
    csv_path = tmp_path / "workers.csv"
    csv_path.write_bytes(workers_csv(public).encode("utf-8"))
    empty = fresh_project(tmp_path / "empty", with_workers=False)
    code, said, _err = run_import(capsys, csv_path, "--root", empty)
    assert code == 0 and "（编码：UTF-8（带 BOM））" in said
    again = load(empty).model
    assert {(w.name, w.employer, frozenset((h.title, h.year) for h in w.honors)) for w in again.workers.values()} \
        == {(w.name, w.employer, frozenset((h.title, h.year) for h in w.honors)) for w in public.workers.values()}
    levels = {(w.name, h.title): h.level for w in public.workers.values() for h in w.honors}
    assert all(levels[(w.name, h.title)] == h.level for w in again.workers.values() for h in w.honors)
