"""Which filtered pages of the products gallery and the 点单 board a model has, and their URLs.

    products/by/<association|all>/<category slug|all>/    a page for every combination that shows a product
    requests/by/<status|all>/<association|all>/          a page for every combination that shows a request

The pages (generator/site/pages_offerings.py) are built from these lists, and the link check
(generator/check/markdown_links.py) accepts exactly these URLs, so the two cannot disagree.
"""

from __future__ import annotations

from collections import OrderedDict

from ..model.names import slugify_text
from ..model.offerings import STATUSES, Product, Request

ALL = "all"


def gallery_url(association: str = ALL, category: str = ALL) -> str:
    if association == ALL and category == ALL:
        return "products/"
    return f"products/by/{association}/{category}/"


def board_url(status: str = ALL, association: str = ALL) -> str:
    if status == ALL and association == ALL:
        return "requests/"
    return f"requests/by/{status}/{association}/"


def category_slugs(model) -> "OrderedDict[str, str]":
    """Category name → URL slug (pinyin), vocabulary order first; two names with one spelling get -2, -3…"""
    used = {p.category for p in model.products.values() if p.category}
    names = [c for c in model.site.product_categories if c in used] + sorted(used - set(model.site.product_categories))
    out: OrderedDict[str, str] = OrderedDict()
    taken: set[str] = {ALL}
    for name in names:
        base = slugify_text(name)
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        out[name] = slug
    return out


def galleries(model, categories: "OrderedDict[str, str]") -> list[tuple[str, str, list[Product]]]:
    """(association, category slug, products shown) of every gallery page; no page for an empty combination."""
    products = model.offerings.products_sorted
    out = []
    for aid in [ALL] + [a.id for a in model.associations_sorted]:
        for cat in [ALL] + list(categories.values()):
            shown = [p for p in products if (aid == ALL or p.association == aid)
                     and (cat == ALL or categories.get(p.category) == cat)]
            if shown or (aid, cat) == (ALL, ALL):
                out.append((aid, cat, shown))
    return out


def boards(model) -> list[tuple[str, str, list[Request]]]:
    """(status, association, requests shown) of every board page; no page for an empty combination."""
    offerings = model.offerings
    every = offerings.requests_sorted
    out = []
    for status in (ALL,) + STATUSES:
        for aid in [ALL] + [a.id for a in model.associations_sorted]:
            shown = [r for r in every if (status == ALL or r.status == status)
                     and (aid == ALL or offerings.association_of(r) == aid)]
            if shown or (status, aid) == (ALL, ALL):
                out.append((status, aid, shown))
    return out


def filter_pages(model) -> dict[str, str]:
    """URL → what an editor calls the page, for every filtered gallery and board page of `model`."""
    names = {a.id: a.name for a in model.associations.values()}
    categories = category_slugs(model)
    category_names = {slug: name for name, slug in categories.items()}
    out = {}
    for aid, cat, _shown in galleries(model, categories):
        chosen = "、".join(x for x in (names.get(aid, ""), category_names.get(cat, "")) if x)
        out[gallery_url(aid, cat)] = f"劳模产品（{chosen}）" if chosen else "劳模产品"
    for status, aid, _shown in boards(model):
        out[board_url(status, aid)] = "点单记录"
    return out
