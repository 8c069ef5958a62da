"""Mutation fuzz of the sample content: whatever happens to a YAML or Markdown file's bytes, the gate
of `check`/`build`/`booklet` (open_public) and of `serve` (the preview's open_preview) end in a report
of Chinese problems — never a traceback or a hang.

Deterministic: case k uses random.Random(SEED + k). The normal suite runs CASES cases;
FENGCAI_FUZZ_CASES=5000 (and FENGCAI_FUZZ_SEED) run a longer campaign.
"""

from __future__ import annotations

import collections
import json
import os
import random
import re
import shutil
import signal
import traceback
from pathlib import Path

import pytest

from generator.gate import ContentRefused, open_public
from generator.site.preview import Preview
from tests.content_mutations import mutate

ROOT = Path(__file__).resolve().parents[1]
CASES = int(os.environ.get("FENGCAI_FUZZ_CASES", "100"))
SEED = int(os.environ.get("FENGCAI_FUZZ_SEED", "20250312"))
HANG_SECONDS = 120  # a hang guard, not a speed test: one case takes well under a second
CJK = re.compile(r"[\u3400-\u9fff]")
PARSER_ENGLISH = re.compile(r"\b(found|expected|while scanning|while parsing|not allowed|Traceback|Error)\b")


class Hang(Exception):
    pass


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "p"
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(ROOT / "workers", root / "workers")
    return root


def _content_files(root: Path) -> list[Path]:
    return sorted(p for p in [*root.joinpath("content").rglob("*"), *root.joinpath("workers").rglob("*")]
                  if p.suffix in (".yml", ".md") and p.is_file())


def _on_alarm(signum, frame):
    raise Hang()


def test_mutated_content_always_ends_in_a_report(project):
    files = _content_files(project)
    preview = Preview(project, say=lambda line: None)
    outcomes: collections.Counter = collections.Counter()
    codes: collections.Counter = collections.Counter()
    failures = []
    old = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        for k in range(CASES):
            rnd = random.Random(SEED + k)
            path = rnd.choice(files)
            original = path.read_bytes()
            mutated, names = mutate(original, rnd)
            rel = path.relative_to(project).as_posix()
            path.write_bytes(mutated)
            stamp = os.stat(path).st_mtime_ns + (k + 1) * 1_000_000_000
            os.utime(path, ns=(stamp, stamp))  # the preview's cache is keyed by mtime and size
            signal.alarm(HANG_SECONDS)
            try:
                try:
                    report = open_public(project).report
                except ContentRefused as refused:
                    report = refused.report
                    refused.text()
                text, data = report.format_text(), json.loads(report.format_json())
                report.format_github()
                preview.publication()
                preview.report.format_text()
            except Hang:
                failures.append(f"case {k} ({rel}, {names}): no answer after {HANG_SECONDS} s")
                continue
            except Exception:
                failures.append(f"case {k} ({rel}, {names}):\n{traceback.format_exc()}")
                continue
            finally:
                signal.alarm(0)
                path.write_bytes(original)
            for p in report.problems:
                if not CJK.search(p.message) or PARSER_ENGLISH.search(p.message + p.hint) or not p.loc.file:
                    failures.append(f"case {k} ({rel}, {names}): not an editor's message: {p.line()}")
            here = [p for p in data["problems"] if p["file"] == rel and p["severity"] == "error"]
            outcomes["errors in the mutated file" if here else "other errors" if not data["ok"]
                     else "warnings only" if data["problems"] else "clean"] += 1
            codes.update(p["code"] for p in here)
            assert "Traceback" not in text
    finally:
        signal.signal(signal.SIGALRM, old)
    print(f"\n{CASES} mutated files (seed {SEED}): {dict(outcomes)}")
    print("error codes in the mutated file:", dict(codes.most_common()))
    assert not failures, "\n\n".join(failures[:10])
    # the mutations really break things: most cases end in an error at the mutated file
    assert outcomes["errors in the mutated file"] > CASES // 3
