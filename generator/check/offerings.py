"""Products, services and 点单 requests: references, how to order, statuses and dates, who may ask.

References follow the rules every other reference follows (check.references): an id that does not
exist is an error; an item that exists but is not published (a draft, or a person whose consent is
withdrawn — whatever `Model.unpublished()` names) is a warning, because `Model.public()` drops that line
from every output while the product or request itself stays. A name of such a person in a product's,
service's or request's text is check.unpublished_names' error, as for every other published item.
"""

from __future__ import annotations

import datetime as dt
import re

from ..content.fields import did_you_mean
from ..model.corpus import Model
from ..model.offerings import MAKER_KINDS, REQUESTER_TYPES, STATUS_LABELS, Request
from ..model.source import Loc, Source
from ..problems import Problem, error, warning
from .references import _missing, association_names

# What the name of each kind of requester ends with. Anything else (a person's name above all) is refused.
REQUESTER_SUFFIXES = {
    "village": ("村", "村委会", "村民委员会", "经济合作社", "村民小组"),
    "community": ("社区", "居委会", "居民委员会", "业主委员会"),
    "company": ("公司", "厂", "集团", "企业", "合作社", "联合社", "农场", "车间", "班组", "基地", "商行", "店",
                "超市", "酒店", "民宿", "银行"),
    "school": ("学校", "小学", "中学", "幼儿园", "学院", "大学", "职校", "技校", "学园"),
    "organisation": ("局", "厅", "委员会", "政府", "街道", "办事处", "镇", "乡", "中心", "站", "所", "院", "馆",
                     "协会", "学会", "商会", "工会", "联合会", "妇联", "团委", "总会", "基金会", "队", "部", "社"),
}
REQUESTER_EXAMPLES = {"village": "德清县某某镇某某村村民委员会", "community": "吴兴区某某街道某某社区",
                      "company": "长兴某某新材料有限公司", "school": "南浔区某某小学",
                      "organisation": "安吉县某某镇敬老院"}
_TRAILING_NOTE = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")
_PERSON_WORDS = re.compile(r"(先生|女士|小姐|大爷|大妈|阿姨|奶奶|爷爷|师傅|本人|个人|家属|户主|村民|居民|老人)")
_HAN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_LANDLINE = re.compile(r"(?<![\d])(0\d{2,3}[\s\-－—]?\d{7,8}|[48]00[\s\-－]?\d{3}[\s\-－]?\d{4})(?![\d])")


def check(model: Model) -> list[Problem]:
    hidden = model.unpublished()
    out: list[Problem] = []
    out += _products(model, hidden)
    out += _services(model, hidden)
    out += _requests(model, hidden)
    out += _venues(model)
    return out


# ---- references ----------------------------------------------------------------------------------------
def _pools(model: Model) -> dict[str, dict]:
    return {"worker": model.workers, "studio": model.studios, "collective": model.collectives,
            "service": model.services}


_WHAT = {**MAKER_KINDS, "service": "服务项目"}
_WHERE = {"worker": "workers/ 下的文件夹名", "studio": "content/studios/ 下的文件名（不带 .yml）",
          "collective": "content/collectives/ 下的文件名（不带 .yml）", "service": "content/services/ 下的文件名（不带 .yml）"}


def _ref(model: Model, hidden: set, source: Source, path: tuple, kind: str, key: str, item_draft: bool,
         gone: str) -> list[Problem]:
    """One reference: missing → error; not published (Model.unpublished) → warning saying what disappears."""
    pool = _pools(model)[kind]
    if key not in pool:   # a name typed instead of the id gets the id as its hint
        return [_missing(source, path, _WHAT[kind], key, pool, f"写{_WHERE[kind]}",
                         {k: [item.name] for k, item in pool.items()})]
    if (kind, key) not in hidden or item_draft:
        return []
    loc = source.loc(*path)
    item = pool[key]
    consent = getattr(item, "consent", None)
    state = ("已撤回公开同意" if consent is not None and getattr(consent, "withdrawn", None) else
             "没有本人同意公开的记录" if kind == "worker" and consent is None and not item.draft else "还是草稿")
    return [warning(loc, f"{_WHAT[kind]}「{item.name}」（{key}）{state}，{gone}",
                    "公开之后会自动显示；不再需要时删掉这一行", "ref.draft", source.line_text(loc.line))]


def _association(model: Model, source: Source, key: str) -> list[Problem]:
    if key and key not in model.associations:
        return [_missing(source, ("association",), "协会", key, model.associations, "先在 content/associations/ 里添加这个协会",
                         association_names(model))]
    return []


def _products(model: Model, hidden: set) -> list[Problem]:
    out: list[Problem] = []
    venues = model.offerings.venues
    categories = model.site.product_categories
    for p in model.products.values():
        out += _association(model, p.source, p.association)
        if p.maker:
            out += _ref(model, hidden, p.source, ("maker", p.maker.kind), p.maker.kind, p.maker.id, p.draft,
                        "产品页上不会写出制作者，他/她的页面上也不会列出这件产品")
        for i, vid in enumerate(p.available_at):
            if vid not in venues:
                loc = p.source.loc("available_at", i)
                guess = did_you_mean(vid, venues)
                hint = (f"你是不是想写「{guess}」？" if guess else
                        "展示点写在协会文件的 venues 里（协会的展示厅、合作门店），这里写它的 id"
                        + ("，现有：" + "、".join(sorted(venues)) if venues else ""))
                out.append(error(loc, f"展示点编号「{vid}」不存在", hint, "ref.missing", p.source.line_text(loc.line)))
        if categories and p.category and p.category not in categories:
            loc = p.source.loc("category")
            guess = did_you_mean(p.category, categories)
            hint = (f"你是不是想写「{guess}」？" if guess else
                    "可选的类别见 content/site.yml 的 vocabularies.product_categories：" + "、".join(categories))
            out.append(warning(loc, f"产品类别「{p.category}」不在类别词表里", hint, "vocab.product-category",
                               p.source.line_text(loc.line)))
    return out


def _services(model: Model, hidden: set) -> list[Problem]:
    out: list[Problem] = []
    for s in model.services.values():
        out += _association(model, s.source, s.association)
        for i, wid in enumerate(s.workers):
            out += _ref(model, hidden, s.source, ("offered_by", "workers", i), "worker", wid, s.draft,
                        "服务目录里不会列出他/她")
        for i, sid in enumerate(s.studios):
            out += _ref(model, hidden, s.source, ("offered_by", "studios", i), "studio", sid, s.draft,
                        "服务目录里不会列出这个工作室")
        a = model.associations.get(s.association)
        if a is not None and not s.order_url and not a.contact.phone:
            loc = s.source.loc("name")
            out.append(error(loc, f"读者不知道怎样点这项服务：{a.name}的文件里没有办公电话，这里也没有写在线点单网址",
                             f"在 content/associations/{a.id}.yml 的 contact 里写上协会的办公电话（phone），"
                             "或在这里写协会运营的在线点单表单：order_url: https://…", "service.order",
                             s.source.line_text(loc.line)))
    return out


def _venues(model: Model) -> list[Problem]:
    out: list[Problem] = []
    first: dict[str, str] = {}
    for a in sorted(model.associations.values(), key=lambda a: a.id):
        for i, v in enumerate(a.venues):
            if v.id in first:
                loc = a.source.loc("venues", i, "id")
                out.append(error(loc, f"展示点编号「{v.id}」已经在 {first[v.id]} 里用过了",
                                 f"展示点编号在全站不能重复，例如写成 {a.id}-{v.id}", "venue.duplicate",
                                 a.source.line_text(loc.line)))
            else:
                first[v.id] = a.source.rel
    return out


# ---- requests: statuses, dates, who asked --------------------------------------------------------------
def _requests(model: Model, hidden: set) -> list[Problem]:
    out: list[Problem] = []
    today = dt.date.today()
    for q in model.requests.values():
        if q.service:
            out += _ref(model, hidden, q.source, ("service",), "service", q.service, q.draft,
                        "这条点单记录不会出现在点单记录里")
        if q.taken_by:
            out += _ref(model, hidden, q.source, ("taken_by", q.taken_by.kind), q.taken_by.kind, q.taken_by.id,
                        q.draft, "点单记录里不会写出是谁认领的，他/她的页面上也不会列出这次服务")
        out += _status(q)
        out += _dates(q, today)
        out += _requester(q)
        out += _phones(q.source)
    return out


def _err(q: Request, path: tuple, msg: str, hint: str, code: str) -> Problem:
    loc = q.source.loc(*path)
    return error(loc, msg, hint, code, q.source.line_text(loc.line))


def _status(q: Request) -> list[Problem]:
    """What each status needs: 已认领 a taker and a date; 已完成 also a completion date; 待认领 neither."""
    out: list[Problem] = []
    label = STATUS_LABELS.get(q.status, "")
    if not label:
        return out   # an unknown status was reported by the reader
    here = ("status",)
    if q.status in ("claimed", "done"):
        if not q.taken_by and "taken_by" not in _written(q):
            out.append(_err(q, here, f"状态是「{label}」，但没有写是谁认领的",
                            "加上\ntaken_by:\n  worker: 劳模编号\n（或 studio: 工作室编号）", "request.status"))
        if q.claimed is None and "claimed" not in _written(q):
            out.append(_err(q, here, f"状态是「{label}」，但没有写认领日期", "加一行 claimed: 2025-03-04（认领的日期）",
                            "request.status"))
    if q.status == "done" and q.completed is None and "completed" not in _written(q):
        out.append(_err(q, here, "状态是「已完成」，但没有写完成日期", "加一行 completed: 2025-03-10（完成服务的日期）",
                        "request.status"))
    if q.status == "open":
        extra = [k for k in ("claimed", "taken_by", "completed") if k in _written(q)]
        if extra:
            out.append(_err(q, here, f"状态是「待认领」，却写了 {'、'.join(extra)}",
                            "已经有人认领就改成 status: claimed（已认领），服务做完了改成 status: done（已完成）",
                            "request.status"))
    if q.status == "claimed" and "completed" in _written(q):
        out.append(_err(q, here, "状态是「已认领」，却写了完成日期 completed",
                        "服务已经做完就改成 status: done（已完成）；还没做完就删掉 completed", "request.status"))
    if q.status == "done" and not q.outcome and "outcome" not in _written(q):
        loc = q.source.loc("status")
        out.append(warning(loc, "这条点单已完成，但没有写服务结果", "加一行 outcome: 做了什么、服务了多少人（不写个人姓名和电话）",
                           "request.outcome", q.source.line_text(loc.line)))
    return out


def _written(q: Request) -> set[str]:
    """Top-level keys the editor wrote with a value (a wrong value is reported by the reader, not again here)."""
    return {p[0] for p in q.source.positions if len(p) == 1 and isinstance(p[0], str)}


def _dates(q: Request, today: dt.date) -> list[Problem]:
    out: list[Problem] = []
    steps = [("requested", "点单日期", q.requested), ("claimed", "认领日期", q.claimed), ("completed", "完成日期", q.completed)]
    for key, label, day in steps:
        if day is not None and day > today:
            out.append(_err(q, (key,), f"{label} {day} 在今天（{today}）之后", "只记录已经发生的事：写实际的日期",
                            "request.future"))
    known = [(k, lab, d) for k, lab, d in steps if d is not None]
    for (k1, l1, d1), (k2, l2, d2) in zip(known, known[1:]):
        if d2 < d1:
            out.append(_err(q, (k2,), f"{l2} {d2} 早于{l1} {d1}", f"顺序应是：点单 → 认领 → 完成，检查 {k1} 和 {k2} 的日期",
                            "request.date-order"))
    return out


def _requester(q: Request) -> list[Problem]:
    """The requester is an organisation, a village or a community: its name ends the way such names end."""
    if not q.requester or q.requester_type not in REQUESTER_TYPES:
        return []
    name = _TRAILING_NOTE.sub("", q.requester).strip()
    suffixes = REQUESTER_SUFFIXES[q.requester_type]
    if name.endswith(suffixes):
        return []
    kind = REQUESTER_TYPES[q.requester_type]
    example = REQUESTER_EXAMPLES[q.requester_type]
    if _PERSON_WORDS.search(name) or _HAN_NAME.match(name):
        msg = f"点单单位「{q.requester}」像是个人，个人的姓名不能公开"
    else:
        msg = f"点单单位「{q.requester}」看不出是一个{kind}的名称"
    hint = (f"点单的只能是村、社区、企业、学校等单位，不写个人的姓名和电话。写单位全称，例如「{example}」；"
            f"{kind}的名称以「{'」「'.join(suffixes[:6])}」等结尾。类型不对就改 requester_type")
    return [_err(q, ("requester",), msg, hint, "request.requester")]


def _phones(source: Source) -> list[Problem]:
    """No telephone number of any kind in a 点单 record: readers order through the association."""
    out = []
    for n, line in enumerate(source.lines, start=1):
        if line.lstrip().startswith("#"):
            continue
        for m in _LANDLINE.finditer(line):
            out.append(error(Loc(source.rel, n, m.start(1) + 1), f"点单记录里有电话号码「{m.group(1)}」",
                             "点单记录会公开在网上，不写任何电话；读者通过协会的电话或在线表单点单", "request.phone", line))
    return out
