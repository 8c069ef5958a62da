"""content/associations, collectives and studios: <id>.yml (+ <id>.md) → typed objects."""

from __future__ import annotations

from pathlib import Path

from ..model.entities import Association, Collective, ServiceItem, Stat, Studio
from ..problems import Problem
from .common import open_item, read_achievement, read_contact, read_honor
from .fields import FieldReader
from .offering_reader import read_venue
from .yaml_file import load_story_body


def read_association(path: Path, root: Path, problems: list[Problem]) -> Association | None:
    r = open_item(path, root, problems, "协会", "nanxun.yml")
    if r is None:
        return None
    a = Association(
        id=path.stem, name=r.text("name", "协会全称", required=True), short_name=r.text("short_name", "简称"),
        source=r.source, parent=r.ref("parent", "上级协会编号"), region=r.text("region", "地区"),
        founded=r.year("founded", "成立年份", lo=1900), logo=r.media("logo", "标志图片"),
        cover=r.media("cover", "封面图片"), contact=read_contact(r.mapping("contact", "联系方式")),
        stats=r.objects("stats", "关键数字", _read_stat), services=r.objects("services", "服务项目", _read_service),
        summary=r.text("summary", "一句话简介"), namesakes=r.text_list("namesakes", "同名的其他人"),
    )
    a.venues = r.objects("venues", "劳模产品展示厅和合作门店", read_venue)
    for v in a.venues:
        v.association = a.id
    r.finish()
    a.short_name = a.short_name or a.name.replace("劳模协会", "").replace("劳动模范协会", "")
    a.story_md, a.story_source = load_story_body(path.with_suffix(".md"), root, problems)
    return a


def _read_stat(r: FieldReader, _i: int) -> Stat | None:
    label = r.text("label", "名称", required=True)
    value = r.number("value", "数值", required=True)
    s = Stat(label=label, value=value, unit=r.text("unit", "单位"), year=r.year("year", "年份", lo=1900))
    return s if label and value is not None else None


def _read_service(r: FieldReader, _i: int) -> ServiceItem | None:
    name = r.text("name", "服务名称", required=True)
    return ServiceItem(name, r.text("description", "服务说明")) if name else None


def read_collective(path: Path, root: Path, problems: list[Problem]) -> Collective | None:
    r = open_item(path, root, problems, "模范集体", "siyun-saosi-chejian.yml")
    if r is None:
        return None
    c = Collective(
        id=path.stem, name=r.text("name", "集体名称", required=True),
        association=r.ref("association", "所属劳模协会编号", required=True), source=r.source,
        honors=r.objects("honors", "荣誉称号", read_honor), members=r.integer("members", "人数", lo=1, hi=1_000_000),
        photo=r.media("photo", "照片"), photo_alt=r.text("photo_alt", "照片说明"), summary=r.text("summary", "简介"),
        tags=r.text_list("tags", "标签"), draft=r.boolean("draft", "草稿"), sample=r.boolean("sample", "示例内容"),
        namesakes=r.text_list("namesakes", "同名的其他人"), import_id=r.text("import_id", "表格导入编号"),
    )
    r.finish()
    c.story_md, c.story_source = load_story_body(path.with_suffix(".md"), root, problems)
    return c


def read_studio(path: Path, root: Path, problems: list[Problem]) -> Studio | None:
    r = open_item(path, root, problems, "创新工作室", "jianguo-dianti.yml")
    if r is None:
        return None
    s = Studio(
        id=path.stem, name=r.text("name", "工作室名称", required=True), source=r.source,
        association=r.ref("association", "所属劳模协会编号"), level=r.level(),
        founded=r.year("founded", "成立年份"), leader=r.ref("leader", "领衔人（劳模编号）"),
        members=r.integer("members", "成员人数", lo=1, hi=100_000), photo=r.media("photo", "照片"),
        photo_alt=r.text("photo_alt", "照片说明"), summary=r.text("summary", "简介"),
        achievements=r.objects("achievements", "创新成果", read_achievement), tags=r.text_list("tags", "标签"),
        draft=r.boolean("draft", "草稿"), sample=r.boolean("sample", "示例内容"),
        namesakes=r.text_list("namesakes", "同名的其他人"),
    )
    r.finish()
    s.story_md, s.story_source = load_story_body(path.with_suffix(".md"), root, problems)
    return s
