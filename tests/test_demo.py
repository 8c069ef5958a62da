"""`fengcai demo`: a deterministic synthetic corpus that passes check."""

import hashlib
from pathlib import Path

from generator.check import check_tree
from generator.cli import main


def digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*.yml")) + sorted(root.rglob("*.md")):
        h.update(p.relative_to(root).as_posix().encode() + p.read_bytes())
    return h.hexdigest()


def test_demo_corpus_is_deterministic_and_valid(tmp_path, capsys):
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["demo", "--workers", "40", "--out", str(a), "--seed", "7", "--photo-size", "240x320"]) == 0
    assert main(["demo", "--workers", "40", "--out", str(b), "--seed", "7", "--photo-size", "240x320"]) == 0
    assert "40 位劳模" in capsys.readouterr().out
    assert digest(a) == digest(b)
    model, report = check_tree(a)
    assert report.ok, report.format_text()
    assert len(model.workers) == 40
    assert len({w.association for w in model.workers.values()}) >= 5
    assert len({w.highest_honor.level for w in model.workers.values()}) >= 3
    assert sum(1 for w in model.workers.values() if w.portrait) >= 30
