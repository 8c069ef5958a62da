"""Files `fengcai import` cannot read: a Chinese message with the fix, exit code 2, never a traceback."""

from __future__ import annotations

import zipfile

import pytest

from tests.import_sheets import changxing_xlsx
from tests.test_import import fresh_project, run_import, tree_digest

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def encrypted_xlsx(path):
    """What Excel writes for a workbook with an open password: an OLE container holding the
    EncryptionInfo and EncryptedPackage streams (directory names in UTF-16) instead of a zip."""
    body = bytearray(OLE + bytes(504))
    for name in ("EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"):
        entry = name.encode("utf-16-le").ljust(64, b"\x00")
        body += entry + bytes(64)
    path.write_bytes(bytes(body) + bytes(4096))
    return path


def old_xls(path):
    path.write_bytes(OLE + bytes(504) + "Workbook".encode("utf-16-le").ljust(64, b"\x00") + bytes(4096))
    return path


def empty_xlsx(path):
    from openpyxl import Workbook
    Workbook().save(path)
    return path


def no_header_xlsx(path):
    from openpyxl import Workbook
    wb = Workbook()
    wb.active.append(["长兴县劳动模范名录"])
    wb.active.append(["孙梅金", "湖州某丝绸有限公司", 2020])
    wb.save(path)
    return path


def broken_xlsx(path):
    good = changxing_xlsx(path.with_name("good.xlsx"))
    path.write_bytes(good.read_bytes()[:2000])     # cut off mid-download
    return path


def not_a_zip(path):
    path.write_bytes(b"this is not a spreadsheet" * 10)
    return path


def unknown_encoding_csv(path):
    path.write_bytes(bytes(range(0x80, 0x100)) * 4)
    return path


CASES = [
    ("密码.xlsx", encrypted_xlsx, "错误: 「密码.xlsx」设置了打开密码，无法读取 — 提示: 在 Excel 里打开，选“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码后保存"),
    ("名录.xls", old_xls, "错误: 「名录.xls」是旧版 Excel 文件（.xls，Excel 97–2003 格式），不能直接读取 — 提示: 用 Excel 或 WPS 打开，选“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入新文件"),
    ("空.xlsx", empty_xlsx, "错误: 「空.xlsx」是空的，没有任何内容"),
    ("无表头.xlsx", no_header_xlsx, "错误: 工作表「Sheet」里找不到表头（前 20 行没有“姓名”“工作单位”“荣誉称号”这样的列名）"),
    ("坏.xlsx", broken_xlsx, "错误: 「坏.xlsx」已损坏，或不是 Excel 文件（BadZipFile） — 提示: 用 Excel 或 WPS 打开确认内容完好，另存为 .xlsx 后再导入"),
    ("假.xlsx", not_a_zip, "错误: 「假.xlsx」已损坏，或不是 Excel 文件"),
    ("乱码.csv", unknown_encoding_csv, "错误: 无法识别 CSV 文件的编码（不是 UTF-8，也不是 GBK/GB18030）"),
    ("名录.ods", lambda p: (p.write_bytes(b"PK\x03\x04" + bytes(100)), p)[1], "错误: 不支持「.ods」格式的表格 — 提示: 用 Excel 或 WPS 打开"),
]


@pytest.mark.parametrize("name, make, message", CASES, ids=[c[0] for c in CASES])
def test_unreadable_files_get_a_chinese_message_and_nothing_is_written(tmp_path, capsys, name, make, message):
    root = fresh_project(tmp_path, with_workers=False)
    before = tree_digest(root)
    path = make(tmp_path / name)
    code, out, err = run_import(capsys, path, "--root", root)
    assert code == 2
    assert err.startswith(message), err
    assert "Traceback" not in err + out
    assert tree_digest(root) == before


def test_missing_file_and_bad_options(tmp_path, capsys):
    root = fresh_project(tmp_path, with_workers=False)
    code, _out, err = run_import(capsys, tmp_path / "没有.xlsx", "--root", root)
    assert code == 2 and "错误: 找不到文件" in err and "没有.xlsx" in err
    sheet = changxing_xlsx(tmp_path / "名录.xlsx")
    code, _out, err = run_import(capsys, sheet, "--root", root, "--association", "nowhere")
    assert code == 2 and err.startswith("错误: 协会编号「nowhere」不存在 — 提示: 可用的编号：anji、changxing")
    code, _out, err = run_import(capsys, sheet, "--root", root, "--sheet", "第三页")
    assert code == 2 and "可用的工作表：劳模名录、模范集体" in err
    code, _out, err = run_import(capsys, sheet, "--root", root, "--photos", tmp_path / "没有照片")
    assert code == 2 and "照片文件夹" in err


def test_mapping_file_mistakes_point_at_the_line(tmp_path, capsys):
    root = fresh_project(tmp_path, with_workers=False)
    sheet = changxing_xlsx(tmp_path / "名录.xlsx")
    mapping = tmp_path / "映射.yml"
    mapping.write_text("columns:\n  证号: 姓名\n  备注: 生日快乐\n", encoding="utf-8")
    code, _out, err = run_import(capsys, sheet, "--root", root, "--mapping", mapping)
    assert code == 2
    assert f"错误: 映射文件 {mapping}:3:7: 列「备注」对应的「生日快乐」不是可以导入的资料项 — 提示: 可以写：编号、序号" in err
    mapping.write_text("column:\n  证号: 姓名\n", encoding="utf-8")
    code, _out, err = run_import(capsys, sheet, "--root", root, "--mapping", mapping)
    assert f"映射文件 {mapping}:1:1: 不认识的项「column」" in err


def test_a_zip_that_is_not_a_workbook(tmp_path, capsys):
    root = fresh_project(tmp_path, with_workers=False)
    path = tmp_path / "照片.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("photo.jpg", b"\xff\xd8\xff")
    code, _out, err = run_import(capsys, path, "--root", root)
    assert code == 2 and err.startswith("错误: 「照片.xlsx」已损坏，或不是 Excel 文件") and "Traceback" not in err
