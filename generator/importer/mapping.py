"""The mapping file (`fengcai import --mapping 映射.yml`): what to do with a register's own words.

    columns:            # 表格里的列名: 资料项（姓名、工作单位… 或 name、employer…；写“忽略”则不导入）
      劳模姓名: 姓名
      所在企业: 工作单位
      职称: 忽略
    associations:       # “所属区县/协会”列里的写法: 协会编号
      城区: huzhou
    industries:         # 表格里的行业: 网站词表里的行业
      丝绸: 纺织服装
    levels:             # 荣誉称号: 级别（称号里看不出级别时）
      南太湖工匠: municipal
    defaults:           # 表格里没有这一列（或这一格是空的）时用的值
      association: changxing
      industry: 制造业
    id_prefix: cx-      # 编号列的前缀（默认是协会编号加“-”）

Described for editors in docs/编辑指南.md (“从 Excel 导入”).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..content.text_file import read_text
from ..content.yaml_reader import parse_yaml
from ..model.honors import LEVELS
from ..model.source import Source
from .columns import FIELD_LABELS, FIELDS, IGNORE_WORDS, norm_header
from .errors import ImportStop
from .values import level_from_word

_TARGETS = {**{f: f for f in FIELDS}, **{norm_header(h): f for f, hs in FIELDS.items() for h in hs},
            **{norm_header(label): f for f, label in FIELD_LABELS.items()},
            "honors": "honor", "title": "honor", "birth_year": "birth"}


@dataclass
class Mapping:
    columns: dict[str, str] = field(default_factory=dict)        # normalised header → field id or "ignore"
    associations: dict[str, str] = field(default_factory=dict)
    industries: dict[str, str] = field(default_factory=dict)
    levels: dict[str, str] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    id_prefix: str | None = None


def load_mapping(path: Path | None) -> Mapping:
    if path is None:
        return Mapping()
    if not path.is_file():
        raise ImportStop(f"找不到映射文件「{path}」", "检查文件名；映射文件的写法见编辑指南“从 Excel 导入”")
    text, problems = read_text(path, str(path))
    if text is None:
        raise ImportStop(f"映射文件「{path}」无法读取：{problems[0].message}", problems[0].hint)
    source = Source(path, str(path), text.split("\n"))
    res = parse_yaml(text, source)
    if res.problems:
        p = res.problems[0]
        raise ImportStop(f"映射文件 {p.loc}: {p.message}", p.hint)
    data = res.data or {}
    if not isinstance(data, dict):
        raise ImportStop(f"映射文件「{path}」应该是「键: 值」的列表", "参照编辑指南“从 Excel 导入”里的例子")

    def where(*keys) -> str:
        return str(source.loc(*keys))

    def section(key: str) -> dict:
        value = data.get(key) or {}
        if not isinstance(value, dict):
            raise ImportStop(f"映射文件 {where(key)}: 「{key}」下面应该是「表格里的写法: 对应的值」，每行一项", "参照编辑指南“从 Excel 导入”里的例子")
        return {str(k).strip(): ("" if v is None else str(v).strip()) for k, v in value.items()}

    unknown = [k for k in data if k not in ("columns", "associations", "industries", "levels", "defaults", "id_prefix")]
    if unknown:
        raise ImportStop(f"映射文件 {source.key_loc(unknown[0])}: 不认识的项「{unknown[0]}」",
                         "可用的项：columns、associations、industries、levels、defaults、id_prefix")
    m = Mapping()
    for header, target in section("columns").items():
        t = norm_header(target)
        if t in IGNORE_WORDS or target in IGNORE_WORDS:
            m.columns[norm_header(header)] = "ignore"
        elif t in _TARGETS:
            m.columns[norm_header(header)] = _TARGETS[t]
        else:
            raise ImportStop(f"映射文件 {where('columns', header)}: 列「{header}」对应的「{target}」不是可以导入的资料项",
                             "可以写：" + "、".join(dict.fromkeys(FIELD_LABELS.values())) + "，或“忽略”")
    m.associations = section("associations")
    m.industries = section("industries")
    for title, word in section("levels").items():
        level = word if word in LEVELS else level_from_word(word)
        if not level:
            raise ImportStop(f"映射文件 {where('levels', title)}: 级别「{word}」不认识", "写 national、provincial、municipal、county，或 全国级、省级、市级、区县级")
        m.levels[title] = level
    m.defaults = section("defaults")
    bad = [k for k in m.defaults if k not in ("association", "industry")]
    if bad:
        raise ImportStop(f"映射文件 {source.key_loc('defaults', bad[0])}: defaults 里不能写「{bad[0]}」", "defaults 里可以写 association（协会编号）和 industry（行业）")
    if "id_prefix" in data:
        m.id_prefix = "" if data["id_prefix"] is None else str(data["id_prefix"]).strip()
    return m
