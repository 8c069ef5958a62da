"""The benchmark suite: one entry point, a Markdown table, bench/results.md.

    python bench/run.py [--sizes 100,1000,10000] [--photo-size 2400x3200] [--work DIR] [--skip serve,search,…]

Every figure is a ratio or a count against a baseline measured in the same run, because the machine
(2 cores, shared) is noisy: build time vs. a plain `mkdocs build` of the same pages with stock
Material; search and page weight as bytes; booklet and image pipeline vs. their own baselines
(bench/booklet.py, bench/images.py, whose tables are included).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from _common import TreeMonitor, human_bytes  # noqa: E402
import browser_probe  # noqa: E402

PY = sys.executable
FENGCAI = [PY, "-m", "generator.cli"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,10000", help="numbers of workers, comma-separated")
    ap.add_argument("--photo-size", default="2400x3200", help="portrait size of the synthetic corpus")
    ap.add_argument("--work", type=Path, default=Path("bench/work"), help="corpora and builds (kept for reruns)")
    ap.add_argument("--skip", default="", help="comma-separated: overhead,serve,search,weight,booklet,images,video")
    ap.add_argument("--booklet-workers", type=int, default=200)
    ap.add_argument("--images", default="200x4000x3000", help="N x W x H for bench/images.py")
    ap.add_argument("--video", default="10x3840x2160", help="SECONDS x W x H for bench/video.py")
    ap.add_argument("--out", type=Path, default=HERE / "results.md")
    ap.add_argument("--no-cold", action="store_true",
                    help="keep the corpus' image cache (a cold 10,000-photo encode takes ~30 min on 2 cores)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    skip = set(filter(None, args.skip.split(",")))
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)

    rows: list[tuple[str, str, str]] = []
    sections: list[str] = []
    for n in sizes:
        corpus = make_corpus(work, n, args.photo_size)
        site = work / f"site-{n}"
        if not args.no_cold:
            shutil.rmtree(corpus / ".cache", ignore_errors=True)
        cold = timed_build(corpus, site)
        warm = timed_build(corpus, site)
        first = "cold image cache" if not args.no_cold else "first build (cache kept)"
        rows.append((f"Build, {n} workers: {first} → warm",
                     f"{cold['wall']:.1f} s → **{warm['wall']:.1f} s** (warm/first {warm['wall'] / cold['wall']:.2f}); "
                     f"peak memory {human_bytes(cold['peak'])} / {human_bytes(warm['peak'])}; {warm['pages']} pages",
                     "10,000: warm ≤ 60 s, ≤ 4 GiB" if n >= 10000 else ""))
        if "overhead" not in skip:
            base = plain_mkdocs_build(corpus, work / f"plain-{n}")
            rows.append((f"Generator overhead, {n} workers: `fengcai build` (warm) / plain `mkdocs build` of the same pages, stock Material",
                         f"**{warm['wall'] / base['wall']:.2f}×** ({warm['wall']:.1f} s vs {base['wall']:.1f} s)", "≤ 1.20"))
        if "weight" not in skip and n == sizes[0]:
            w = browser_probe.page_weight(site)
            rows.append(("Worker page weight (HTML + CSS + JS, no photos), first visit",
                         f"**{human_bytes(w['bytes'])}** ({human_bytes(w['gzip'])} gzipped) in {w['requests']} requests ({w['outside']} to other hosts); HTML {human_bytes(w['html'])}",
                         "≤ 150 KB, 0 outside"))
        if "search" not in skip:
            s = browser_probe.search_bytes(site)
            rows.append((f"Search, {n} workers: index on disk / first query / second query",
                         f"{human_bytes(s['index'])} / **{human_bytes(s['first'])}** / **{human_bytes(s['second'])}** "
                         f"(hits: {s['hits_first']}, {s['hits_second']}); the search page's scripts and word table "
                         f"{human_bytes(s['page_scripts'])}, loaded with the page", "10,000: first ≤ 350 KB, later ≤ 70 KB"))
        if "search" not in skip:
            o = offline_search_size(corpus)
            rows.append((f"Offline copy's search data, {n} workers: search-data.js (all text, story included)",
                         f"{human_bytes(o['bytes'])} = **{human_bytes(o['bytes'] * 1000 / o['workers'])} per 1,000 workers** "
                         f"({o['records']} records); search-lexicon.js {human_bytes(o['lexicon'])}",
                         "≤ 1.5 MB per 1,000 workers"))
        if "serve" not in skip and n == min(sizes, key=lambda k: abs(k - 1000)):
            t = serve_edit(corpus)
            rows.append((f"Edit one profile → new page in `fengcai serve`, {n} workers",
                         f"**{t:.1f} s**" if t is not None else "timed out", "≤ 3 s"))
    if "booklet" not in skip:
        sections.append("### Booklet (bench/booklet.py)\n\n" + sub_bench(["booklet.py", "--workers", str(args.booklet_workers)]))
    if "images" not in skip:
        n, w, h = args.images.split("x")
        sections.append("### Image pipeline (bench/images.py)\n\n" + sub_bench(["images.py", "--n", n, "--size", f"{w}x{h}", "--repeat", "1"]))
    if "video" not in skip:
        secs, w, h = args.video.split("x")
        sections.append("### Phone video (bench/video.py)\n\n" + sub_bench(["video.py", "--seconds", secs, "--size", f"{w}x{h}",
                                                                                 "--workdir", str(work / "video")]))

    table = "| Measure | Result | Target |\n|---|---|---|\n" + "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
    report = f"# Benchmark results\n\n{machine()}\n\n{table}\n\n" + "\n\n".join(sections) + "\n"
    print(report)
    args.out.write_text(report, encoding="utf-8")
    print(f"(written to {args.out})")
    return 0


def machine() -> str:
    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines()
                if l.startswith("model name")), platform.processor())
    mem = next((int(l.split()[1]) * 1024 for l in Path("/proc/meminfo").read_text().splitlines()
                if l.startswith("MemTotal")), 0)
    return (f"{dt.datetime.now():%Y-%m-%d %H:%M}; {os.cpu_count()} cores ({cpu}), {human_bytes(mem)} RAM; "
            f"load average {os.getloadavg()[0]:.1f} at the end; Python {platform.python_version()}; "
            f"{_versions()}")


def _versions() -> str:
    from importlib.metadata import version
    return ", ".join(f"{p} {version(p)}" for p in ("mkdocs", "mkdocs-material", "pagefind", "typst", "pillow"))


def make_corpus(work: Path, n: int, photo_size: str) -> Path:
    corpus = work / f"corpus-{n}"
    stamp = corpus / ".bench-stamp"
    want = f"{n} {photo_size} seed=1"
    if stamp.is_file() and stamp.read_text() == want:
        return corpus
    log(f"corpus of {n} workers ({photo_size}) …")
    subprocess.run([*FENGCAI, "demo", "--workers", str(n), "--out", str(corpus), "--photo-size", photo_size],
                   check=True, cwd=REPO)
    stamp.write_text(want)
    return corpus


def timed_build(corpus: Path, site: Path) -> dict:
    log(f"fengcai build {corpus.name} …")
    with TreeMonitor(interval=0.1) as mon:
        t = time.perf_counter()
        subprocess.run([*FENGCAI, "build", "--root", str(corpus), "--out", str(site), "--no-booklets"],
                       check=True, cwd=REPO, stdout=subprocess.DEVNULL)
        wall = time.perf_counter() - t
    return {"wall": wall, "peak": mon.peak_total, "pages": sum(1 for _ in site.rglob("index.html"))}


def plain_mkdocs_build(corpus: Path, work: Path) -> dict:
    """The same generated pages as plain Markdown files, built by stock Material with no hook."""
    from generator.content.loader import load
    from generator.site.media import open_media
    from generator.site.pipeline import build_site

    shutil.rmtree(work, ignore_errors=True)
    docs = work / "docs"
    model = load(corpus).model.public()
    output = build_site(model, open_media(corpus))
    for page in output.pages:
        dest = docs / page.src_uri
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(page.markdown(), encoding="utf-8")
    nav = [{k: v} for entry in output.nav() for k, v in entry.items()]
    (work / "mkdocs.yml").write_text(json.dumps({
        "site_name": "baseline", "docs_dir": "docs", "site_dir": "site", "theme": {"name": "material", "font": False},
        "plugins": [], "nav": nav, "validation": {"nav": {"not_found": "ignore", "omitted_files": "ignore"}},
    }, ensure_ascii=False), encoding="utf-8")
    log(f"plain mkdocs build of {len(output.pages)} pages …")
    t = time.perf_counter()
    subprocess.run([PY, "-m", "mkdocs", "build", "-q", "-f", str(work / "mkdocs.yml")], check=True, cwd=work,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stderr=subprocess.DEVNULL)
    return {"wall": time.perf_counter() - t}


def offline_search_size(corpus: Path) -> dict:
    """The offline copy's search-data.js and the word table both copies load, made from the corpus' model."""
    from generator.content.loader import load
    from generator.site.media import open_media
    from generator.site.search_data import search_data_js, search_records
    from generator.site.search_lexicon import lexicon, lexicon_js

    model = load(corpus).model.public()
    records = search_records(model, open_media(corpus))
    return {"bytes": len(search_data_js(records).encode("utf-8")), "records": len(records),
            "workers": len(model.workers), "lexicon": len(lexicon_js(lexicon(model)).encode("utf-8"))}


def serve_edit(corpus: Path, timeout: float = 120) -> float | None:
    """Seconds from saving a changed profile to `fengcai serve` serving the new text."""
    import socket
    import urllib.request
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([*FENGCAI, "serve", "--root", str(corpus), "--port", str(port)], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    profile = sorted((corpus / "workers").glob("*/profile.yml"))[len(list((corpus / "workers").iterdir())) // 2]
    url = f"http://127.0.0.1:{port}/workers/{profile.parent.name}/"
    original = profile.read_text(encoding="utf-8")
    marker = f"基准测试修改{int(time.time())}"

    def fetch() -> str:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.read().decode("utf-8", "replace")
        except OSError:
            return ""
    try:
        deadline = time.time() + timeout * 3
        while "<html" not in fetch():
            if time.time() > deadline or proc.poll() is not None:
                return None
            time.sleep(0.5)
        time.sleep(2)  # let the watcher settle
        log("serve: editing one profile …")
        lines = [l for l in original.splitlines() if not l.startswith("quote:")]
        profile.write_text("\n".join(lines) + f"\nquote: {marker}\n", encoding="utf-8")
        t = time.perf_counter()
        while marker not in fetch():
            if time.perf_counter() - t > timeout:
                return None
            time.sleep(0.1)
        return time.perf_counter() - t
    finally:
        profile.write_text(original, encoding="utf-8")
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def sub_bench(argv: list[str]) -> str:
    log(f"{' '.join(argv)} …")
    out = subprocess.run([PY, str(HERE / argv[0]), *argv[1:]], capture_output=True, text=True, cwd=REPO)
    if out.returncode:
        return f"(failed: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode})"
    return out.stdout.strip()


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
