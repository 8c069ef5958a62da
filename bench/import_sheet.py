"""Benchmark `fengcai import` on a large register against simply reading the same workbook with openpyxl.

    .venv/bin/python bench/import_sheet.py                 # 500 rows
    .venv/bin/python bench/import_sheet.py --rows 2000

Reports, as a Markdown table: the baseline (openpyxl opens the workbook and reads every cell), the dry
run, the first import into an empty copy of the project (including the check of what was written), and
the second import of the same register (goal: no file changes), each as seconds and as a ratio to the
baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.cli import main as fengcai  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜"
GIVEN = "建国伟明华英梅金强军芳丽红霞平刚勇杰涛斌超秀兰玉珍桂凤春海波林森浩宇"
HONOURS = ["长兴县劳动模范", "湖州市劳动模范（2019）、长兴县劳动模范（2015）", "浙江省劳动模范", "南太湖工匠", "长兴县五一劳动奖章"]


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)   # GB 11643: the check digit
_ID_CHECK = "10X98765432"


def id_number(body: str) -> str:
    return body + _ID_CHECK[sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS)) % 11]


def make_register(path: Path, rows: int) -> None:
    from openpyxl import Workbook
    rnd = random.Random(7)
    wb = Workbook()
    ws = wb.active
    ws.append(["长兴县劳动模范名录"])
    ws.merge_cells("A1:J1")
    ws.append(["序号", "姓名", "性别", "出生年月", "身份证号码", "工作单位及职务", "荣誉称号", "获得年份", "行业", "联系电话"])
    for i in range(rows):
        name = rnd.choice(SURNAMES) + rnd.choice(GIVEN) + rnd.choice(GIVEN)
        ws.append([i + 1, name, rnd.choice("男女"), f"19{rnd.randint(50, 99)}.{rnd.randint(1, 12)}",
                   id_number(f"330522{rnd.randint(1950, 1999)}0101{i % 1000:03d}"[:17]),
                   f"长兴某{rnd.choice(['纺织', '电力', '建设', '茶叶'])}有限公司{rnd.choice(['车间主任', '班长', '技术员'])}",
                   rnd.choice(HONOURS), f"{rnd.randint(2000, 2023)}年", rnd.choice(["制造业", "电力", "建筑", "现代农业"]),
                   f"139{rnd.randint(10_000_000, 99_999_999)}"])
    wb.save(path)


def timed(fn) -> float:
    t = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        fn()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=500)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sheet = tmp / "register.xlsx"
        make_register(sheet, args.rows)
        root = tmp / "project"
        shutil.copytree(REPO / "content", root / "content")
        (root / "workers").mkdir()

        def baseline():
            from openpyxl import load_workbook
            wb = load_workbook(sheet, data_only=True)
            for ws in wb.worksheets:
                for _row in ws.iter_rows(values_only=True):
                    pass

        base = min(timed(baseline) for _ in range(3))
        timed(lambda: fengcai(["import", str(sheet), "--root", str(root), "--dry-run"]))   # warm-up: module imports
        dry = timed(lambda: fengcai(["import", str(sheet), "--root", str(root), "--dry-run"]))
        first = timed(lambda: fengcai(["import", str(sheet), "--root", str(root)]))
        before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and ".cache" not in p.parts}
        second = timed(lambda: fengcai(["import", str(sheet), "--root", str(root)]))
        after = {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and ".cache" not in p.parts}
        profiles = len(list((root / "workers").glob("*/profile.yml")))
    changed = sum(1 for p in set(before) | set(after) if before.get(p) != after.get(p))
    print(f"| {args.rows} rows → {profiles} profiles | seconds | × baseline |")
    print("|---|---:|---:|")
    print(f"| baseline: openpyxl reads every cell | {base:.2f} | 1.0 |")
    for label, t in (("dry run (plan + table)", dry), ("first import (+ check of what was written)", first),
                     ("second import, same register", second)):
        print(f"| {label} | {t:.2f} | {t / base:.1f} |")
    print(f"\nFiles changed by the second import: {changed} (goal: 0).")


if __name__ == "__main__":
    main()
