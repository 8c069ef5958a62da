"""content/search.yml → the synonyms the search page expands (全国劳模 → 全国劳动模范).

    synonyms:
      全国劳模: 全国劳动模范
      省劳模: "{省}劳动模范"               # {省} {市}: province and city from content/site.yml
      五一奖章: [五一劳动奖章, 五一劳动奖状]

The file is optional. Every problem names the file, the line and the fix; nothing here reaches a page
unchecked (the search page treats the words as text).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model.entities import SiteConfig, Synonym
from ..problems import Problem, error, warning
from .fields import FieldReader
from .yaml_file import load_yaml_file

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_SUFFIX = re.compile(r"(?:省|市|自治区|特别行政区|壮族自治区|回族自治区|维吾尔自治区)$")


def places(site: SiteConfig) -> dict[str, str]:
    """{省} {市} and their short forms {省简称} {市简称} (浙江省 → 浙江), from content/site.yml."""
    return {"省": site.province, "市": site.city,
            "省简称": _SUFFIX.sub("", site.province) if site.province else "",
            "市简称": _SUFFIX.sub("", site.city) if site.city else ""}


def read_search_terms(path: Path, root: Path, problems: list[Problem], site: SiteConfig) -> list[Synonym]:
    if not path.is_file():
        return []
    data, source = load_yaml_file(path, root, problems)
    if data is None or source is None:
        return []
    r = FieldReader(data, source, problems, what=path.name)
    table = r.mapping("synonyms", "简称和别称")
    r.finish()
    if table is None:
        return []
    known = places(site)
    out: list[Synonym] = []
    for key, value in table.data.items():
        table.seen.add(key)
        path_ = ("synonyms", key)
        key_loc, value_loc = source.key_loc(*path_), source.loc(*path_)
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, (dict, list)) for v in values):
            problems.append(error(value_loc, f"「{key}」后面应该是一个词或一组词",
                                  "写成「简称: 全称」，几个全称写成「简称: [全称一, 全称二]」", "schema.type",
                                  source.line_text(value_loc.line)))
            continue
        term = _expand(str(key).strip(), known, key_loc, source, problems)
        means = [_expand(str(v).strip(), known, value_loc, source, problems) for v in values if v is not None]
        if term is None or any(m is None for m in means):
            continue
        means = [m for m in means if m]
        if not term or not means:
            problems.append(error(value_loc if term else key_loc, "简称或全称是空的",
                                  "每行写成「简称: 全称」，两边都要有字", "search.empty", source.line_text((value_loc if term else key_loc).line)))
            continue
        if any(c.isspace() for c in term):
            problems.append(error(key_loc, f"简称「{term}」中间有空格，读者输入时空格会把它分成两个词，永远对不上",
                                  "去掉空格，或者分成两行", "search.space", source.line_text(key_loc.line)))
            continue
        means = [m for m in dict.fromkeys(means) if m != term]
        if not means:
            problems.append(warning(value_loc, f"「{term}」的全称和简称一样，这一行不起作用",
                                    "右边写页面上实际出现的说法，例如「全国劳模: 全国劳动模范」", "search.same",
                                    source.line_text(value_loc.line)))
            continue
        if len(term) == 1:
            problems.append(warning(key_loc, f"单字简称「{term}」会改写所有带这个字的搜索",
                                    "用两个字以上的简称，例如「省劳模」而不是「省」", "search.short",
                                    source.line_text(key_loc.line)))
        out.append(Synonym(term.lower(), tuple(means), key_loc))
    return out


def _expand(text: str, known: dict[str, str], loc, source, problems: list[Problem]) -> str | None:
    """"{省}劳动模范" → "浙江省劳动模范"; None (after a problem) when a placeholder is unknown or unset."""
    ok = True
    for name in PLACEHOLDER.findall(text):
        if name not in known:
            problems.append(error(loc, f"不认识的占位符「{{{name}}}」",
                                  "可用的占位符：{省} {市} {省简称} {市简称}", "search.placeholder", source.line_text(loc.line)))
            ok = False
        elif not known[name]:
            key = "province" if name.startswith("省") else "city"
            example = "浙江省" if key == "province" else "湖州市"
            problems.append(error(loc, f"用到了「{{{name}}}」，但 content/site.yml 里没有填写 {key}",
                                  f"在 content/site.yml 加一行「{key}: {example}」", "search.placeholder", source.line_text(loc.line)))
            ok = False
    return PLACEHOLDER.sub(lambda m: known.get(m.group(1), ""), text) if ok else None
