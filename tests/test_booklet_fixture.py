"""A small content tree for the booklet tests (imported by the other test_booklet_* modules).

Two associations (city root + one district), seven workers — one with a 5,000-character story, one
without a portrait, rare characters 䶮 and 𫖮, a draft that must never appear, Typst/Markdown special
characters in a story — one collective and one studio.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from PIL import Image, ImageDraw

from site_content import tiny_video

LONG_PARAGRAPH = ("他每天清晨六点到车间，先把每台设备听一遍、摸一遍，再记在本子上；三十年来，这样的本子攒了四十多本，"
                  "哪台机器什么时候换过轴承、哪一批料容易出毛刺，翻一翻就清清楚楚。徒弟们说，跟着师傅学的不只是手艺，"
                  "更是一股“把小事做到极致”的劲头。")


def long_story(chars: int = 5000) -> str:
    paras, total = [], 0
    i = 0
    while total < chars:
        p = f"第{i + 1}段。" + LONG_PARAGRAPH
        paras.append(p)
        total += len(p)
        i += 1
    return "\n\n".join(paras)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def _photo(path: Path, size=(900, 1200), colour=(170, 120, 90)) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    im = Image.new("RGB", size, colour)
    d = ImageDraw.Draw(im)
    w, h = size
    d.ellipse([w * 0.3, h * 0.15, w * 0.7, h * 0.5], fill=(240, 210, 180))
    d.rectangle([w * 0.2, h * 0.55, w * 0.8, h], fill=(60, 80, 120))
    im.save(path, "JPEG", quality=85)


def _worker(root: Path, wid: str, name: str, association: str, honors: str, *, portrait=True, story="",
            extra: str = "", draft=False) -> None:
    folder = root / "workers" / wid
    lines = [f"name: {name}", f"association: {association}", "employer: 湖州示例机械有限公司",
             "position: 高级技师", "industry: 制造业", "honors:", textwrap.indent(textwrap.dedent(honors).strip(), "  ")]
    if portrait:
        lines.append("portrait: portrait.jpg")
        _photo(folder / "portrait.jpg")
    lines += ["consent:", "  date: 2024-03-01"]
    if draft:
        lines.append("draft: true")
    if extra:
        lines.append(textwrap.dedent(extra).strip())
    _write(folder / "profile.yml", "\n".join(lines) + "\n")
    if story:
        _write(folder / "story.md", story)


def make_tree(root: Path) -> Path:
    root = Path(root)
    _write(root / "content" / "site.yml", """
        title: 湖州劳模风采录
        subtitle: 学习劳模 崇尚劳动
        publisher: 湖州市劳模协会
        base_url: https://fengcai.example.org/
        root_association: huzhou
        booklet:
          paper: A5
          bleed_mm: 3
        """)
    _write(root / "content" / "associations" / "huzhou.yml", """
        name: 湖州市劳模协会
        short_name: 湖州市
        contact:
          address: 湖州市吴兴区示例路 1 号
          phone: 0572-2000100
        """)
    _write(root / "content" / "associations" / "huzhou.md", """
        ## 协会简介

        湖州市劳模协会成立于 2006 年，是全市劳动模范的**群众组织**，以*弘扬劳模精神*为己任。
        特殊字符照样印出：#set page(width: 1cm) $x^2$ [链接](https://example.org) <b>粗</b> \\*星号\\*。

        - 技能培训
        - 助企纾困

        > 劳动最光荣。
        """)
    _write(root / "content" / "associations" / "nanxun.yml", """
        name: 南浔区劳模协会
        short_name: 南浔区
        parent: huzhou
        cover: nanxun.jpg
        """)
    _photo(root / "content" / "associations" / "nanxun.jpg", (2000, 1400), (90, 130, 160))
    _write(root / "content" / "associations" / "nanxun.md", "南浔区劳模协会的故事。\n")

    _worker(root, "sun-meijin", "孙梅金", "nanxun", """
        - title: 全国劳动模范
          level: national
          year: 2015
        """, story="孙梅金是南浔的一名缫丝工。\n\n她说：“丝要一根一根地理。”\n",
            extra="""
        quote: 干一行，爱一行，钻一行。
        sample: true
        tags:
          - 丝绸
        videos:
          - file: intro.mp4
            title: 孙梅金的一天
        """)
    tiny_video(root / "workers" / "sun-meijin" / "intro.mp4")   # a real one: `fengcai booklet` runs the media rule too
    _worker(root, "liu-yan", "刘䶮", "nanxun", """
        - title: 浙江省劳动模范
          level: provincial
          year: 2019
        """, story="刘䶮的师傅叫王𫖮，两个名字里都有生僻字。\n", extra="name_pinyin: Liú Yǎn")
    _worker(root, "qian-lifeng", "钱立峰", "huzhou", """
        - title: 湖州市劳动模范
          level: municipal
          year: 2021
        """, story=long_story(5000), extra="quote: 把小事做到极致。")
    _worker(root, "zhou-wen", "周文", "huzhou", """
        - title: 南浔区劳动模范
          level: county
          year: 2012
        """, portrait=False, story="周文还没有照片，小册子里用占位图。\n", extra="""
        tags:
          - 丝绸
        """)
    _worker(root, "zhang-caogao", "张草稿", "nanxun", """
        - title: 全国劳动模范
          level: national
          year: 2020
        """, story="这是一份草稿，不应出现在任何小册子里。\n", draft=True)
    _worker(root, "an-ning", "安宁", "nanxun", """
        - title: 浙江省五一劳动奖章
          level: provincial
          year: 2010
        """, story="安宁的故事。\n")
    _worker(root, "bai-xue", "白雪", "huzhou", """
        - title: 湖州市劳动模范
          level: municipal
          year: 2023
        """, story="白雪的故事。\n")

    _write(root / "content" / "collectives" / "siyun-chejian.yml", """
        name: 丝韵缫丝车间
        association: nanxun
        members: 36
        photo: siyun.jpg
        summary: 一个平均年龄三十岁的缫丝车间。
        honors:
          - title: 全国工人先锋号
            level: national
            year: 2018
        """)
    _photo(root / "content" / "collectives" / "siyun.jpg", (1600, 900), (120, 150, 100))
    _write(root / "content" / "collectives" / "siyun-chejian.md", "车间的故事。\n")
    _write(root / "content" / "studios" / "meijin-sichou.yml", """
        name: 梅金丝绸技艺创新工作室
        association: nanxun
        level: municipal
        founded: 2016
        leader: sun-meijin
        members: 12
        summary: 缫丝工艺革新。
        achievements:
          - title: 一种自动接头装置
            year: 2019
            kind: 专利
        """)
    return root
