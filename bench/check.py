"""Benchmark `fengcai check`: what the privacy scan adds to it, on a demo corpus.

    .venv/bin/python bench/check.py --workers 1000            # makes bench/work/check-1000 once
    .venv/bin/python bench/check.py --corpus DIR

The baseline is the same process checking the same loaded model without the privacy rule, so the
ratio holds on a noisy machine: check (load + every rule) / check without the privacy rule.
Also reports the scan's throughput on number-rich text (the sample content repeated), where the
patterns work hardest. Best of --repeat runs each.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.check import RULES, media, privacy  # noqa: E402
from generator.check.sources import published_text  # noqa: E402
from generator.content.loader import load  # noqa: E402


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def run_rules(model, rules) -> None:
    for rule in rules:
        rule(model, lambda f: True) if rule is media.check else rule(model)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=1000)
    ap.add_argument("--corpus", type=Path, help="an existing project (default: a demo corpus under bench/work)")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    corpus = args.corpus or REPO / "bench" / "work" / f"check-{args.workers}"
    if not (corpus / "workers").is_dir():
        subprocess.run([sys.executable, "-m", "generator.cli", "demo", "--workers", str(args.workers), "--out", str(corpus),
                        "--photo-size", "120x160"], cwd=REPO, check=True, capture_output=True)
    t_load = best(lambda: load(corpus), 1)
    model = load(corpus).model
    run_rules(model, RULES)                        # fills the media probe memo, as a second `check` would find it
    others = [r for r in RULES if r is not privacy.check]
    t_all = best(lambda: run_rules(model, RULES), args.repeat)
    t_others = best(lambda: run_rules(model, others), args.repeat)
    t_privacy = best(lambda: privacy.check(model), args.repeat)
    sample = load(REPO).model
    texts = ["\n".join(t.source.lines) for t in published_text(sample)] * 20
    chars = sum(map(len, texts))
    t_dense = best(lambda: [privacy.patterns.find(t) for t in texts], args.repeat)

    n = len(model.workers)
    print("| Measure | Result |\n|---|---|")
    print(f"| Check, {n} workers: load + every rule / load + every rule but privacy | "
          f"**{(t_load + t_all) / (t_load + t_others):.2f}×** ({t_load + t_all:.2f} s vs {t_load + t_others:.2f} s) |")
    print(f"| Privacy rule alone, {n} workers | {t_privacy:.2f} s ({t_privacy / (t_load + t_all):.0%} of the check) |")
    print(f"| Privacy scan on number-rich text (sample content ×20) | {chars / t_dense / 1e6:.1f} M characters/s |")


if __name__ == "__main__":
    main()
