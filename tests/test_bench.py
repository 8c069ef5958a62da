"""The benchmark suite still runs end to end (N=20, tiny photos). No timing assertions: only that
every measure is reported, as the numbers are for people to compare, not for CI to judge."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_bench_runs_small(tmp_path):
    out = tmp_path / "results.md"
    proc = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--sizes", "20", "--photo-size", "240x320",
         "--booklet-workers", "6", "--images", "3x640x480", "--video", "1x320x240", "--work", str(tmp_path / "work"), "--out", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    report = out.read_text(encoding="utf-8")
    for measure in ("Build, 20 workers", "Generator overhead", "Worker page weight", "Search, 20 workers",
                    "Edit one profile", "### Booklet", "ms/page", "### Image pipeline", "Images re-encoded on warm rebuild",
                    "### Phone video", "Conversions on warm rebuild"):
        assert measure in report, measure
    assert "(failed" not in report and "timed out" not in report
    assert "(0 to other hosts)" in report
