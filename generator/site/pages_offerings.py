"""Pages of the products gallery, the service catalogue and the 点单 board, and what the other pages show of them.

    products/                        gallery of every product
    products/by/<association>/<cat>/ the gallery filtered (either part may be "all"): filters are plain links,
                                     so they work without JavaScript and the URL is the filter's state
    products/<id>/                   one product
    services/                        the city-wide service catalogue, one section per association
    requests/                        the 点单 board: open, claimed and done (history), newest first
    requests/by/<status>/<association>/  the board filtered

A static site takes no orders: the board shows what the associations recorded; ordering is by the
association's phone or the form it runs, which the services page and every service block say.
"""

from __future__ import annotations

from collections import Counter

from ..model.offerings import REQUESTER_TYPES, STATUS_LABELS, STATUSES, Product, Request
from . import charts
from .figures import Figure
from .filter_pages import ALL, board_url, boards, category_slugs, galleries, gallery_url
from .render import PageOut
from .search_terms import name_aliases, phrase_chars, spaced

NO_TOC = ["toc"]


class OfferingPages:
    """Renders the pages above through the site's Pages object (its model, media and template context)."""

    def __init__(self, pages):
        self.p = pages
        self.model = pages.model
        self.o = pages.model.offerings
        self.categories = category_slugs(self.model)
        self.category_names = {slug: name for name, slug in self.categories.items()}

    def all(self) -> list[PageOut]:
        out = self.product_galleries()
        out += [self.product(p) for p in self.o.products_sorted]
        out.append(self.services())
        out += self.boards()
        return out

    # ---- products -------------------------------------------------------------------------------
    def product_galleries(self) -> list[PageOut]:
        products = self.o.products_sorted
        return [self._gallery(aid, cat, shown, products) for aid, cat, shown in galleries(self.model, self.categories)]

    def _gallery(self, aid: str, cat: str, shown: list[Product], products: list[Product]) -> PageOut:
        mo = self.model
        url = gallery_url(aid, cat)
        cat_name = self.category_names.get(cat, "")
        assoc_chips = [("全部协会", gallery_url(ALL, cat), aid == ALL,
                        sum(1 for p in products if cat == ALL or self.categories.get(p.category) == cat))]
        for a in mo.associations_sorted:
            n = sum(1 for p in products if p.association == a.id and (cat == ALL or self.categories.get(p.category) == cat))
            assoc_chips.append((a.short_name or a.name, gallery_url(a.id, cat), aid == a.id, n))
        cat_chips = [("全部类别", gallery_url(aid, ALL), cat == ALL,
                      sum(1 for p in products if aid == ALL or p.association == aid))]
        for name, slug in self.categories.items():
            n = sum(1 for p in products if self.categories.get(p.category) == slug and (aid == ALL or p.association == aid))
            cat_chips.append((name, gallery_url(aid, slug), cat == slug, n))
        a = mo.associations.get(aid)
        chosen = "、".join(x for x in (a.name if a else "", cat_name) if x)
        title = f"劳模产品（{chosen}）" if chosen else "劳模产品"
        body = self.p._render("products.html", url, products=shown, total=len(products), chosen=chosen,
                              assoc_chips=assoc_chips, cat_chips=cat_chips, cards=self._cards(shown),
                              venues=list(self.o.venues.values()))
        return PageOut(url, title, body, {"hide": NO_TOC, "description": f"劳模产品与成果：{len(shown)} 件"}, url == "products/")

    def _cards(self, products: list[Product]) -> list[dict]:
        return [{"p": p, "maker": self.o.maker(p), "category_url": gallery_url(ALL, self.categories.get(p.category, ALL))}
                for p in products]

    def product(self, p: Product) -> PageOut:
        mo = self.model
        m = self.p.m
        maker = self.o.maker(p)
        photos = [{"tag": m.img(ph.file, "gallery", ph.caption, "(max-width: 600px) 92vw, 640px", "fc-product__img", lazy=(i > 0)),
                   "full": m.img_url(ph.file, "gallery", largest=True), "caption": ph.caption}
                  for i, ph in enumerate(p.photos)]
        image = m.img_url(p.photos[0].file, "thumb") if p.photos else ""
        assoc = mo.associations.get(p.association)
        # found by its name and its maker's: spaced characters for the titles (as on studio pages), the
        # worker's name in every form a reader types (as on the worker's own page)
        aliases = [spaced(p.name), spaced(maker.name) if maker else "", phrase_chars(p.category)]
        if maker is not None and p.maker.kind == "worker":
            aliases += name_aliases(maker)
        aliases = [a for a in aliases if a]
        body = self.p._render(
            "product.html", p.url, p=p, maker=maker, maker_kind=p.maker.kind, assoc=assoc, photos=photos, image=image,
            venues=[self.o.venues[v] for v in p.available_at if v in self.o.venues],
            venue_assocs={a.id: a for a in mo.associations.values()},
            category_url=gallery_url(ALL, self.categories.get(p.category, ALL)),
            aliases=aliases, summary=" · ".join(x for x in ("劳模产品", p.category, maker.name if maker else "") if x))
        return PageOut(p.url, p.name, body, {"hide": NO_TOC, "description": p.description[:120], "page_kind": "product"})

    # ---- services -------------------------------------------------------------------------------
    def services(self) -> PageOut:
        mo = self.model
        groups = [(a, self.o.services_of(a.id)) for a in mo.associations_sorted]
        groups = [(a, s) for a, s in groups if s]
        body = self.p._render("services.html", "services/", groups=groups, providers=self.providers,
                              done_count=self.done_count, board_url=board_url)
        return PageOut("services/", "志愿服务", body, {"hide": NO_TOC, "description": "劳模协会可以点单的志愿服务"}, True)

    def providers(self, service) -> list:
        """The published workers and studios who offer a service."""
        mo = self.model
        return [x for x in ([mo.workers.get(w) for w in service.workers] + [mo.studios.get(s) for s in service.studios]) if x]

    def done_count(self, service_id: str) -> int:
        return sum(1 for r in self.o.requests_of(service_id) if r.status == "done")

    # ---- the 点单 board -------------------------------------------------------------------------
    def boards(self) -> list[PageOut]:
        every = self.o.requests_sorted
        return [self._board(status, aid, every) for status, aid, _shown in boards(self.model)]

    def _board(self, status: str, aid: str, every: list[Request]) -> PageOut:
        mo = self.model
        url = board_url(status, aid)
        in_assoc = [r for r in every if aid == ALL or self.o.association_of(r) == aid]
        shown = [r for r in in_assoc if status == ALL or r.status == status]
        status_chips = [("全部状态", board_url(ALL, aid), status == ALL, len(in_assoc))]
        status_chips += [(STATUS_LABELS[s], board_url(s, aid), status == s, sum(1 for r in in_assoc if r.status == s))
                         for s in STATUSES]
        with_status = [r for r in every if status == ALL or r.status == status]
        assoc_chips = [("全部协会", board_url(status, ALL), aid == ALL, len(with_status))]
        assoc_chips += [(a.short_name or a.name, board_url(status, a.id), aid == a.id,
                         sum(1 for r in with_status if self.o.association_of(r) == a.id)) for a in mo.associations_sorted]
        groups = [(s, STATUS_LABELS[s], [r for r in shown if r.status == s]) for s in STATUSES]
        a = mo.associations.get(aid)
        chosen = "、".join(x for x in (a.name if a else "", STATUS_LABELS.get(status, "")) if x)
        title = f"点单记录（{chosen}）" if chosen else "点单记录"
        body = self.p._render("requests.html", url, groups=[g for g in groups if g[2]], shown=shown, chosen=chosen,
                              status_chips=status_chips, assoc_chips=assoc_chips, row=self.request_row,
                              contact_assoc=a)
        return PageOut(url, title, body, {"hide": NO_TOC, "description": "劳模协会登记的点单和服务记录"}, url == "requests/")

    def request_row(self, r: Request) -> dict:
        mo = self.model
        service = mo.services.get(r.service)
        assoc = mo.associations.get(service.association) if service else None
        return {"r": r, "service": service, "assoc": assoc, "taker": self.o.taker(r),
                "requester_type": REQUESTER_TYPES.get(r.requester_type, "")}

    # ---- what other pages show ------------------------------------------------------------------
    def for_maker(self, kind: str, item_id: str) -> dict:
        """A worker's, studio's or collective's products, the services they offer and the 点单 they completed."""
        products = self.o.products_by(kind, item_id)
        return {"offer_products": [{"p": p, "maker": None,
                                    "category_url": gallery_url(ALL, self.categories.get(p.category, ALL))}
                                   for p in products],
                "offer_services": self.o.services_by(kind, item_id),
                "offer_done": [{**self.request_row(r), "taker": None}   # the page is the taker's own
                               for r in self.o.requests_taken_by(kind, item_id, "done")]}

    def for_association(self, aid: str) -> dict:
        return {"offer_products": self._cards(self.o.products_of(aid)),
                "offer_products_url": gallery_url(aid, ALL),
                "offer_services": self.o.services_of(aid), "offer_venues": self.model.associations[aid].venues,
                "offer_board_url": board_url(ALL, aid),
                "offer_requests": sum(1 for r in self.o.requests_sorted if self.o.association_of(r) == aid),
                "providers": self.providers, "done_count": self.done_count, "board_url": board_url}

    def stats(self) -> dict:
        mo = self.model
        products = self.o.products_sorted
        requests = self.o.requests_sorted
        if not (products or mo.services or requests):
            return {"offer_stats": None}
        per_cat = _counted(Counter(p.category for p in products), list(self.categories))
        per_assoc_p = [(a.short_name or a.name, len(self.o.products_of(a.id))) for a in mo.associations_sorted]
        per_status = [(STATUS_LABELS[s], sum(1 for r in requests if r.status == s)) for s in STATUSES]
        done_per_assoc = [(a.short_name or a.name, sum(1 for r in requests if r.status == "done"
                                                       and self.o.association_of(r) == a.id)) for a in mo.associations_sorted]
        figures = [Figure("劳模产品", len(products), "件", "products/"), Figure("服务项目", len(mo.services), "项", "services/"),
                   Figure("点单", len(requests), "次", "requests/"),
                   Figure("已完成", sum(1 for r in requests if r.status == "done"), "次", board_url("done", ALL))]
        return {"offer_stats": {
            "figures": figures, "per_category": per_cat, "per_assoc": per_assoc_p, "per_status": per_status,
            "done_per_assoc": done_per_assoc,
            "category_chart": charts.hbar_chart(per_cat, "各类劳模产品的数量", "件"),
            "assoc_chart": charts.hbar_chart(per_assoc_p, "各协会的劳模产品数量", "件"),
            "status_chart": charts.hbar_chart(per_status, "点单的状态", "次"),
            "done_chart": charts.hbar_chart(done_per_assoc, "各协会完成的点单服务", "次")}}


def _counted(counts: Counter, order: list[str]) -> list[tuple[str, int]]:
    return [(k, counts[k]) for k in order if counts.get(k)] + sorted(
        ((k, v) for k, v in counts.items() if k not in order), key=lambda kv: (-kv[1], kv[0]))

