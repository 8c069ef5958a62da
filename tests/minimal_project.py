"""A minimal valid content tree, written into a temporary folder, for rule tests to break one thing at a time."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

SITE = """\
title: 测试风采录
publisher: 测试劳模协会
base_url: https://example.org/
root_association: city
vocabularies:
  industries: [制造业, 电力, 教育]
  honor_titles:
    全国劳动模范: national
    浙江省劳动模范: provincial
    湖州市劳动模范: municipal
booklet:
  paper: A5
"""

ASSOCIATION = """\
name: 测试市劳模协会
short_name: 测试市
contact:
  address: 测试市人民路1号
  phone: 0572-2123456
"""

PROFILE = """\
name: 王小明
association: city
employer: 测试电力公司
position: 检修班班长
industry: 电力
gender: 男
birth_year: 1975
honors:
  - title: 浙江省劳动模范
    level: provincial
    year: 2015
portrait: portrait.jpg
quote: 把每一件小事做好。
gallery:
  - file: work.jpg
    caption: 在变电站检修设备
consent:
  date: 2024-03-01
  note: 书面同意
"""

STORY = "王小明在检修一线工作了三十年。\n\n他带出了很多徒弟。\n"


def write_project(root: Path) -> Path:
    (root / "content" / "associations").mkdir(parents=True)
    (root / "content" / "site.yml").write_text(SITE, encoding="utf-8")
    (root / "content" / "associations" / "city.yml").write_text(ASSOCIATION, encoding="utf-8")
    (root / "content" / "associations" / "city.md").write_text("测试市劳模协会的故事。\n", encoding="utf-8")
    w = root / "workers" / "wang-xiaoming"
    w.mkdir(parents=True)
    (w / "profile.yml").write_text(PROFILE, encoding="utf-8")
    (w / "story.md").write_text(STORY, encoding="utf-8")
    Image.new("RGB", (600, 800), (180, 120, 90)).save(w / "portrait.jpg", quality=80)
    Image.new("RGB", (800, 600), (90, 120, 180)).save(w / "work.jpg", quality=80)
    return root


def profile_path(root: Path) -> Path:
    return root / "workers" / "wang-xiaoming" / "profile.yml"


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
