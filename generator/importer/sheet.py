"""Spreadsheet files → grids of cell values: .xlsx through openpyxl, .csv in UTF-8 / GBK / UTF-16.

openpyxl rather than python-calamine: it exposes merged cells (title rows merged across the table,
two-row headers, an employer merged down over several rows), it writes .xlsx for `fengcai export`
too, and it is pure Python (no wheel to build). It is slower than calamine, which does not matter at
a few thousand rows (bench/import_sheet.py).
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ImportStop

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"   # old .xls/.et, and every password-protected .xlsx
MAX_ROWS = 100_000
SAVE_AS_XLSX = "用 Excel 或 WPS 打开，选“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入新文件"


@dataclass
class Grid:
    """One sheet: rows of raw cell values (None for empty) and its merged ranges (0-based, inclusive)."""

    name: str
    rows: list[list[Any]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)   # (row1, col1, row2, col2)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


@dataclass
class Workbook:
    path: Path
    grids: list[Grid]
    encoding_note: str = ""       # for CSV: which encoding was detected, said in the summary
    hidden: list[str] = field(default_factory=list)   # hidden sheets, not imported (said in the summary)


def read_workbook(path: Path) -> Workbook:
    if not path.exists():
        raise ImportStop(f"找不到文件「{path}」", "检查文件名和所在文件夹；文件名里有空格时请用引号括起来")
    if path.is_dir():
        raise ImportStop(f"「{path}」是文件夹，不是表格文件", "写表格文件的名字，例如 劳模名录.xlsx")
    try:
        head = path.open("rb").read(8)
    except OSError as e:
        raise ImportStop(f"无法读取文件「{path.name}」（{e.strerror or e}）", "检查文件是否存在、是否被其他程序占用、是否有读取权限") from None
    suffix = path.suffix.lower()
    if head == OLE_MAGIC:
        _refuse_ole(path, suffix)
    if suffix in (".xlsx", ".xlsm"):
        return Workbook(path, *_read_xlsx(path))
    if suffix in (".csv", ".txt"):
        grid, note = _read_csv(path)
        return Workbook(path, [grid], note)
    if suffix in (".ods", ".numbers", ".wps", ".et"):
        raise ImportStop(f"不支持「{path.suffix}」格式的表格", SAVE_AS_XLSX)
    if head.startswith(b"PK"):
        return Workbook(path, *_read_xlsx(path))
    raise ImportStop(f"「{path.name}」不是 Excel（.xlsx）或 CSV 文件", "导入 .xlsx 或 .csv 文件；其他格式请先" + SAVE_AS_XLSX)


def _refuse_ole(path: Path, suffix: str) -> None:
    raw = path.read_bytes()
    if "EncryptionInfo".encode("utf-16-le") in raw or "EncryptedPackage".encode("utf-16-le") in raw:
        raise ImportStop(f"「{path.name}」设置了打开密码，无法读取",
                         "在 Excel 里打开，选“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清空密码后保存"
                         "（WPS：“文件 → 文档加密 → 密码加密”，清除打开密码）；再导入")
    kind = "WPS 表格文件（.et）" if suffix == ".et" else "旧版 Excel 文件（.xls，Excel 97–2003 格式）"
    raise ImportStop(f"「{path.name}」是{kind}，不能直接读取", SAVE_AS_XLSX)


def _read_xlsx(path: Path) -> tuple[list[Grid], str, list[str]]:
    import openpyxl  # imported here: `fengcai --help` need not load it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # openpyxl warns about data validation, unknown extensions…
            wb = openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as e:
        if isinstance(e, PermissionError):
            raise ImportStop(f"无法打开「{path.name}」：没有读取权限，或文件正被其他程序占用", "关闭 Excel/WPS 后再试") from None
        raise ImportStop(f"「{path.name}」已损坏，或不是 Excel 文件（{type(e).__name__}）",
                         "用 Excel 或 WPS 打开确认内容完好，另存为 .xlsx 后再导入") from None
    except Exception as e:  # openpyxl raises a zoo of errors on odd files; none may reach the editor as a traceback
        raise ImportStop(f"无法读取「{path.name}」（{type(e).__name__}）", "用 Excel 或 WPS 打开，" + SAVE_AS_XLSX) from None
    grids, hidden = [], []
    for ws in wb.worksheets:
        if getattr(ws, "sheet_state", "visible") != "visible":
            hidden.append(ws.title)   # hidden sheets hold lookup lists and old versions, not the register
            continue
        rows = []
        for i, row in enumerate(ws.iter_rows(values_only=True)):
            if i >= MAX_ROWS:
                raise ImportStop(f"工作表「{ws.title}」超过 {MAX_ROWS} 行", "只保留劳模名录那一部分，另存为新文件再导入")
            rows.append(list(row))
        _trim(rows)
        merged = [(r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1) for r in ws.merged_cells.ranges]
        grids.append(Grid(ws.title, rows, merged))
    wb.close()
    return grids, "", hidden


def decode_csv(raw: bytes) -> tuple[str, str]:
    """(text, what to tell the editor about the encoding)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "UTF-16（Excel“Unicode 文本”格式）"
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "UTF-8（带 BOM）"
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    for enc, label in (("gbk", "GBK"), ("gb18030", "GB18030")):
        try:
            return raw.decode(enc), (f"{label}（中文版 Excel、WPS 保存 CSV 时的默认编码），已自动按 {label} 读取")
        except UnicodeDecodeError:
            continue
    raise ImportStop("无法识别 CSV 文件的编码（不是 UTF-8，也不是 GBK/GB18030）",
                     "用 Excel 或 WPS 打开，另存为 .xlsx，或另存为“CSV UTF-8（逗号分隔）”再导入")


def _read_csv(path: Path) -> tuple[Grid, str]:
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ImportStop(f"无法读取文件「{path.name}」（{e.strerror or e}）", "检查文件是否存在、是否有读取权限") from None
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportStop(f"「{path.name}」不是文本格式的 CSV 文件", "用 Excel 或 WPS 打开，另存为 .xlsx 再导入")
    text, note = decode_csv(raw)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    rows: list[list[Any]] = []
    try:
        for i, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)):
            if i >= MAX_ROWS:
                raise ImportStop(f"「{path.name}」超过 {MAX_ROWS} 行", "只保留劳模名录那一部分再导入")
            rows.append([c if c.strip() else None for c in row])
    except csv.Error as e:
        raise ImportStop(f"CSV 文件格式有误（{e}）", "用 Excel 或 WPS 打开，另存为 .xlsx 再导入") from None
    _trim(rows)
    return Grid(path.stem, rows), note


def _trim(rows: list[list[Any]]) -> None:
    """Drop trailing empty rows and trailing empty cells (Excel keeps formatted-but-empty ones)."""
    for row in rows:
        while row and (row[-1] is None or (isinstance(row[-1], str) and not row[-1].strip())):
            row.pop()
    while rows and not rows[-1]:
        rows.pop()
