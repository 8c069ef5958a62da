"""fengcai demo --workers N --out DIR [--seed S] [--photo-size 2400x3200]"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=int, required=True, help="虚构劳模的人数")
    p.add_argument("--out", type=Path, required=True, help="输出目录（会被整体替换）")
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
    out = args.out.resolve()
    if out.exists() and any(out.iterdir()) and not (out / "workers").is_dir():
        print(f"错误: {out} 不是空目录，也不是演示数据目录；为防止误删，请换一个目录", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    tty = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if tty and (done == total or done % 50 == 0):
            print(f"\r生成照片 {done}/{total}", end="" if done < total else "\n", file=sys.stderr)

    counts = generate(out, args.workers, args.seed, (w, h), args.jobs, progress)
    print(f"已生成演示数据：{counts['workers']} 位劳模（草稿 {counts['drafts']}），照片 {counts['photos']} 张，"
          f"视频 {counts['videos']} 个，用时 {time.perf_counter() - t0:.1f} 秒 → {out}")
    return 0
