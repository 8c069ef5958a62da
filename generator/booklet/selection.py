"""Which people and groups a booklet holds: pure functions of the (public) model."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import LEVEL_LABELS, Association, Collective, Model, Studio, Worker
from ..model.honors import LEVELS
from ..model.names import slugify_text
from .errors import BookletError

LEVEL_WORDS = {**{k: k for k in LEVEL_LABELS}, **{v: k for k, v in LEVEL_LABELS.items()},
               "全国": "national", "省": "provincial", "市": "municipal", "区县": "county", "县": "county"}


@dataclass(frozen=True)
class Filters:
    """What a reader asked for on the command line; empty means everything."""

    levels: tuple[str, ...] = ()          # honor levels (national … county): a worker with any such honor
    tags: tuple[str, ...] = ()            # a worker with any of these tags
    years: tuple[int, int] | None = None  # a worker with an honor awarded in this range (inclusive)
    worker_ids: tuple[str, ...] = ()      # exactly these workers, in this order

    @property
    def active(self) -> bool:
        return bool(self.levels or self.tags or self.years or self.worker_ids)


@dataclass
class Selection:
    association: Association
    workers: list[Worker]
    collectives: list[Collective] = field(default_factory=list)
    studios: list[Studio] = field(default_factory=list)
    title: str = ""
    slug: str = ""                         # output file name without .pdf
    scope: str = ""                        # what the filters kept, for the cover: "获全国级荣誉的劳模 · 2015—2024年"

    @property
    def empty(self) -> bool:
        return not (self.workers or self.collectives or self.studios)


def parse_level(word: str) -> str:
    level = LEVEL_WORDS.get(word.strip())
    if level is None:
        raise BookletError(f"不认识的荣誉级别「{word}」",
                           "可以写 national/provincial/municipal/county，或 全国级/省级/市级/区县级")
    return level


def parse_years(text: str) -> tuple[int, int]:
    """"2015-2024" → (2015, 2024); "2020" → (2020, 2020)."""
    parts = [p.strip() for p in text.replace("—", "-").replace("–", "-").replace("至", "-").split("-")]
    try:
        nums = [int(p) for p in parts if p]
    except ValueError:
        nums = []
    if len(nums) not in (1, 2) or len(parts) > 2:
        raise BookletError(f"年份范围「{text}」写法不对", "写成 2015-2024 或单个年份 2020")
    lo, hi = nums[0], nums[-1]
    return (min(lo, hi), max(lo, hi))


def select(model: Model, association_id: str, filters: Filters = Filters(), title: str = "") -> Selection:
    """The booklet of `association_id` (its whole subtree: the city booklet holds every district).

    `model` must already be `model.public()`. Filters narrow the workers; collectives and studios are
    kept only in an unfiltered booklet, since they have no tags or levels of a person.
    """
    a = model.associations.get(association_id)
    if a is None:
        known = "、".join(sorted(model.associations)) or "（没有）"
        raise BookletError(f"没有编号为「{association_id}」的协会", f"可用的协会编号：{known}")
    if filters.worker_ids:
        unknown = [w for w in filters.worker_ids if w not in model.workers]
        if unknown:
            raise BookletError(f"找不到这些劳模（或是草稿，不会印出）：{'、'.join(unknown)}",
                               "编号就是 workers/ 下的文件夹名，多个用英文逗号隔开")
        workers = [model.workers[w] for w in dict.fromkeys(filters.worker_ids)]
    else:
        workers = model.workers_of(a.id, recursive=True)
    workers = [w for w in workers if _matches(w, filters)]
    collectives: list[Collective] = []
    studios: list[Studio] = []
    if not filters.active:
        for aid in model.descendants(a.id):
            collectives.extend(model.collectives_of(aid))
            studios.extend(model.studios_of(aid))
    return Selection(association=a, workers=workers, collectives=collectives, studios=studios,
                     title=title or default_title(a, filters), slug=file_slug(a, filters, title),
                     scope=scope_line(filters))


def _matches(w: Worker, f: Filters) -> bool:
    if f.levels and not any(h.level in f.levels for h in w.honors):
        return False
    if f.tags and not set(f.tags) & set(w.tags):
        return False
    if f.years and not any(f.years[0] <= h.year <= f.years[1] for h in w.honors):
        return False
    return True


def default_title(a: Association, filters: Filters = Filters()) -> str:
    """《南浔区劳模风采录》; with filters 《南浔区全国级劳模风采录》, 《湖州市劳模风采录（2015—2024年）》."""
    base = a.short_name or a.name.removesuffix("劳模协会").removesuffix("劳动模范协会") or a.name
    extras = [x for x in (_years_phrase(filters.years), "、".join(filters.tags),
                          "选编" if filters.worker_ids else "") if x]
    return f"{base}{_levels_phrase(filters.levels)}劳模风采录" + (f"（{'·'.join(extras)}）" if extras else "")


def scope_line(filters: Filters) -> str:
    """What a filtered booklet holds, in words for its cover; "" for the whole association."""
    if not filters.active:
        return ""
    parts = []
    if filters.worker_ids:
        parts.append("选编的劳模")
    if filters.levels:
        parts.append(f"获{_levels_phrase(filters.levels)}荣誉的劳模")
    if filters.years:
        parts.append(f"荣誉年份{_years_phrase(filters.years)}")
    if filters.tags:
        parts.append("标签" + "、".join(f"「{t}」" for t in filters.tags))
    return "本册收录：" + " · ".join(parts)


def file_slug(a: Association, filters: Filters, title: str = "") -> str:
    """nanxun, nanxun-national, huzhou-provincial-up-2015-2024, huzhou-tag-si-chou, huzhou-selected."""
    parts = [a.id]
    levels = _ordered(filters.levels)
    if levels and len(levels) > 1 and levels == list(LEVELS[:len(levels)]):
        parts.append(f"{levels[-1]}-up")
    elif levels:
        parts.append("-".join(levels))
    if filters.years:
        lo, hi = filters.years
        parts.append(str(lo) if lo == hi else f"{lo}-{hi}")
    for tag in filters.tags:
        parts.append("tag-" + slugify_text(tag))
    if filters.worker_ids:
        parts.append("selected")
    if len(parts) == 1 and title:
        parts.append(slugify_text(title))
    return "-".join(parts)


def _ordered(levels) -> list[str]:
    return sorted(set(levels), key=lambda lv: LEVELS.index(lv) if lv in LEVELS else len(LEVELS))


def _levels_phrase(levels) -> str:
    """全国级; 省级以上 (national + provincial); 市级、区县级."""
    ordered = _ordered(levels)
    if len(ordered) > 1 and ordered == list(LEVELS[:len(ordered)]):
        return f"{LEVEL_LABELS[ordered[-1]]}以上"
    return "、".join(LEVEL_LABELS.get(lv, lv) for lv in ordered)


def _years_phrase(years) -> str:
    if not years:
        return ""
    lo, hi = years
    return f"{lo}年" if lo == hi else f"{lo}—{hi}年"
