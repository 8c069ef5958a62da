"""Jinja2 templates → page bodies. One environment; every page gets URL helpers bound to its own URL."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2
import yaml

from ..model.honors import LEVEL_LABELS
from .search_terms import spaced
from .urls import rebase_html, relative, root_links_relative

TEMPLATES = Path(__file__).parent / "templates"
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)   # libyaml: 10× faster front matter for 10,000 pages


@dataclass
class PageOut:
    """One generated page: where it goes, its front matter and its HTML body."""

    url: str                 # "workers/sun-meijin/" ("" for home)
    title: str
    body: str
    meta: dict = field(default_factory=dict)
    in_nav: bool = False     # only section index pages are in the navigation

    @property
    def src_uri(self) -> str:
        return _src_uri(self.url)

    def markdown(self) -> str:
        """The page as a Markdown file: YAML front matter + one raw HTML block."""
        meta = {"title": self.title, **self.meta}
        head = yaml.dump(meta, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
        return f"---\n{head}---\n\n{self.body.strip()}\n"


def _src_uri(url: str) -> str:
    """"workers/sun-meijin/" → "workers/sun-meijin.md"; "workers/" → "workers/index.md"; "" → "index.md"."""
    path = url.strip("/")
    if not path:
        return "index.md"
    if path.count("/") == 0:
        return f"{path}/index.md"
    return f"{path}.md"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
        trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
    )
    env.globals["LEVEL_LABELS"] = LEVEL_LABELS
    env.filters["level_label"] = lambda lvl: LEVEL_LABELS.get(lvl, "")
    env.filters["spaced"] = spaced
    return env


def render_page(template: str, url: str, **context) -> str:
    """Render `template` for the page at `url`; media URLs and editors' root-absolute links ("/stats/") in the
    result are made page-relative, so they work under a sub-path and from file://."""
    env = environment()
    html = env.get_template(template).render(
        page_url=url, u=lambda target: relative(url, target), **context)
    html = "\n".join(line for line in html.splitlines() if line.strip())
    return rebase_html(root_links_relative(html, url), url)
