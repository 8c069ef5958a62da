"""Every check message code an editor can meet is explained in the 编辑指南."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE = re.compile(r"""["'](file|yaml|schema|media|privacy|ref|vocab|duplicate|markdown|content|story|worker|site|search|product|service|request|venue)\.([a-z][a-z\-]*)["']""")


def test_every_problem_code_is_in_the_guide():
    guide = (ROOT / "docs" / "编辑指南.md").read_text(encoding="utf-8")
    codes = set()
    for py in (ROOT / "generator").rglob("*.py"):
        codes |= {f"{a}.{b}" for a, b in CODE.findall(py.read_text(encoding="utf-8"))}
    assert len(codes) > 30
    codes = {c for c in codes if not c.endswith((".yml", ".yaml", ".md", ".html", ".json", ".typ", ".xml"))}  # file names
    missing = sorted(c for c in codes if f"`{c}`" not in guide)
    assert not missing, f"codes not explained in docs/编辑指南.md: {missing}"
