"""Importing again: what editors changed by hand stays, deleted people stay deleted, photos are matched."""

from __future__ import annotations

import re
import shutil

from PIL import Image

from generator.cli import main
from generator.content.loader import load
from tests.import_sheets import WORKERS, changxing_xlsx
from tests.phone_media import make_heic
from tests.test_import import fresh_project, honours, run_import, tree_digest, worker_named


def edited(rows, **changes):
    """WORKERS with some cells changed: changes = {row index: {column index: value}}."""
    out = [list(r) for r in rows]
    for i, cols in changes.items():
        for c, v in cols.items():
            out[int(i)][c] = v
    return [tuple(r) for r in out]


def test_editor_changes_are_kept_and_register_changes_applied(tmp_path, capsys):
    root = fresh_project(tmp_path)
    assert main(["import", str(changxing_xlsx(tmp_path / "v1.xlsx")), "--root", str(root)]) == 0
    capsys.readouterr()
    wang = root / "workers" / "wang-jianguo" / "profile.yml"
    wang.write_text(wang.read_text(encoding="utf-8").replace("employer: 长兴县人民医院\n", "employer: 长兴县人民医院（医共体总院）\n"), encoding="utf-8")
    sun = root / "workers" / "sun-meijin" / "profile.yml"
    sun.write_text(sun.read_text(encoding="utf-8").replace("    year: 2015\n", "    year: 2016\n"), encoding="utf-8")
    # next year's register: a new position for 王建国, a new honour for each of them
    v2 = changxing_xlsx(tmp_path / "v2.xlsx", edited(WORKERS, **{
        "1": {6: "长兴县人民医院 副院长", 7: "长兴县劳动模范、湖州市劳动模范（2023）"},
        "0": {7: "全国劳动模范（2020）、浙江省劳动模范（2015）、浙江工匠（2023）"}}))
    code, out, _err = run_import(capsys, v2, "--root", root, "--dry-run")
    assert re.search(r"王建国\s+更新\s+workers/wang-jianguo/\s+更新了职务、荣誉；工作单位 有编辑修改，保留（要用表格里的值覆盖加 --overwrite）", out)
    assert re.search(r"孙梅金\s+更新\s+workers/sun-meijin/\s+更新了荣誉；荣誉有编辑修改，保留，并加入表格里新增的 1 项", out)
    code, out, _err = run_import(capsys, v2, "--root", root)
    assert code == 0
    model = load(root).model
    w = worker_named(model, "王建国")
    assert (w.employer, w.position) == ("长兴县人民医院（医共体总院）", "副院长")
    assert honours(w) == {("长兴县劳动模范", "county", 2018), ("湖州市劳动模范", "municipal", 2023)}
    s = worker_named(model, "孙梅金")
    assert honours(s) == {("全国劳动模范", "national", 2020), ("浙江省劳动模范", "provincial", 2016), ("浙江工匠", "provincial", 2023)}
    # the same register once more: nothing to do, and the editor's values are still said to be kept
    before = tree_digest(root)
    code, out, _err = run_import(capsys, v2, "--root", root)
    assert tree_digest(root) == before and "没有需要修改的文件。" in out
    # --overwrite: the register wins
    code, out, _err = run_import(capsys, v2, "--root", root, "--overwrite")
    model = load(root).model
    assert worker_named(model, "王建国").employer == "长兴县人民医院"
    assert ("浙江省劳动模范", "provincial", 2015) in honours(worker_named(model, "孙梅金"))


def test_a_deleted_profile_is_not_created_again(tmp_path, capsys):
    root = fresh_project(tmp_path)
    sheet = changxing_xlsx(tmp_path / "名录.xlsx")
    main(["import", str(sheet), "--root", str(root)])
    capsys.readouterr()
    shutil.rmtree(root / "workers" / "wu-ming")           # consent withdrawn
    code, out, _err = run_import(capsys, sheet, "--root", root)
    assert not (root / "workers" / "wu-ming").exists()
    assert re.search(r"吴明\s+跳过\s+上次导入后这份资料被删除了（例如本人撤回同意），不再重新创建；确需恢复时加 --restore-deleted", out)
    records = (root / "content" / "import-records.json").read_text(encoding="utf-8")
    assert "wu-ming" not in records and '"deleted": true' in records   # only the fact is kept
    code, out, _err = run_import(capsys, sheet, "--root", root, "--restore-deleted")
    assert (root / "workers" / "wu-ming" / "profile.yml").is_file()


def test_broken_records_stop_the_import_instead_of_recreating_deleted_profiles(tmp_path, capsys):
    root = fresh_project(tmp_path)
    sheet = changxing_xlsx(tmp_path / "名录.xlsx")
    main(["import", str(sheet), "--root", str(root)])
    shutil.rmtree(root / "workers" / "wu-ming")           # consent withdrawn
    records = root / "content" / "import-records.json"
    records.write_text("<<<<<<< HEAD\n" + records.read_text(encoding="utf-8") + "=======\n{}\n>>>>>>> other\n", encoding="utf-8")
    before = tree_digest(root)
    capsys.readouterr()
    code, out, err = run_import(capsys, sheet, "--root", root)
    assert code == 2
    assert "content/import-records.json 已损坏" in err and "git checkout -- content/import-records.json" in err
    assert not (root / "workers" / "wu-ming").exists() and tree_digest(root) == before


def test_a_renamed_folder_is_still_found(tmp_path, capsys):
    root = fresh_project(tmp_path)
    sheet = changxing_xlsx(tmp_path / "名录.xlsx")
    main(["import", str(sheet), "--root", str(root)])
    (root / "workers" / "li-hua").rename(root / "workers" / "li-hua-changxing")
    capsys.readouterr()
    code, out, _err = run_import(capsys, sheet, "--root", root, "--dry-run")
    assert re.search(r"李华\s+不变\s+workers/li-hua-changxing/", out)
    code, out, _err = run_import(capsys, sheet, "--root", root)
    assert "劳模：不变 6" in out and not (root / "workers" / "li-hua").exists()
    assert "workers/li-hua-changxing/profile.yml" in (root / "content" / "import-records.json").read_text(encoding="utf-8")


def test_photos_matched_by_name_and_by_number(tmp_path, capsys):
    root = fresh_project(tmp_path)
    photos = tmp_path / "照片"
    photos.mkdir()
    Image.new("RGB", (1200, 1600), (200, 150, 120)).save(photos / "孙 梅金.JPG")
    Image.new("RGB", (1200, 1600), (120, 150, 200)).save(photos / "003.png")           # 序号 3 = 李华
    make_heic(photos / "王建国.heic", size=(1600, 1200), gps=False)                      # as an iPhone sends it
    Image.new("RGB", (1200, 1600)).save(photos / "不认识的人.jpg")
    sheet = changxing_xlsx(tmp_path / "名录.xlsx")
    code, out, _err = run_import(capsys, sheet, "--root", root, "--photos", photos, "--dry-run")
    assert re.search(r"孙梅金\s+新建\s+workers/sun-meijin/\s+照片按姓名", out)
    assert re.search(r"李华\s+新建\s+workers/li-hua/\s+照片按编号", out)
    code, out, _err = run_import(capsys, sheet, "--root", root, "--photos", photos)
    assert "检查刚写入的资料：没有发现问题。" in out                                 # the HEIC is a portrait like any other
    assert (root / "workers" / "sun-meijin" / "portrait.jpg").read_bytes() == (photos / "孙 梅金.JPG").read_bytes()
    assert (root / "workers" / "li-hua" / "portrait.png").is_file()
    assert (root / "workers" / "wang-jianguo" / "portrait.heic").is_file()
    assert "portrait: portrait.heic" in (root / "workers" / "wang-jianguo" / "profile.yml").read_text(encoding="utf-8")
    model = load(root).model
    assert worker_named(model, "孙梅金").portrait.rel == "portrait.jpg"
    before = tree_digest(root)
    run_import(capsys, sheet, "--root", root, "--photos", photos)
    assert tree_digest(root) == before
    # an editor puts a better photo in the folder: a rerun keeps it
    Image.new("RGB", (2400, 3200), (10, 10, 10)).save(root / "workers" / "sun-meijin" / "portrait.jpg")
    code, out, _err = run_import(capsys, sheet, "--root", root, "--photos", photos, "--dry-run")
    assert "文件夹里的 portrait.jpg 被换过，保留" in out


def test_people_of_one_name_are_told_apart(tmp_path, capsys):
    root = fresh_project(tmp_path)
    rows = list(WORKERS) + [(9, "李华", "女", "汉", "1990", None, "长兴某银行支行 柜员", "长兴县五一劳动奖章（2022）", None, "金融", None, None, None)]
    sheet = changxing_xlsx(tmp_path / "名录.xlsx", rows)
    photos = tmp_path / "照片"
    photos.mkdir()
    Image.new("RGB", (1200, 1600)).save(photos / "李华.jpg")
    code, out, _err = run_import(capsys, sheet, "--root", root, "--photos", photos)
    assert "同名不同单位，按不同的人导入：劳模名录第 7、8 行（国网长兴县供电公司）；劳模名录第 13 行（长兴某银行支行）" not in out   # sheet name not repeated
    assert "同名不同单位，按不同的人导入：第 7、8 行（国网长兴县供电公司）；第 13 行（长兴某银行支行）" in out
    assert (root / "workers" / "li-hua-2" / "profile.yml").is_file()
    assert "表格里有 2 个「李华」，照片「李华.jpg」对不上是哪一位" in out
    assert not (root / "workers" / "li-hua" / "portrait.jpg").exists()
