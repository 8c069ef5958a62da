"""Find the header row of a sheet under its title rows, merged cells and two-row headers.

    row 1  长兴县劳动模范名录（2024年）            ← title, merged across the table
    row 2  （截至2024年5月）                        ← subtitle or empty
    row 3  序号 | 姓名 | 性别 | 荣誉情况      | 备注 ← header (荣誉情况 merged over two columns)
    row 4       |      |      | 称号 | 年份   |      ← second header row
    row 5  1    | 孙梅金 | 女  | …             ← data

Each of the first rows is scored by how many known column names it holds (columns.header_score);
the best one wins, and the row below it joins as a second header row when it names more columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .columns import header_score, meaning_of, norm_header
from .errors import ImportStop
from .sheet import Grid

SCAN_ROWS = 20


@dataclass
class Header:
    row: int                 # 0-based index of the (first) header row
    depth: int               # 1 or 2 header rows
    names: list[str]         # one header text per column ("" when the column has none)
    title_lines: list[str]   # the text of the rows above the header (titles, subtitles)

    @property
    def first_data_row(self) -> int:
        return self.row + self.depth


def fill_merged(grid: Grid) -> list[list[Any]]:
    """The rows with every merged range's value copied into each of its cells."""
    width = grid.width
    rows = [list(r) + [None] * (width - len(r)) for r in grid.rows]
    for r1, c1, r2, c2 in grid.merged:
        if r1 >= len(rows) or c1 >= width:
            continue
        value = rows[r1][c1]
        for r in range(r1, min(r2, len(rows) - 1) + 1):
            for c in range(c1, min(c2, width - 1) + 1):
                rows[r][c] = value
    return rows


def _text(v) -> str:
    return "" if v is None else str(v).strip()


def find_header(grid: Grid, filled: list[list[Any]], extra: dict[str, str] | None = None) -> Header | None:
    """The header of `grid` (`filled` = fill_merged(grid)), or None when no row looks like one."""
    best: tuple[int, int, int] | None = None    # (score, -row, depth)
    for r in range(min(SCAN_ROWS, len(filled))):
        single = header_score(filled[r], extra)
        if single < 2:
            continue
        cand = (single, -r, 1)
        if r + 1 < len(filled):
            double = header_score(_combine(filled[r], filled[r + 1], extra), extra)
            if double > single and _header_like(filled[r + 1], extra):
                cand = (double, -r, 2)
        if best is None or cand[0] > best[0]:
            best = cand
    if best is None:
        return None
    row, depth = -best[1], best[2]
    names = [_text(c) for c in filled[row]] if depth == 1 else _combine(filled[row], filled[row + 1], extra)
    titles = []
    for r in range(row):
        line = " ".join(dict.fromkeys(_text(c) for c in filled[r] if _text(c)))   # merged cells repeat their value
        if line:
            titles.append(line)
    return Header(row, depth, [n if isinstance(n, str) else _text(n) for n in names], titles)


def _combine(top: list, below: list, extra: dict[str, str] | None) -> list[str]:
    """Per column: the second row's name where it has one, else the first row's (merged down or alone)."""
    out = []
    for c in range(max(len(top), len(below))):
        t = _text(top[c]) if c < len(top) else ""
        b = _text(below[c]) if c < len(below) else ""
        if not b or b == t:
            out.append(t)
        elif meaning_of(b, extra).field or meaning_of(b, extra).personal:
            out.append(b)
        else:
            out.append(t + b if meaning_of(t + b, extra).field else b)   # 荣誉情况 + 年份 → 荣誉情况年份 (→ year)
    return out


def _header_like(cells: list, extra: dict[str, str] | None) -> bool:
    """Is this row a second header row rather than the first data row? Data has numbers and dates;
    a sub-header has only short texts, at least one of them a known column name."""
    texts = [c for c in cells if c is not None]
    if not texts or any(not isinstance(c, str) for c in texts):
        return False
    return any(meaning_of(c, extra).field or meaning_of(c, extra).personal for c in texts) and all(len(c.strip()) <= 12 for c in texts)


def require_header(grid: Grid, filled: list[list[Any]], extra: dict[str, str] | None = None) -> Header:
    h = find_header(grid, filled, extra)
    if h is None:
        seen = [norm_header(c) for row in filled[:5] for c in row if isinstance(c, str) and c.strip()][:8]
        raise ImportStop(f"工作表「{grid.name}」里找不到表头（前 {SCAN_ROWS} 行没有“姓名”“工作单位”“荣誉称号”这样的列名）"
                         + (f"；看到的是：{'、'.join(seen)}" if seen else ""),
                         "表头那一行要有“姓名”（或“集体名称”）和至少一个其他列名；列名不一样时，用 --mapping 映射文件说明每一列是什么（见编辑指南“从 Excel 导入”）")
    return h
