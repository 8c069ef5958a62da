"""Metadata for the <head>: schema.org JSON-LD and Open Graph values, as plain dicts/strings."""

from __future__ import annotations

import json

from ..model.corpus import Model
from ..model.entities import Worker
from .urls import absolute


def person_jsonld(model: Model, w: Worker, image_url: str) -> str:
    """schema.org Person with every honor as an `award`."""
    base = model.site.base_url
    assoc = model.associations.get(w.association)
    doc = {
        "@context": "https://schema.org", "@type": "Person", "name": w.name,
        "alternateName": w.pinyin or None,
        "jobTitle": w.position or None,
        "worksFor": {"@type": "Organization", "name": w.employer},
        "award": [f"{h.year} {h.title}" for h in w.honors_sorted],
        "knowsAbout": list(w.specialties) or None,
        "memberOf": {"@type": "Organization", "name": assoc.name} if assoc else None,
        "url": absolute(base, w.url) or None,
        "image": (absolute(base, image_url) if base and image_url else None),
    }
    doc = {k: v for k, v in doc.items() if v}
    return _script_safe(json.dumps(doc, ensure_ascii=False))


def _script_safe(text: str) -> str:
    """JSON that cannot end or change its <script> element: no "<" at all (neither "</script>" nor "<!--",
    which switches the HTML parser into a state where the element does not end), no ">" or "&" either.
    JSON readers see the same strings (the escapes are JSON's own), as Jinja's `tojson` does it."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def og_meta(model: Model, url: str, title: str, description: str, image_url: str = "", kind: str = "website") -> dict:
    """Front-matter keys the theme turns into <meta property="og:…">."""
    base = model.site.base_url
    meta = {"og_type": kind, "description": description}
    if base:
        meta["og_url"] = absolute(base, url) if url else base.rstrip("/") + "/"
        if image_url:
            meta["og_image"] = absolute(base, image_url)
    return meta
