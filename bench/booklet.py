"""Benchmark: a 200-worker booklet. Prints a Markdown table.

    .venv/bin/python bench/booklet.py [--workers 200] [--keep DIR]

A synthetic content tree (phone-like JPEG portraits, stories of 300–2,400 characters, one of 5,000)
is written to a temp folder, loaded, and built twice: cold (print photos encoded) and warm (cached);
then the press file (PDF/X-1a: CMYK photos, sheet, marks, and the preflight walk of every page) warm.
The Typst stage is timed on its own and compared with a baseline in the same run: a plain Typst
compile of the same number of pages of fixed text in the same fonts. Each case runs in a fresh
process so its peak memory (max RSS, Python + Typst) is its own. Goals: ≤ 10 ms/page, ≤ 1 GiB.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from _common import human_bytes, make_photo  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "建国立峰梅金晓燕海涛春林丽华卫东志强永强雪琴红梅国平振华佳怡美芳秋萍春芽国良晓岚慧敏文明德"
SENTENCES = ["他每天清晨六点到车间，先把每台设备听一遍、摸一遍，再记在本子上。",
             "三十年来，这样的本子攒了四十多本，哪台机器什么时候换过轴承，翻一翻就清清楚楚。",
             "徒弟们说，跟着师傅学的不只是手艺，更是一股“把小事做到极致”的劲头。",
             "她带领团队攻克了多项技术难题，累计获得国家专利十二项，为企业节约成本三百余万元。",
             "在乡村振兴一线，他把新技术送到田间地头，带动周边两百多户农户增收致富。",
             "面对突发险情，她第一个冲在前面，连续奋战三十六个小时，保障了全城供电安全。"]
HONORS = [("全国劳动模范", "national"), ("浙江省劳动模范", "provincial"), ("浙江省五一劳动奖章", "provincial"),
          ("湖州市劳动模范", "municipal"), ("南太湖工匠", "municipal"), ("南浔区劳动模范", "county")]


def make_tree(root: Path, n: int) -> None:
    rng = random.Random(7)
    (root / "content" / "associations").mkdir(parents=True)
    (root / "content" / "site.yml").write_text(
        "title: 湖州劳模风采录\npublisher: 湖州市劳模协会\nbase_url: https://fengcai.example.org/\n"
        "root_association: huzhou\nbooklet:\n  paper: A5\n", encoding="utf-8")
    (root / "content" / "associations" / "huzhou.yml").write_text("name: 湖州市劳模协会\nshort_name: 湖州市\n", encoding="utf-8")
    (root / "content" / "associations" / "huzhou.md").write_text(
        "## 协会简介\n\n" + "".join(rng.choice(SENTENCES) for _ in range(12)) + "\n", encoding="utf-8")
    for i in range(n):
        folder = root / "workers" / f"worker-{i:04d}"
        folder.mkdir(parents=True)
        name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))
        honors = rng.sample(HONORS, rng.randint(1, 3))
        lines = [f"name: {name}", "association: huzhou", "employer: 湖州示例制造有限公司", "position: 高级技师",
                 "industry: 制造业", "honors:"]
        for title, level in honors:
            lines += [f"  - title: {title}", f"    level: {level}", f"    year: {rng.randint(2000, 2024)}"]
        if i % 10:
            make_photo(folder / "portrait.jpg", 900, 1200, seed=i, quality=88)
            lines.append("portrait: portrait.jpg")
        lines += ["quote: 干一行，爱一行，钻一行。", "consent:", "  date: 2024-03-01"]
        (folder / "profile.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        chars = 5000 if i == 0 else rng.randint(300, 2400)
        paras, total = [], 0
        while total < chars:
            p = "".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 5)))
            paras.append(p)
            total += len(p)
        (folder / "story.md").write_text("\n\n".join(paras) + "\n", encoding="utf-8")


def case_booklet(root: Path, out: Path) -> dict:
    from pypdf import PdfReader

    from generator.booklet.build import BookletOptions, make_booklets
    from generator.content.loader import load
    model = load(root).model
    started = time.perf_counter()
    res = make_booklets(model, out, options=BookletOptions(today=dt.date(2026, 5, 1)))
    wall = time.perf_counter() - started
    pdf = res.paths[0]
    return {"wall": wall, "pages": len(PdfReader(pdf).pages), "bytes": pdf.stat().st_size, "pdf": str(pdf)}


def case_press(root: Path, out: Path) -> dict:
    """The print shop's file: CMYK photos (cached after the first run), PDF/X-1a, preflight of every page."""
    from generator.booklet.build import BookletOptions, make_booklets
    from generator.content.loader import load
    model = load(root).model
    started = time.perf_counter()
    res = make_booklets(model, out, options=BookletOptions(today=dt.date(2026, 5, 1), print_marks=True, proof=True))
    wall = time.perf_counter() - started
    pdf = res.paths[0]
    return {"wall": wall, "pages": res.pages[pdf], "bytes": pdf.stat().st_size, "pdf": str(pdf)}


def case_stages(root: Path, out: Path) -> dict:
    """The Typst compile alone (photos already cached), and the Python stages before it."""
    from generator.booklet.build import BookletOptions, make_booklets
    from generator.booklet import render
    from generator.content.loader import load
    model = load(root).model
    timings = {}
    real = render.compile_pdf

    def timed(doc, fonts, **kw):
        t = time.perf_counter()
        pdf = real(doc, fonts, **kw)
        timings["typst"] = time.perf_counter() - t
        return pdf

    render.compile_pdf = timed
    import generator.booklet.build as build
    build.compile_pdf = timed
    started = time.perf_counter()
    make_booklets(model, out, options=BookletOptions(today=dt.date(2026, 5, 1)))
    return {"wall": time.perf_counter() - started, "typst": timings["typst"]}


def case_baseline(pages: int) -> dict:
    """Plain Typst: `pages` pages of fixed Chinese text with a heading each, same fonts, no data."""
    import typst

    from generator.booklet.fonts import find_fonts
    from generator.booklet.render import _typst_fonts
    fonts = find_fonts()
    para = "他每天清晨六点到车间，先把每台设备听一遍、摸一遍，再记在本子上。" * 8
    families = "(" + "".join(json.dumps(f) + ", " for f in fonts.serif) + ")"
    src = (f'#set text(font: {families}, lang: "zh", region: "cn", size: 9.5pt)\n'
           '#set page(width: 148mm, height: 210mm, margin: 16mm)\n#set par(justify: true, first-line-indent: (amount: 2em, all: true))\n'
           f'#for i in range({pages}) {{ pagebreak(weak: true); heading("第" + str(i) + "页"); [{para}]; parbreak(); [{para}] }}\n')
    typst_fonts = _typst_fonts(tuple(fonts.dirs))
    started = time.perf_counter()
    pdf = typst.compile(src.encode(), font_paths=typst_fonts, pdf_tags=False)
    return {"typst": time.perf_counter() - started, "bytes": len(pdf)}


def embedded_fonts(pdf: Path) -> list[tuple[str, int]]:
    """(font name, bytes of its embedded subset program) for every font in the PDF."""
    from pypdf import PdfReader
    out = {}
    reader = PdfReader(pdf)
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            font = font.get_object()
            for desc_font in font.get("/DescendantFonts", [font]):
                desc = desc_font.get_object().get("/FontDescriptor")
                if desc is None:
                    continue
                desc = desc.get_object()
                for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                    if key in desc:
                        out[str(desc["/FontName"])] = len(desc[key].get_object().get_data())
    return sorted(out.items())


def child(case: str, args: list[str]) -> dict:
    cmd = [sys.executable, __file__, "--case", case, *args]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=200)
    ap.add_argument("--keep", type=Path, help="keep the synthetic tree and the PDF here")
    ap.add_argument("--case", help=argparse.SUPPRESS)
    ap.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--pages", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.case:
        result = {"booklet": lambda: case_booklet(a.root, a.out), "stages": lambda: case_stages(a.root, a.out),
                  "press": lambda: case_press(a.root, a.out),
                  "baseline": lambda: case_baseline(a.pages)}[a.case]()
        result["maxrss"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        print(json.dumps(result))
        return 0

    work = a.keep or Path(tempfile.mkdtemp(prefix="fengcai-bench-"))
    root, out = work / "tree", work / "out"
    t = time.perf_counter()
    if not root.exists():
        make_tree(root, a.workers)
    made = time.perf_counter() - t
    shutil.rmtree(root / ".cache", ignore_errors=True)          # cold: no print photos cached
    cold = child("booklet", ["--root", str(root), "--out", str(out)])
    warm = child("booklet", ["--root", str(root), "--out", str(out)])
    stages = child("stages", ["--root", str(root), "--out", str(out)])
    child("press", ["--root", str(root), "--out", str(out / "press")])        # converts the photos to CMYK once
    press = child("press", ["--root", str(root), "--out", str(out / "press")])
    base = child("baseline", ["--pages", str(cold["pages"])])
    pages = cold["pages"]
    fonts = embedded_fonts(Path(cold["pdf"]))

    def ms(s: float) -> str:
        return f"{s * 1000 / pages:.1f}"

    print(f"\n{a.workers} workers → {pages} pages A5; synthetic tree made in {made:.1f} s ({work})\n")
    print("| case | wall time | ms/page | peak memory (max RSS) | PDF size |")
    print("|---|---:|---:|---:|---:|")
    print(f"| booklet, cold (print photos encoded) | {cold['wall']:.2f} s | {ms(cold['wall'])} | {human_bytes(cold['maxrss'])} | {human_bytes(cold['bytes'])} |")
    print(f"| booklet, warm (photos cached) | {warm['wall']:.2f} s | {ms(warm['wall'])} | {human_bytes(warm['maxrss'])} | {human_bytes(warm['bytes'])} |")
    print(f"| — Typst compile stage only | {stages['typst']:.2f} s | {ms(stages['typst'])} | {human_bytes(stages['maxrss'])} | |")
    print(f"| press file PDF/X-1a, warm ({press['pages']} pages) | {press['wall']:.2f} s | {press['wall'] * 1000 / press['pages']:.1f} | "
          f"{human_bytes(press['maxrss'])} | {human_bytes(press['bytes'])} |")
    print(f"| baseline: plain Typst, {pages} pages fixed text | {base['typst']:.2f} s | {ms(base['typst'])} | {human_bytes(base['maxrss'])} | {human_bytes(base['bytes'])} |")
    print(f"\nTypst stage vs. baseline: {stages['typst'] / base['typst']:.2f}×; goals ≤ 10 ms/page, ≤ 1 GiB.")
    print("Embedded font subsets: " + "; ".join(f"{name} {human_bytes(size)}" for name, size in fonts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
