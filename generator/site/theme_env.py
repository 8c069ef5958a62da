"""The MkDocs theme's Jinja environment escapes every value it prints (autoescape).

Why autoescape rather than escaping content where it enters the page context (site_name, copyright, page
and nav titles, meta): Material's templates print those values in dozens of places, some of them already
with `| e` (escaping at the source would show "&amp;lt;" there) and some through `| striptags`, which
*unescapes* entities (escaping at the source would turn back into live HTML there). Autoescaping escapes
once, at the place every value is printed, including template code we have not read and future values.

What Material must print as HTML is marked safe explicitly: `page.content` in theme/partials/content.html
(our page bodies, rendered by generator/site/render.py's own autoescaping environment, Markdown cleaned by
nh3) and `page.meta.jsonld` in theme/main.html (generator/site/structured.py escapes "<" in it).
MkDocs' own filters (`script_tag`, `tojson`) already return Markup. The table of contents would be escaped
twice (Python-Markdown hands over escaped heading text) but no page of this site has one.
"""

from __future__ import annotations

import jinja2


def autoescape_theme(env: jinja2.Environment) -> jinja2.Environment:
    """Call from `on_env`, before MkDocs compiles any template (autoescape is fixed at compile time)."""
    env.autoescape = True
    return env
