"""content/site.yml → SiteConfig."""

from __future__ import annotations

from pathlib import Path

from ..model.entities import SiteConfig
from ..model.honors import LEVEL_LABELS
from ..model.source import Loc, Source
from ..problems import Problem, error
from .common import read_contact
from .fields import FieldReader
from .limits import MAX_VOCABULARY
from .yaml_file import load_yaml_file


def read_site(path: Path, root: Path, problems: list[Problem]) -> SiteConfig:
    rel = path.relative_to(root).as_posix() if path.is_absolute() else str(path)
    if not path.is_file():
        problems.append(error(Loc(rel), "缺少网站设置文件 content/site.yml", "从示例内容复制一份 site.yml 再修改", "site.missing"))
        return SiteConfig(title="劳模风采录", source=Source(path, rel))
    data, source = load_yaml_file(path, root, problems)
    if data is None:
        return SiteConfig(title="劳模风采录", source=source or Source(path, rel))
    r = FieldReader(data, source, problems, what="site.yml")
    site = SiteConfig(
        title=r.text("title", "网站标题", required=True) or "劳模风采录", source=source,
        subtitle=r.text("subtitle", "副标题"), publisher=r.text("publisher", "出版/主办单位"),
        base_url=r.url("base_url", "网站地址"), language=r.text("language", "语言", default="zh"),
        description=r.text("description", "网站简介"), contact=read_contact(r.mapping("contact", "联系方式")),
        root_association=r.ref("root_association", "最上级协会编号"),
        province=r.text("province", "所在省份"), city=r.text("city", "所在城市"),
    )
    voc = r.mapping("vocabularies", "词表")
    if voc is not None:
        site.industries = voc.text_list("industries", "行业词表", max_items=MAX_VOCABULARY)
        site.services = voc.text_list("services", "志愿服务词表", max_items=MAX_VOCABULARY)
        site.product_categories = voc.text_list("product_categories", "劳模产品类别词表", max_items=MAX_VOCABULARY)
        titles = voc.mapping("honor_titles", "荣誉称号词表（称号: 级别）")
        if titles is not None:
            for title in list(titles.data):
                level = titles.enum(str(title), "荣誉级别", dict(LEVEL_LABELS), required=True)
                if level:
                    site.honor_titles[str(title)] = level
            titles.finish()
        voc.finish()
    booklet = r.mapping("booklet", "小册子设置")
    if booklet is not None:
        site.booklet = {
            "paper": booklet.enum("paper", "纸张", {"A5": "A5", "A4": "A4"}, default="A5"),
            "bleed_mm": booklet.number("bleed_mm", "出血（毫米）") if booklet.has("bleed_mm") else 3,
            "publisher": booklet.text("publisher", "出版单位"),
            "fonts_dir": booklet.text("fonts_dir", "字体目录（相对于项目根目录）"),
            # colophon (版权页) and press colour settings: see generator/booklet/settings.py
            "permit": booklet.text("permit", "准印证号"),
            "printer": booklet.text("printer", "印刷单位"),
            "copies": booklet.integer("copies", "印数（册）", lo=1, hi=10_000_000),
            "print_date": booklet.text("print_date", "印刷日期"),
            "edition": booklet.text("edition", "版次"),
            "recipients": booklet.text("recipients", "发送对象"),
            "cmyk_profile": booklet.text("cmyk_profile", "印刷色彩特性文件（ICC）"),
            "output_condition": booklet.text("output_condition", "印刷条件标识"),
            "products": booklet.boolean("products", "小册子里印劳模产品"),
        }
        booklet.finish()
    r.finish(extra_allowed=("services",))
    if "services" in data and isinstance(data.get("services"), list) and not site.services:
        site.services = [s.strip() for s in data["services"][:MAX_VOCABULARY] if isinstance(s, str) and s.strip()]
    return site
