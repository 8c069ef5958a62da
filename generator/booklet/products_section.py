"""An optional short chapter of an association's booklet: the products of the people and groups it prints.

Off unless site.yml says `booklet: {products: true}`. Products are laid out as small cards, several to
a page under the chapter title (theme/booklet/products.typ), not one page each: a modest chapter after
the profiles, collectives and studios.
"""

from __future__ import annotations

from ..model import Model
from ..model.offerings import Product
from .selection import Selection

SUMMARY_CHARS = 56      # about three lines of a card: the web page has the whole text
# 4:3, two cards side by side in the text block (A5: 33 × 10 pt, A4: 42 × 11 pt wide; theme/booklet/products.typ)
CARD_PHOTO_MM = {"A5": (56.0, 42.0), "A4": (79.0, 59.3)}


def products_section(model: Model, sel: Selection, paper: str, photo, page_url) -> dict | None:
    """The chapter's data, or None when it is switched off or has nothing to show.

    A product is printed when its maker is printed in this booklet (so a filtered booklet holds only the
    products of the workers it selected)."""
    if not (model.site.booklet or {}).get("products"):
        return None
    printed = ({("worker", w.id) for w in sel.workers} | {("studio", s.id) for s in sel.studios}
               | {("collective", c.id) for c in sel.collectives})
    products = [p for p in model.offerings.products_sorted if p.maker and (p.maker.kind, p.maker.id) in printed]
    if not products:
        return None
    return {"kind": "products", "title": "劳模产品", "divider": False,
            "entries": [_entry(model, p, paper, photo, page_url) for p in products]}


def _entry(model: Model, p: Product, paper: str, photo, page_url) -> dict:
    maker = model.offerings.maker(p)
    awards = "；".join(" ".join(x for x in (str(a.year or ""), a.kind, a.title) if x) for a in p.awards)
    venues = "、".join(model.offerings.venues[v].name for v in p.available_at if v in model.offerings.venues)
    kind = " · ".join(x for x in (p.category, f"{p.year}年" if p.year else "") if x)
    facts = [["制作", maker.name if maker else ""], ["类别", kind], ["专利获奖", awards], ["展示销售", venues]]
    return {"id": p.id, "name": p.name, "sample": p.sample, "summary": _short(p.description, SUMMARY_CHARS),
            "facts": [f for f in facts if f[1]],
            "photo": photo(p.photos[0].file, CARD_PHOTO_MM.get(paper, CARD_PHOTO_MM["A5"])) if p.photos else None,
            "url": page_url(model, p.url)}


def _short(text: str, n: int) -> str:
    """The first sentence(s) up to n characters, ending at a full stop when there is one."""
    if len(text) <= n:
        return text
    cut = text[:n]
    stop = max(cut.rfind("。"), cut.rfind("；"))
    return cut[: stop + 1] if stop >= n // 2 else cut.rstrip("，、；：") + "……"
