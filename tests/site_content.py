"""Tiny content trees for site tests: written from code, so a test states exactly what it relies on."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

SITE_YML = """\
title: 测试风采录
publisher: 测试劳模协会
base_url: https://fengcai.test/
language: zh
root_association: city
vocabularies:
  industries: [制造业, 电力]
  honor_titles:
    全国劳动模范: national
    浙江省劳动模范: provincial
    湖州市劳动模范: municipal
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def portrait(path: Path, colour=(180, 60, 60), size=(600, 800)) -> None:
    from PIL import Image, ImageDraw
    path.parent.mkdir(parents=True, exist_ok=True)
    img = Image.new("RGB", size, (240, 230, 220))
    d = ImageDraw.Draw(img)
    w, h = size
    d.ellipse((w * 0.3, h * 0.15, w * 0.7, h * 0.45), fill=colour)
    d.rectangle((w * 0.2, h * 0.5, w * 0.8, h), fill=colour)
    img.save(path, quality=85)


def tiny_video(path: Path, seconds: int = 1) -> None:
    """A short H.264 MP4 made with PyAV (no external ffmpeg)."""
    import av
    from PIL import Image
    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = 160, 120, "yuv420p"
        for i in range(10 * seconds):
            img = Image.new("RGB", (160, 120), ((i * 20) % 255, 80, 80))
            for packet in stream.encode(av.VideoFrame.from_image(img)):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


def worker(root: Path, wid: str, name: str, association: str, extra: str = "", honor="湖州市劳动模范",
           level="municipal", year=2020, pic=True) -> Path:
    folder = root / "workers" / wid
    yml = f"""\
name: {name}
association: {association}
employer: 测试机械有限公司
industry: 制造业
sample: true
honors:
  - title: {honor}
    level: {level}
    year: {year}
consent:
  date: 2024-01-01
"""
    if pic:
        portrait(folder / "portrait.jpg")
        yml += "portrait: portrait.jpg\n"
    write(folder / "profile.yml", yml + textwrap.dedent(extra))
    return folder


def minimal_tree(root: Path) -> Path:
    """Two associations, four workers (one draft), a studio and a story."""
    write(root / "content/site.yml", SITE_YML)
    write(root / "content/associations/city.yml", "name: 测试市劳模协会\nshort_name: 测试市\n")
    write(root / "content/associations/city.md", "测试市劳模协会成立于 2000 年。\n")
    write(root / "content/associations/town.yml", "name: 小镇劳模协会\nshort_name: 小镇\nparent: city\n")
    write(root / "content/studios/lathe.yml", "name: 车工创新工作室\nassociation: city\nlevel: municipal\nleader: sun-meijin\n")
    write(root / "content/stories/2024-05-01-wuyi.md",
          "---\ntitle: 五一劳动节活动\ndate: 2024-05-01\nassociation: city\nworkers: [sun-meijin]\n---\n\n劳模们走进社区。\n")
    write(root / "content/pages/about.md", "---\ntitle: 关于本站\n---\n\n# 关于本站\n\n这是测试网站。\n")
    w = worker(root, "sun-meijin", "孙梅金", "city", """\
        studio: lathe
        featured: true
        videos:
          - file: talk.mp4
            title: 孙梅金谈创新
            captions: talk.vtt
        """, honor="全国劳动模范", level="national", year=2015)
    tiny_video(w / "talk.mp4")
    write(w / "talk.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\n大家好\n")
    write(w / "story.md", "孙梅金从学徒做起，三十年扎根车间。\n\n## 带徒传技\n\n她带出了很多徒弟。\n")
    worker(root, "li-ming", "李明", "town", year=2019)
    worker(root, "wang-fang", "王芳", "town", honor="浙江省劳动模范", level="provincial", year=2018)
    worker(root, "zhao-caogao", "赵草稿", "town", "draft: true\n")
    return root


def copy_tree(src: Path, dest: Path) -> Path:
    for name in ("content", "workers"):
        if (src / name).is_dir():
            shutil.copytree(src / name, dest / name)
    return dest
