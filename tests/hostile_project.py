"""A content tree with a script payload in every text field of every kind of content and of site.yml.

Built on tests/minimal_project.py's project, extended with one association (with a child and a venue),
collective, studio, story, free page, product, service, 点单 request and content/search.yml. Every plain-text field holds `MARK` + one of the PAYLOADS, so a test can
find it on the page as text; Markdown bodies hold the payloads Markdown allows (inline code, a `<title>`
tag that is cleaned, template syntax), because `check` rejects script HTML in a body outright.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image

from minimal_project import write_project

REPO = Path(__file__).resolve().parents[1]

XSS = '"><img src=x onerror=alert(1)>'
CLOSE_SCRIPT = "</script><script>alert(1)</script>"
TEMPLATE = "{{ 7*7 }}"
RAW = "{% raw %}{{ 7*7 }}"            # an unclosed Jinja block: shown as text, never parsed as a template
PAYLOADS = (XSS, CLOSE_SCRIPT, TEMPLATE, RAW)


def q(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


# One value per field; the name keeps its Chinese characters so pinyin, slugs and search still work.
NAME = "王小明" + XSS
SITE_TITLE = "风采录" + XSS
STORY_TITLE = "走访慰问" + CLOSE_SCRIPT
PAGE_TITLE = "关于本站" + XSS
ASSOC_NAME = "测试市劳模协会" + XSS
CHILD_NAME = "测试区劳模协会" + CLOSE_SCRIPT
COLLECTIVE_NAME = "先锋班组" + XSS
STUDIO_NAME = "明星创新工作室" + CLOSE_SCRIPT
INDUSTRY = "电力" + XSS
HONOR = "测试市劳动模范" + XSS
PRODUCT_NAME = "石磨面粉" + XSS
CATEGORY = "农产品" + CLOSE_SCRIPT
SERVICE_NAME = "安全用电" + CLOSE_SCRIPT
REQUEST_TITLE = "线路检查" + XSS
VENUE_NAME = "劳模产品陈列馆" + XSS
SYNONYM = "检修劳模" + XSS.replace(" ", "/")     # a search term has no spaces

SITE = f"""\
title: {q(SITE_TITLE)}
subtitle: {q("副标题" + TEMPLATE)}
publisher: {q("主办单位" + CLOSE_SCRIPT)}
description: {q("网站简介" + XSS)}
base_url: https://example.org/"><svg/onload=alert(1)>/
root_association: city
contact:
  address: {q("人民路1号" + XSS)}
  hours: {q("工作日" + XSS)}
vocabularies:
  industries: [{q(INDUSTRY)}]
  product_categories: [{q(CATEGORY)}]
  honor_titles:
    {q(HONOR)}: municipal
"""

ASSOCIATION = f"""\
name: {q(ASSOC_NAME)}
short_name: {q("测试市" + XSS)}
region: {q("测试市" + CLOSE_SCRIPT)}
summary: {q("协会简介" + XSS)}
founded: 2001
contact:
  address: {q("人民路1号" + XSS)}
  phone: 0572-2123456
  email: info@example.org
  hours: {q("周一至周五" + TEMPLATE)}
  website: https://example.org/?q="><svg/onload=alert(1)>
stats:
  - label: {q("服务人次" + XSS)}
    value: 12
    unit: {q("次" + CLOSE_SCRIPT)}
services:
  - name: {q("法律咨询" + XSS)}
    description: {q("每月一次" + CLOSE_SCRIPT)}
venues:
  - id: city-hall
    name: {q(VENUE_NAME)}
    address: {q("人民路2号" + CLOSE_SCRIPT)}
    hours: {q("工作日" + RAW)}
    note: {q("展厅说明" + XSS)}
"""

CHILD = f"""\
name: {q(CHILD_NAME)}
parent: city
summary: {q("区协会" + TEMPLATE)}
"""

BODY = f"""\
正文里的代码会原样显示：`{XSS}`，模板写法 {TEMPLATE} 也一样。

<title>标题标签会被清理</title>
"""

PROFILE = f"""\
name: {q(NAME)}
association: city
employer: {q("测试电力公司" + XSS)}
position: {q("检修班班长" + CLOSE_SCRIPT)}
industry: {q(INDUSTRY)}
gender: 男
birth_year: 1975
honors:
  - title: {q(HONOR)}
    level: municipal
    year: 2015
    awarded_by: {q("测试市人民政府" + XSS)}
portrait: portrait.jpg
portrait_alt: {q("肖像" + XSS)}
quote: {q("把每一件小事做好" + XSS)}
specialties: [{q("带电作业" + XSS)}]
services: [{q("技术咨询" + CLOSE_SCRIPT)}]
achievements:
  - title: {q("一种检修工具" + XSS)}
    year: 2018
    kind: {q("专利" + CLOSE_SCRIPT)}
gallery:
  - file: work.jpg
    caption: {q("在变电站检修设备" + XSS)}
videos:
  - file: intro.mp4
    poster: poster.jpg
    captions: intro.vtt
    title: {q("检修二十年" + XSS)}
audio:
  - file: talk.mp3
    title: {q("访谈录音" + CLOSE_SCRIPT)}
    transcript: {q("文字稿" + XSS)}
links:
  - title: {q("媒体报道" + XSS)}
    url: https://example.org/news?a=1&b="><svg/onload=alert(1)>
studio: studio-a
tags: [{q("标签" + XSS)}]
featured: true
consent:
  date: 2024-03-01
  note: {q("书面同意" + XSS)}
"""

COLLECTIVE = f"""\
name: {q(COLLECTIVE_NAME)}
association: city
summary: {q("集体简介" + XSS)}
members: 12
photo: team.jpg
photo_alt: {q("集体合影" + XSS)}
honors:
  - title: {q(HONOR)}
    level: municipal
    year: 2020
tags: [{q("班组" + XSS)}]
"""

STUDIO = f"""\
name: {q(STUDIO_NAME)}
association: city
level: municipal
founded: 2012
leader: wang-xiaoming
members: 8
photo: studio.jpg
photo_alt: {q("工作室" + XSS)}
summary: {q("工作室简介" + XSS)}
achievements:
  - title: {q("创新成果" + XSS)}
    year: 2019
    kind: {q("工法" + TEMPLATE)}
tags: [{q("工作室" + CLOSE_SCRIPT)}]
"""

STORY = f"""\
---
title: {q(STORY_TITLE)}
date: 2025-05-08
association: city
cover: 2025-05-08-zoufang.jpg
cover_alt: {q("封面" + XSS)}
summary: {q("摘要" + XSS)}
workers: [wang-xiaoming]
tags: [{q("走访" + XSS)}]
---

{BODY}"""

PRODUCT = f"""\
name: {q(PRODUCT_NAME)}
association: city
maker:
  worker: wang-xiaoming
category: {q(CATEGORY)}
year: 2022
description: {q("产品介绍" + XSS + RAW)}
photos:
  - file: shimo-mianfen.jpg
    caption: {q("一袋面粉" + XSS)}
awards:
  - title: {q("优质农产品" + XSS)}
    kind: {q("奖项" + CLOSE_SCRIPT)}
    year: 2023
available_at: [city-hall]
tags: [{q("面粉" + XSS)}]
"""

SERVICE = f"""\
name: {q(SERVICE_NAME)}
association: city
description: {q("服务内容" + XSS)}
offered_by:
  workers: [wang-xiaoming]
  studios: [studio-a]
order_url: https://example.org/order?a="><svg/onload=alert(1)>
order_note: {q("点单说明" + CLOSE_SCRIPT + RAW)}
"""

REQUEST = f"""\
title: {q(REQUEST_TITLE)}
service: city-anquan
requester: {q("河西" + XSS + "社区居民委员会")}
requester_type: community
details: {q("具体需求" + CLOSE_SCRIPT)}
requested: 2025-03-02
status: done
claimed: 2025-03-03
taken_by:
  worker: wang-xiaoming
completed: 2025-03-20
outcome: {q("服务结果" + XSS + TEMPLATE)}
"""

SEARCH = f"""\
synonyms:
  {q(SYNONYM)}: {q("检修" + XSS)}
  全国劳模: [全国劳动模范, {q("劳模" + CLOSE_SCRIPT)}]
"""

PAGE = f"""\
---
title: {q(PAGE_TITLE)}
order: 1
---

{BODY}"""


def _photo(path: Path, size=(800, 600), colour=(120, 140, 160)) -> None:
    Image.new("RGB", size, colour).save(path, quality=80)


def write_hostile_project(root: Path) -> Path:
    write_project(root)
    content = root / "content"
    (content / "site.yml").write_text(SITE, encoding="utf-8")
    (content / "associations" / "city.yml").write_text(ASSOCIATION, encoding="utf-8")
    (content / "associations" / "city.md").write_text(BODY, encoding="utf-8")
    (content / "associations" / "district.yml").write_text(CHILD, encoding="utf-8")
    for kind, text, photo in (("collectives", COLLECTIVE, "team.jpg"), ("studios", STUDIO, "studio.jpg")):
        (content / kind).mkdir()
        item = "team-a" if kind == "collectives" else "studio-a"
        (content / kind / f"{item}.yml").write_text(text, encoding="utf-8")
        (content / kind / f"{item}.md").write_text(BODY, encoding="utf-8")
        _photo(content / kind / photo)
    (content / "stories").mkdir()
    (content / "stories" / "2025-05-08-zoufang.md").write_text(STORY, encoding="utf-8")
    _photo(content / "stories" / "2025-05-08-zoufang.jpg")
    for kind, item, text in (("products", "shimo-mianfen", PRODUCT), ("services", "city-anquan", SERVICE),
                             ("requests", "2025-03-02-hexi-xianlu", REQUEST)):
        (content / kind).mkdir()
        (content / kind / f"{item}.yml").write_text(text, encoding="utf-8")
    _photo(content / "products" / "shimo-mianfen.jpg")
    (content / "search.yml").write_text(SEARCH, encoding="utf-8")
    (content / "pages").mkdir()
    (content / "pages" / "about.md").write_text(PAGE, encoding="utf-8")
    w = root / "workers" / "wang-xiaoming"
    (w / "profile.yml").write_text(PROFILE, encoding="utf-8")
    (w / "story.md").write_text(BODY, encoding="utf-8")
    sample = REPO / "workers" / "qian-lifeng"     # a real, short video with captions and a poster
    for name in ("intro.mp4", "intro.vtt", "poster.jpg"):
        shutil.copy(sample / name, w / name)
    audio = next(REPO.glob("workers/*/talk.mp3"))
    shutil.copy(audio, w / "talk.mp3")
    return root
