"""Key figures and chart series computed from the (public) model. Pure functions, no formatting."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model.corpus import Model
from ..model.entities import Worker
from ..model.honors import LEVEL_LABELS, LEVELS


@dataclass(frozen=True)
class Figure:
    label: str
    value: int
    unit: str
    href: str = ""


def highest_level(worker: Worker) -> str:
    h = worker.highest_honor
    return h.level if h else ""


def workers_by_level(workers: list[Worker]) -> dict[str, int]:
    """Each worker counted once, at their highest honor level; in LEVELS order."""
    counts = Counter(highest_level(w) for w in workers)
    return {lvl: counts.get(lvl, 0) for lvl in LEVELS}


def key_figures(model: Model) -> list[Figure]:
    """The home page's row of numbers."""
    workers = list(model.workers.values())
    out = [Figure("劳模和工匠", len(workers), "位", "workers/")]
    for lvl, n in workers_by_level(workers).items():
        if n:
            out.append(Figure(f"{LEVEL_LABELS[lvl]}荣誉", n, "位", f"workers/?level={lvl}"))
    out += [
        Figure("创新工作室", len(model.studios), "家", "studios/"),
        Figure("模范集体", len(model.collectives), "个", "collectives/"),
        Figure("劳模协会", len(model.associations), "个", "associations/"),
    ]
    return out


def association_figures(model: Model, association_id: str) -> list[Figure]:
    """Counts for one association and everything below it."""
    ids = set(model.descendants(association_id))
    workers = model.workers_of(association_id, recursive=True)
    out = [Figure("劳模和工匠", len(workers), "位")]
    for lvl, n in workers_by_level(workers).items():
        if n:
            out.append(Figure(f"{LEVEL_LABELS[lvl]}荣誉", n, "位"))
    out.append(Figure("创新工作室", sum(1 for s in model.studios.values() if s.association in ids), "家"))
    out.append(Figure("模范集体", sum(1 for c in model.collectives.values() if c.association in ids), "个"))
    return out


def honors_per_year(model: Model) -> dict[int, dict[str, int]]:
    """year → {level: number of honors awarded that year}, every honor of every worker."""
    table: dict[int, Counter] = {}
    for w in model.workers.values():
        for h in w.honors:
            table.setdefault(h.year, Counter())[h.level] += 1
    return {y: {lvl: table[y].get(lvl, 0) for lvl in LEVELS} for y in sorted(table)}


def workers_per_association(model: Model) -> list[tuple[str, int]]:
    return [(a.short_name or a.name, len(model.workers_of(a.id))) for a in model.associations_sorted]


def workers_per_industry(model: Model) -> list[tuple[str, int]]:
    counts = Counter(w.industry for w in model.workers.values())
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
