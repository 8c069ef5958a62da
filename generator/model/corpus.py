"""The whole content model and the cross-reference lookups every output needs."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .entities import Association, Collective, Page, SiteConfig, Story, Studio, Worker
from .kinds import BY_NAME, KINDS
from .offerings import Offerings, Product, Request, Service, offering_refs, without as offering_without


@dataclass
class Model:
    root: Path
    site: SiteConfig
    associations: dict[str, Association] = field(default_factory=dict)
    workers: dict[str, Worker] = field(default_factory=dict)
    collectives: dict[str, Collective] = field(default_factory=dict)
    studios: dict[str, Studio] = field(default_factory=dict)
    stories: dict[str, Story] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)
    products: dict[str, Product] = field(default_factory=dict)
    services: dict[str, Service] = field(default_factory=dict)
    requests: dict[str, Request] = field(default_factory=dict)

    # ---- publication -------------------------------------------------------------------------
    def unpublished(self) -> set[tuple[str, str]]:
        """(kind, id) of every item that must not be shown: drafts, and people whose consent is
        missing or withdrawn (Worker.published)."""
        out = {("worker", k) for k, w in self.workers.items() if not w.published}
        for kind, items in (("collective", self.collectives), ("studio", self.studios), ("story", self.stories),
                            ("product", self.products), ("service", self.services), ("request", self.requests)):
            out |= {(kind, k) for k, item in items.items() if item.draft}
        # a 点单 belongs to its service: when the service is not shown, neither is the request
        out |= {("request", k) for k, r in self.requests.items() if ("service", r.service) in out}
        return out

    def public(self, withheld: set[tuple[str, str]] = frozenset()) -> "Model":
        """The model without anything unpublished, and without any reference to it.

        Outputs receive only this, so a draft or a withdrawn person cannot reach a page, the search
        index, the feed, an export or a booklet: they leave every member and leader line, story
        `workers:` list, related-worker card and count, because those are all read from here.
        `withheld`: more (kind, id) to leave out the same way (`fengcai serve`: items with errors)."""
        gone = self.unpublished() | set(withheld)
        kept = {kind.attr: {k: v for k, v in getattr(self, kind.attr).items() if (kind.name, k) not in gone}
                for kind in KINDS}
        for kind, key in sorted(gone):
            for ref_kind, ref_id in self.referrers(kind, key):
                pool = kept[BY_NAME[ref_kind].attr]
                if ref_id in pool:
                    pool[ref_id] = _without(pool[ref_id], kind, key)
        return Model(root=self.root, site=self.site, **kept)

    def referrers(self, kind: str, item_id: str) -> set[tuple[str, str]]:
        """Every item that names this one by its id: (kind, id) pairs.

        An association: its workers, collectives, studios, stories and child associations; a studio:
        its workers; a worker: the stories that list them and the studios they lead; a worker, studio or
        collective also the products, services and 点单 requests that name them; a service its requests."""
        return self._referrers.get((kind, item_id), set())

    @cached_property
    def _referrers(self) -> dict[tuple[str, str], set[tuple[str, str]]]:
        refs: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)

        def add(target: tuple[str, str], source: tuple[str, str]) -> None:
            if target[1]:
                refs[target].add(source)

        for a in self.associations.values():
            add(("association", a.parent), ("association", a.id))
        for w in self.workers.values():
            add(("association", w.association), ("worker", w.id))
            add(("studio", w.studio), ("worker", w.id))
        for c in self.collectives.values():
            add(("association", c.association), ("collective", c.id))
        for s in self.studios.values():
            add(("association", s.association), ("studio", s.id))
            add(("worker", s.leader), ("studio", s.id))
        for st in self.stories.values():
            add(("association", st.association), ("story", st.id))
            for wid in st.workers:
                add(("worker", wid), ("story", st.id))
        for target, source in offering_refs(self):   # products, services, 点单 (generator.model.offerings)
            add(target, source)
        return dict(refs)

    @cached_property
    def offerings(self) -> Offerings:
        """Products, services and 点单 requests, indexed (generator.model.offerings)."""
        return Offerings(self)

    # ---- sorted views ------------------------------------------------------------------------
    @cached_property
    def workers_sorted(self) -> list[Worker]:
        """By pinyin of the name, the order readers expect in a Chinese name list."""
        return sorted(self.workers.values(), key=lambda w: w.sort_key)

    @cached_property
    def stories_sorted(self) -> list[Story]:
        """Newest first."""
        return sorted(self.stories.values(), key=lambda s: (s.date, s.id), reverse=True)

    @cached_property
    def associations_sorted(self) -> list[Association]:
        """Root first, then children in file order of their ids (depth-first)."""
        out: list[Association] = []

        def walk(a: Association) -> None:
            out.append(a)
            for c in self.children(a.id):
                walk(c)

        for a in sorted(self.associations.values(), key=lambda a: a.id):
            if not a.parent or a.parent not in self.associations:
                walk(a)
        return out

    # ---- lookups (indexes built once; no per-page scans) ------------------------------------
    @cached_property
    def _index(self) -> dict:
        idx: dict = {
            "children": defaultdict(list), "workers_by_assoc": defaultdict(list),
            "collectives_by_assoc": defaultdict(list), "studios_by_assoc": defaultdict(list),
            "stories_by_assoc": defaultdict(list), "workers_by_studio": defaultdict(list),
            "workers_by_industry": defaultdict(list), "stories_by_worker": defaultdict(list),
        }
        for a in sorted(self.associations.values(), key=lambda a: a.id):
            if a.parent:
                idx["children"][a.parent].append(a)
        for w in self.workers_sorted:
            idx["workers_by_assoc"][w.association].append(w)
            idx["workers_by_industry"][w.industry].append(w)
            if w.studio:
                idx["workers_by_studio"][w.studio].append(w)
        for c in sorted(self.collectives.values(), key=lambda c: c.id):
            idx["collectives_by_assoc"][c.association].append(c)
        for s in sorted(self.studios.values(), key=lambda s: s.id):
            idx["studios_by_assoc"][s.association].append(s)
        for st in self.stories_sorted:
            idx["stories_by_assoc"][st.association].append(st)
            for wid in st.workers:
                idx["stories_by_worker"][wid].append(st)
        return idx

    @cached_property
    def _positions(self) -> dict:
        """(index name, key) → {worker id: position in that pool}, for O(1) neighbour lookups."""
        return {(name, key): {w.id: i for i, w in enumerate(pool)}
                for name in ("workers_by_studio", "workers_by_assoc", "workers_by_industry")
                for key, pool in self._index[name].items()}

    def children(self, association_id: str) -> list[Association]:
        return self._index["children"].get(association_id, [])

    def descendants(self, association_id: str) -> list[str]:
        """The association's id and all ids below it."""
        out = [association_id]
        for c in self.children(association_id):
            out.extend(self.descendants(c.id))
        return out

    def ancestors(self, association_id: str) -> list[Association]:
        """From the root down to the association's parent."""
        chain: list[Association] = []
        seen = set()
        a = self.associations.get(association_id)
        while a and a.parent and a.parent in self.associations and a.parent not in seen:
            seen.add(a.parent)
            a = self.associations[a.parent]
            chain.append(a)
        return list(reversed(chain))

    def workers_of(self, association_id: str, recursive: bool = False) -> list[Worker]:
        if not recursive:
            return self._index["workers_by_assoc"].get(association_id, [])
        ids = set(self.descendants(association_id))
        return [w for w in self.workers_sorted if w.association in ids]

    def collectives_of(self, association_id: str) -> list[Collective]:
        return self._index["collectives_by_assoc"].get(association_id, [])

    def studios_of(self, association_id: str) -> list[Studio]:
        return self._index["studios_by_assoc"].get(association_id, [])

    def stories_of(self, association_id: str) -> list[Story]:
        return self._index["stories_by_assoc"].get(association_id, [])

    def studio_members(self, studio_id: str) -> list[Worker]:
        return self._index["workers_by_studio"].get(studio_id, [])

    def stories_about(self, worker_id: str) -> list[Story]:
        return self._index["stories_by_worker"].get(worker_id, [])

    def related_workers(self, worker: Worker, limit: int = 6) -> list[Worker]:
        """Same studio first, then same association, then same industry; never the worker itself.

        Uses the prebuilt indexes and stops at `limit`, so it costs the same at 10 or 10,000 workers.
        """
        out: list[Worker] = []
        seen = {worker.id}
        pools = [
            ("workers_by_studio", worker.studio),
            ("workers_by_assoc", worker.association),
            ("workers_by_industry", worker.industry),
        ]
        for name, key in pools:
            pool = self._index[name].get(key, []) if key else []
            if not pool:
                continue
            # start next to the worker in pinyin order so neighbours differ from page to page
            start = self._positions[(name, key)].get(worker.id, -1) + 1
            for i in range(len(pool)):
                w = pool[(start + i) % len(pool)]
                if w.id not in seen:
                    seen.add(w.id)
                    out.append(w)
                    if len(out) >= limit:
                        return out
                if i > limit * 4:
                    break
        return out

    @property
    def root_association(self) -> Association | None:
        if self.site.root_association and self.site.root_association in self.associations:
            return self.associations[self.site.root_association]
        roots = [a for a in self.associations_sorted if not a.parent]
        return roots[0] if roots else None


def _without(item, kind: str, key: str):
    """`item` with its reference to (kind, key) dropped: a story's worker, a studio's leader, a
    worker's studio. A reference to an association stays (associations are never unpublished)."""
    if kind == "worker" and isinstance(item, Story):
        return dataclasses.replace(item, workers=[w for w in item.workers if w != key])
    if kind == "worker" and isinstance(item, Studio) and item.leader == key:
        return dataclasses.replace(item, leader="")
    if kind == "studio" and isinstance(item, Worker) and item.studio == key:
        return dataclasses.replace(item, studio="")
    if isinstance(item, (Product, Service, Request)):   # a maker, provider, taker or service line
        return offering_without(item, kind, key)
    return item
