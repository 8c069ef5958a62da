"""content/products, content/services, content/requests (<id>.yml) and an association's `venues:` → typed objects.

Only parsing here; what must hold across items (references, statuses and dates, who may ask) is checked
by generator.check.offerings. References are read as the text typed: an id that names nothing is
`ref.missing` there, with the nearest id as a hint.
"""

from __future__ import annotations

from pathlib import Path

from ..model.entities import GalleryItem
from ..model.offerings import MAKER_KINDS, NO_REF, REQUESTER_TYPES, STATUS_LABELS, Product, Ref, Request, Service, Venue
from ..problems import Problem, error
from .common import open_item, read_achievement
from .fields import PLACEHOLDER, SLUG, FieldReader


def read_product(path: Path, root: Path, problems: list[Problem]) -> Product | None:
    r = open_item(path, root, problems, "劳模产品", "zixiu-baicha.yml")
    if r is None:
        return None
    p = Product(
        id=path.stem, name=r.text("name", "产品名称", required=True),
        association=r.text("association", "所属劳模协会编号", required=True), source=r.source,
        maker=_one_ref(r, "maker", "制作者", MAKER_KINDS, required=True),
        category=r.text("category", "类别", required=True), year=r.year("year", "推出年份", lo=1900),
        description=r.text("description", "产品介绍", required=True),
        photos=r.objects("photos", "照片", _read_photo), awards=r.objects("awards", "专利和获奖", read_achievement),
        available_at=r.text_list("available_at", "展示和销售地点（协会展示点编号）"),
        tags=r.text_list("tags", "标签"), draft=r.boolean("draft", "草稿"), sample=r.boolean("sample", "示例内容"),
        namesakes=r.text_list("namesakes", "同名的其他人"),
    )
    r.finish()
    return p if p.name else None


def read_service(path: Path, root: Path, problems: list[Problem]) -> Service | None:
    r = open_item(path, root, problems, "服务项目", "deqing-jineng-peixun.yml")
    if r is None:
        return None
    s = Service(
        id=path.stem, name=r.text("name", "服务名称", required=True),
        association=r.text("association", "所属劳模协会编号", required=True), source=r.source,
        description=r.text("description", "服务内容", required=True),
        order_url=r.url("order_url", "协会的在线点单表单网址"), order_note=r.text("order_note", "点单说明"),
        draft=r.boolean("draft", "草稿"), sample=r.boolean("sample", "示例内容"),
        namesakes=r.text_list("namesakes", "同名的其他人"),
    )
    offered = r.mapping("offered_by", "提供服务的劳模和工作室")
    if offered is not None:
        s.workers = offered.text_list("workers", "劳模编号")
        s.studios = offered.text_list("studios", "创新工作室编号")
        offered.finish()
    r.finish()
    return s if s.name else None


def read_request(path: Path, root: Path, problems: list[Problem]) -> Request | None:
    r = open_item(path, root, problems, "点单记录", "2025-03-02-chayuan-xiujian.yml")
    if r is None:
        return None
    q = Request(
        id=path.stem, title=r.text("title", "点单内容", required=True),
        service=r.text("service", "服务项目编号", required=True), source=r.source,
        requester=r.text("requester", "点单单位（村、社区、企业、学校等的名称）", required=True),
        requester_type=r.enum("requester_type", "点单单位类型", REQUESTER_TYPES, required=True),
        details=r.text("details", "具体需求"),
        status=r.enum("status", "状态", STATUS_LABELS, required=True),
        requested=r.date("requested", "点单日期", required=True), claimed=r.date("claimed", "认领日期"),
        completed=r.date("completed", "完成日期"), taken_by=_one_ref(r, "taken_by", "认领的劳模或工作室",
                                                                 {k: MAKER_KINDS[k] for k in ("worker", "studio")}),
        outcome=r.text("outcome", "服务结果"),
        draft=r.boolean("draft", "草稿"), sample=r.boolean("sample", "示例内容"),
        namesakes=r.text_list("namesakes", "同名的其他人"),
    )
    r.finish()
    return q if q.title else None


def read_venue(r: FieldReader, _i: int) -> Venue | None:
    """One `venues:` item of an association: its product hall or partner shop."""
    vid = r.text("id", "展示点编号", required=True)
    if vid and not SLUG.match(vid):
        loc = r.loc("id")
        r.problems.append(error(loc, f"展示点编号「{vid}」不是有效的编号",
                                "编号只能用小写字母、数字和连字符，前面加上协会编号，例如 changxing-zhanting",
                                "schema.slug", r.source.line_text(loc.line)))
        vid = ""
    v = Venue(id=vid, name=r.text("name", "展示点名称", required=True),
              address=r.text("address", "地址（单位的地址）"), hours=r.text("hours", "开放时间"),
              note=r.text("note", "说明"))
    return v if v.id and v.name else None


def _read_photo(r: FieldReader, _i: int) -> GalleryItem | None:
    f = r.media("file", "照片文件", required=True)
    caption = r.text("caption", "照片说明（也是给视障读者的替代文字）", required=True)
    return GalleryItem(f, caption) if f and caption else None


def _one_ref(r: FieldReader, key: str, label: str, kinds: dict[str, str], required: bool = False) -> Ref:
    """`key:` holding exactly one of `kinds` (`maker: {worker: sun-meijin}`)."""
    choices = "、".join(f"{k}（{v}）" for k, v in kinds.items())
    example = f"{key}:\n  {next(iter(kinds))}: 编号"
    value = r.data.get(key)
    if value is not None and value != "" and not isinstance(value, dict):
        r.seen.add(key)
        loc = r.source.key_loc(*r.path, key)
        r.problems.append(error(loc, f"「{key}」（{label}）要写明是哪一类：{choices}，再写编号",
                                f"写成两行：\n{key}:\n  {next(iter(kinds))}: {str(value).strip()}", _code(key),
                                r.source.line_text(loc.line)))
        return NO_REF
    sub = r.mapping(key, label, required=required)
    if sub is None:
        return NO_REF
    found = [(k, sub.text(k, f"{v}编号")) for k, v in kinds.items()]
    found = [(k, v) for k, v in found if v]
    sub.finish()
    if len(found) == 1:
        return Ref(*found[0])
    if not found and any(PLACEHOLDER.search(str(v)) for v in sub.data.values()):
        return NO_REF   # reported once, as an unfilled placeholder
    loc = r.source.key_loc(*r.path, key)
    if found:
        msg = f"「{key}」（{label}）只能写一个：现在写了 {'、'.join(k for k, _ in found)}"
        hint = f"只留下一行（{choices} 三选一）" if len(kinds) == 3 else f"只留下一行（{choices} 二选一）"
    else:
        msg = f"「{key}」（{label}）里没有写编号"
        hint = f"写成：\n{example}\n可选：{choices}"
    r.problems.append(error(loc, msg, hint, _code(key), r.source.line_text(loc.line)))
    return NO_REF


def _code(key: str) -> str:
    return "product.maker" if key == "maker" else "request.taken-by"
