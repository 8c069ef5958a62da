"""fengcai booklet [--association ID] [--level L] [--tag T] [--years 2015-2024] [--workers a,b]
                 [--title T] [--out DIR] [--paper A5|A4] [--press [--proof]] [--impose saddle] [--fonts DIR] [--root DIR]

Booklets go to <project>/booklets/ (the same folder `fengcai build` uses) unless --out says otherwise."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..booklet.build import BookletOptions, booklet_dir, make_booklets
from ..booklet.errors import BookletError
from ..booklet.selection import Filters, parse_level, parse_years
from ..check.privacy import scan_line
from ..check.references import association_names, option_hint
from ..gate import ContentRefused, open_public
from ..media.errors import MediaError
from ..project import NO_ROOT, find_root
from ..safe_folders import Guard, RefusedTarget, check_writable_place


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--association", action="append", default=[], metavar="编号",
                   help="只生成这个协会的小册子（含下级协会），可写多次；默认每个协会一本，另加全市一本")
    p.add_argument("--level", action="append", default=[], metavar="级别",
                   help="只收录获得此级别荣誉的劳模：全国级/省级/市级/区县级（或 national/provincial/municipal/county），可写多次")
    p.add_argument("--tag", action="append", default=[], metavar="标签", help="只收录带这个标签的劳模，可写多次")
    p.add_argument("--years", metavar="年份", help="只收录在这些年份获得荣誉的劳模，例如 2015-2024")
    p.add_argument("--workers", metavar="编号,编号", help="只收录这些劳模（workers/ 下的文件夹名，用英文逗号隔开），按所写顺序排列")
    p.add_argument("--title", metavar="书名", help="自定义书名，例如 南浔区劳模风采录（默认按协会名称生成）")
    p.add_argument("--out", type=Path, default=None, metavar="文件夹",
                   help="PDF 保存到哪里（默认项目根目录下的 booklets/，fengcai build 也生成到这里）")
    p.add_argument("--paper", choices=("A5", "A4"), type=str.upper, help="纸张大小（默认取 site.yml 的 booklet.paper，否则 A5）")
    p.add_argument("--press", "--print-marks", dest="print_marks", action="store_true",
                   help="印刷厂版：PDF/X-1a 印刷文件，全部 CMYK、出血和裁切线、页数凑成 4 的倍数，并做印前检查（文件名以 -print 结尾）")
    p.add_argument("--proof", action="store_true",
                   help="校样：印前检查有错误（如二维码指向示例网址、照片太模糊）也生成印刷文件，文件名以 -proof 结尾，只供核对，不能付印")
    p.add_argument("--impose", choices=("saddle",), help="saddle：另生成骑马钉拼版文件，A5 页面两两拼在 A4 横向纸上，可直接双面打印后对折装订")
    p.add_argument("--fonts", type=Path, action="append", default=[], metavar="文件夹", help="字体文件夹（放 Noto CJK/思源字体），先于系统字体查找")
    p.add_argument("--root", type=Path, default=None, metavar="文件夹", help="项目根目录（含 content/ 和 workers/），默认自动查找")


def run(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    if root is None:
        print(NO_ROOT, file=sys.stderr)
        return 2
    try:
        options = _options(args)
    except BookletError as e:
        print(f"错误: {e}", file=sys.stderr)
        return 2
    try:   # PDFs are only added to this folder, but never into the project's own folders or the home folder
        wanted = booklet_dir(root) if args.out is None else args.out if args.out.is_absolute() else Path.cwd() / args.out
        out = check_writable_place(wanted, Guard(project=root), "把小册子保存到")
    except RefusedTarget as e:
        print(f"错误: {e}", file=sys.stderr)
        return 2
    try:
        public = open_public(root).public
    except ContentRefused as e:
        print(e.text(color=sys.stderr.isatty() and not os.environ.get("NO_COLOR")), file=sys.stderr)
        print(f"内容有 {len(e.report.errors)} 个错误，没有生成小册子。请先按提示修改（和 fengcai check 的提示相同）。", file=sys.stderr)
        return 1
    names = association_names(public)
    for aid in options.associations:
        if aid not in names:  # `--association 南浔`: say which id was meant
            print(f"错误: 没有编号为「{aid}」的协会 — 提示: {option_hint('--association', aid, names)}", file=sys.stderr)
            return 1
    try:
        result = make_booklets(public, out, options=options, log=lambda m: print(m, flush=True))
    except (BookletError, MediaError) as e:
        print(f"错误: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # a bug, not bad content: say so in Chinese instead of a traceback
        if os.environ.get("FENGCAI_DEBUG"):
            raise
        print(f"错误: 生成小册子时程序出错（{type(e).__name__}: {e}） — 提示: 这是程序的问题，不是内容的问题；"
              "请把这段信息发给技术人员（设置环境变量 FENGCAI_DEBUG=1 可看到详细信息）", file=sys.stderr)
        return 1
    for problem in result.problems:
        print(problem.line(), file=sys.stderr if problem.is_error else sys.stdout)
    for line in result.summary:
        print(line)
    if result.errors and not options.proof:
        return 1
    if not result.paths:
        print("没有生成任何小册子：所选范围里没有劳模。", file=sys.stderr)
        return 1
    print(f"完成：共 {len(result.paths)} 个 PDF，保存在 {out}")
    return 0


def _options(args: argparse.Namespace) -> BookletOptions:
    years = parse_years(args.years) if args.years else None
    ids = tuple(w.strip() for w in (args.workers or "").replace("，", ",").split(",") if w.strip())
    filters = Filters(levels=tuple(parse_level(x) for x in args.level), tags=tuple(args.tag), years=years,
                      worker_ids=ids)
    title = (args.title or "").strip()
    for col, message, hint, _code in scan_line(title)[:1]:   # printed on the cover and into the PDF's metadata
        raise BookletError(f"书名（--title）第 {col} 个字起: {message} — 提示: 书名里不能有个人信息；{hint}")
    return BookletOptions(associations=tuple(args.association), filters=filters, title=title,
                          paper=args.paper or "", print_marks=args.print_marks or args.proof, proof=args.proof, impose=args.impose or "",
                          fonts_dirs=tuple(args.fonts))
