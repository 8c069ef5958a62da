"""fengcai demo --workers N --out DIR [--seed S] [--photo-size 2400x3200]"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ..project import find_root
from ..safe_folders import Guard, Marker, RefusedTarget, check_folder, replacing_folder


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=int, required=True, help="虚构劳模的人数")
    p.add_argument("--out", type=Path, required=True, help="输出目录（整体替换；只替换不存在的、空的或以前生成的演示数据目录）")
    p.add_argument("--seed", type=int, default=1, help="随机种子：相同的种子生成相同的数据")
    p.add_argument("--photo-size", default="2400x3200", help="肖像照片尺寸，默认 2400x3200")
    p.add_argument("--jobs", type=int, default=None, help="并行进程数，默认等于 CPU 核数")


def run(args: argparse.Namespace) -> int:
    from ..demo.corpus import generate
    try:
        w, h = (int(x) for x in args.photo_size.lower().split("x"))
    except ValueError:
        print(f"错误: --photo-size 的格式应为 宽x高，例如 2400x3200", file=sys.stderr)
        return 2
    try:
        out = check_folder(args.out, {"demo"}, Guard(project=find_root()), "把演示数据生成到")
    except RefusedTarget as e:
        print(f"错误: {e}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    tty = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if tty and (done == total or done % 50 == 0):
            print(f"\r生成照片 {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    with replacing_folder(out, Marker("demo")) as tmp:   # a run cut short leaves the old corpus in place
        counts = generate(tmp, args.workers, args.seed, (w, h), args.jobs, progress)
    print(f"已生成演示数据：{counts['workers']} 位劳模（草稿 {counts['drafts']}），照片 {counts['photos']} 张，"
          f"视频 {counts['videos']} 个，用时 {time.perf_counter() - t0:.1f} 秒 → {out}")
    return 0
