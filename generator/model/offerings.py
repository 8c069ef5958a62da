"""Products, the service catalogue and the 点单 board: typed objects and their lookups.

    Product   content/products/<id>.yml   something a worker, studio or collective made (劳模产品与成果)
    Service   content/services/<id>.yml   a service an association's workers and studios offer (服务目录)
    Request   content/requests/<id>.yml   one 点单: what an organisation asked for, who took it on, how it ended
    Venue     `venues:` in an association file: the association's hall or shop where products are shown

Every reference is (kind, id), kind one of "worker", "studio", "collective", "service". `references(item)`
lists them (`offering_refs` feeds Model.referrers) and `without(item, kind, id)` drops one, so
Model.public() treats these items the way it treats every other reference: a maker, provider or taker who
is not published leaves the line, the product or request stays. (Venues are named by id, checked by
check.offerings; they belong to associations, which are always published.)
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property

from .entities import Achievement, GalleryItem
from .source import Source

# The board's states, in the order a request moves through them. Ids in files, Chinese on pages.
STATUSES = ("open", "claimed", "done")
STATUS_LABELS = {"open": "待认领", "claimed": "已认领", "done": "已完成"}

# Who may ask for a service: organisations, villages and communities — never a private person.
REQUESTER_TYPES = {"village": "村", "community": "社区", "company": "企业", "school": "学校",
                   "organisation": "机关、事业单位或社会组织"}

MAKER_KINDS = {"worker": "劳模", "studio": "创新工作室", "collective": "模范集体"}


@dataclass(frozen=True)
class Ref:
    """A reference to another item: ("worker", "sun-meijin")."""

    kind: str
    id: str

    def __bool__(self) -> bool:
        return bool(self.id)


NO_REF = Ref("", "")


@dataclass
class Venue:
    """An association's hall or shop (展示厅、合作门店): an organisation's address, never a person's."""

    id: str
    name: str
    association: str = ""
    address: str = ""
    hours: str = ""
    note: str = ""


@dataclass
class Product:
    id: str
    name: str
    association: str
    source: Source
    maker: Ref = NO_REF
    category: str = ""
    year: int | None = None
    description: str = ""
    photos: list[GalleryItem] = field(default_factory=list)
    awards: list[Achievement] = field(default_factory=list)      # patents and prizes
    available_at: list[str] = field(default_factory=list)         # venue ids
    tags: list[str] = field(default_factory=list)
    draft: bool = False
    sample: bool = False
    namesakes: list[str] = field(default_factory=list)   # names in its text that are other people

    @property
    def url(self) -> str:
        return f"products/{self.id}/"


@dataclass
class Service:
    id: str
    name: str
    association: str
    source: Source
    description: str = ""
    workers: list[str] = field(default_factory=list)    # who offers it
    studios: list[str] = field(default_factory=list)
    order_url: str = ""        # an online form the association runs; else its phone (contact.phone)
    order_note: str = ""       # e.g. 工作日电话登记，三个工作日内回复
    draft: bool = False
    sample: bool = False
    namesakes: list[str] = field(default_factory=list)   # names in its text that are other people

    @property
    def url(self) -> str:
        return f"services/#{self.anchor}"

    @property
    def anchor(self) -> str:
        return f"s-{self.id}"

    @property
    def providers(self) -> list[Ref]:
        return [Ref("worker", w) for w in self.workers] + [Ref("studio", s) for s in self.studios]


@dataclass
class Request:
    id: str
    title: str
    service: str
    source: Source
    requester: str = ""
    requester_type: str = ""
    details: str = ""
    status: str = "open"
    requested: dt.date | None = None
    claimed: dt.date | None = None
    completed: dt.date | None = None
    taken_by: Ref = NO_REF
    outcome: str = ""
    draft: bool = False
    sample: bool = False
    namesakes: list[str] = field(default_factory=list)   # names in its text that are other people

    @property
    def anchor(self) -> str:
        return f"r-{self.id}"

    @property
    def url(self) -> str:
        return f"requests/#{self.anchor}"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def last_date(self) -> dt.date | None:
        return self.completed or self.claimed or self.requested

    @property
    def sort_key(self) -> tuple:
        """Newest first: by the date of the last step, then the request date, then id."""
        return (self.last_date or dt.date.min, self.requested or dt.date.min, self.id)


# ---- references, for publication and the reference graph ---------------------------------------------
def references(item) -> list[Ref]:
    """Every reference an item makes (besides its association)."""
    if isinstance(item, Product):
        return [item.maker] if item.maker else []
    if isinstance(item, Service):
        return item.providers
    if isinstance(item, Request):
        return [r for r in (Ref("service", item.service), item.taken_by) if r]
    return []


def without(item, kind: str, key: str):
    """`item` with its reference to (kind, key) dropped: the maker or taker line goes, the item stays.
    A request whose service is gone has no place on the board: its service becomes "" (pages skip it)."""
    if isinstance(item, Product) and item.maker == Ref(kind, key):
        return replace(item, maker=NO_REF)
    if isinstance(item, Service) and kind == "worker" and key in item.workers:
        return replace(item, workers=[w for w in item.workers if w != key])
    if isinstance(item, Service) and kind == "studio" and key in item.studios:
        return replace(item, studios=[s for s in item.studios if s != key])
    if isinstance(item, Request):
        if kind == "service" and item.service == key:
            return replace(item, service="")
        if item.taken_by == Ref(kind, key):
            return replace(item, taken_by=NO_REF)
    return item


def offering_refs(model) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """(target, source) pairs for Model.referrers: what each product, service and request names."""
    out = []
    for kind, items in (("product", model.products), ("service", model.services), ("request", model.requests)):
        for item in items.values():
            if getattr(item, "association", ""):
                out.append((("association", item.association), (kind, item.id)))
            out += [((ref.kind, ref.id), (kind, item.id)) for ref in references(item)]
    return out


# ---- lookups -------------------------------------------------------------------------------------------
class Offerings:
    """Indexes over one model's products, services and requests (built once per model)."""

    def __init__(self, model):
        self.model = model

    @cached_property
    def _idx(self) -> dict:
        mo = self.model
        idx = {k: defaultdict(list) for k in ("by_maker", "products_of", "services_of", "by_provider",
                                                  "requests_of_service", "taken_by")}
        for p in sorted(mo.products.values(), key=product_sort_key):
            idx["products_of"][p.association].append(p)
            if p.maker:
                idx["by_maker"][(p.maker.kind, p.maker.id)].append(p)
        for s in sorted(mo.services.values(), key=lambda s: (s.association, s.id)):
            idx["services_of"][s.association].append(s)
            for ref in s.providers:
                idx["by_provider"][(ref.kind, ref.id)].append(s)
        for r in self.requests_sorted:
            idx["requests_of_service"][r.service].append(r)
            if r.taken_by:
                idx["taken_by"][(r.taken_by.kind, r.taken_by.id)].append(r)
        return idx

    @cached_property
    def products_sorted(self) -> list[Product]:
        return sorted(self.model.products.values(), key=product_sort_key)

    @cached_property
    def requests_sorted(self) -> list[Request]:
        """Newest first."""
        return sorted((r for r in self.model.requests.values() if r.service), key=lambda r: r.sort_key, reverse=True)

    def products_by(self, kind: str, item_id: str) -> list[Product]:
        return self._idx["by_maker"].get((kind, item_id), [])

    def products_of(self, association_id: str) -> list[Product]:
        return self._idx["products_of"].get(association_id, [])

    def services_of(self, association_id: str) -> list[Service]:
        return self._idx["services_of"].get(association_id, [])

    def services_by(self, kind: str, item_id: str) -> list[Service]:
        return self._idx["by_provider"].get((kind, item_id), [])

    def requests_of(self, service_id: str) -> list[Request]:
        return self._idx["requests_of_service"].get(service_id, [])

    def requests_taken_by(self, kind: str, item_id: str, status: str | None = None) -> list[Request]:
        found = self._idx["taken_by"].get((kind, item_id), [])
        return [r for r in found if status is None or r.status == status]

    def naming(self, kind: str, item_id: str) -> list:
        """Every product, service and request that names this worker, studio or collective (what its page shows)."""
        return self.products_by(kind, item_id) + self.services_by(kind, item_id) + self.requests_taken_by(kind, item_id)

    def association_of(self, request: Request) -> str:
        s = self.model.services.get(request.service)
        return s.association if s else ""

    def maker(self, product: Product):
        """The maker's object (Worker, Studio or Collective), or None when it is not shown."""
        pool = {"worker": self.model.workers, "studio": self.model.studios,
                "collective": self.model.collectives}.get(product.maker.kind, {})
        return pool.get(product.maker.id)

    def taker(self, request: Request):
        pool = {"worker": self.model.workers, "studio": self.model.studios}.get(request.taken_by.kind, {})
        return pool.get(request.taken_by.id)

    @cached_property
    def venues(self) -> dict[str, Venue]:
        return {v.id: v for a in self.model.associations_sorted for v in getattr(a, "venues", [])}


def product_sort_key(p: Product) -> tuple:
    """Newest first by year, then by id (stable)."""
    return (-(p.year or 0), p.id)
