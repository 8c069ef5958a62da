"""`fengcai new`: the skeleton names what is missing; filled in, it passes check."""

from __future__ import annotations

import json
from pathlib import Path

from PIL import Image

from generator.cli import main
from tests.minimal_project import write_project


def check_json(root: Path, capsys) -> dict:
    main(["check", "--root", str(root), "--format", "json"])
    return json.loads(capsys.readouterr().out)


def fill(path: Path, **values: str) -> None:
    text = path.read_text(encoding="utf-8")
    for placeholder, value in values.items():
        assert placeholder in text, placeholder
        text = text.replace(placeholder, value)
    path.write_text(text, encoding="utf-8")


def test_new_worker_then_fill_passes(tmp_path, capsys):
    root = write_project(tmp_path / "p")
    assert main(["new", "worker", "孙梅金", "--association", "city", "--root", str(root)]) == 0
    out = capsys.readouterr().out
    assert "workers/sun-meijin/profile.yml" in out
    profile = root / "workers" / "sun-meijin" / "profile.yml"

    data = check_json(root, capsys)
    unfilled = [p for p in data["problems"] if p["code"] == "content.placeholder"]
    assert not data["ok"] and len(unfilled) >= 6
    assert {p["file"] for p in unfilled} == {"workers/sun-meijin/profile.yml", "workers/sun-meijin/story.md"}
    assert all(p["code"] == "content.placeholder" for p in data["problems"] if p["severity"] == "error")

    fill(profile, **{"【待填写：工作单位全称】": "湖州某丝绸有限公司", "【待填写：行业】": "制造业",
                     "【待填写：荣誉称号，例如 湖州市劳动模范】": "湖州市劳动模范", "【待填写：级别，例如 municipal】": "municipal",
                     "【待填写：获得年份，例如 2020】": "2020", "【待填写：同意日期，例如 2025-03-12】": "2025-03-12"})
    story = root / "workers" / "sun-meijin" / "story.md"
    story.write_text("孙梅金在缫丝车间工作了三十年。\n", encoding="utf-8")
    Image.new("RGB", (1200, 1600), (200, 180, 160)).save(profile.parent / "portrait.jpg")
    fill(profile, **{"portrait:\n": "portrait: portrait.jpg\n"})
    data = check_json(root, capsys)
    assert data["ok"], data["problems"]


def test_new_worker_clash_gets_suffix(tmp_path, capsys):
    root = write_project(tmp_path / "p")
    main(["new", "worker", "王小明", "--association", "city", "--root", str(root)])
    assert (root / "workers" / "wang-xiaoming-2" / "profile.yml").is_file()


def test_new_worker_unknown_association(tmp_path, capsys):
    root = write_project(tmp_path / "p")
    assert main(["new", "worker", "李华", "--association", "nowhere", "--root", str(root)]) == 2
    assert "city" in capsys.readouterr().err


def test_new_other_kinds_pass_once_filled(tmp_path, capsys):
    root = write_project(tmp_path / "p")
    assert main(["new", "studio", "李华电力创新工作室", "--association", "city", "--root", str(root)]) == 0
    assert main(["new", "collective", "检修一班", "--association", "city", "--root", str(root)]) == 0
    assert main(["new", "story", "红五月慰问劳模", "--association", "city", "--date", "2025-05-01", "--root", str(root)]) == 0
    assert main(["new", "association", "测试县劳模协会", "--id", "county", "--parent", "city", "--root", str(root)]) == 0
    capsys.readouterr()
    data = check_json(root, capsys)
    files = {p["file"] for p in data["problems"] if p["code"] == "content.placeholder"}
    assert any(f.startswith("content/studios/") for f in files) and any(f.startswith("content/stories/2025-05-01-") for f in files)
    assert "content/associations/county.yml" in files and "content/associations/county.md" in files
    # fill every placeholder with a plausible value
    for f in list((root / "content").rglob("*.yml")) + list((root / "content").rglob("*.md")):
        text = f.read_text(encoding="utf-8")
        text = (text.replace("【待填写：荣誉称号，例如 湖州市模范集体】", "湖州市劳动模范").replace("【待填写：级别，例如 municipal】", "municipal")
                .replace("【待填写：获得年份，例如 2022】", "2022"))
        import re
        text = re.sub(r"【待填写[^】]*】", "内容", text)
        f.write_text(text, encoding="utf-8")
    data = check_json(root, capsys)
    assert data["ok"], data["problems"]
