"""Every content file of the model, for rules that read the editor's own text line by line."""

from __future__ import annotations

from typing import Iterator

from ..model.corpus import Model
from ..model.source import Source


def yaml_sources(model: Model) -> Iterator[Source]:
    """profile.yml, <id>.yml (products, services and 点单 requests too) and site.yml files (front matter of Markdown files comes with markdown_sources)."""
    if model.site.source.lines:
        yield model.site.source
    for group in (model.associations, model.collectives, model.studios, model.products, model.services,
                  model.requests):
        for item in group.values():
            yield item.source
    for w in model.workers.values():
        yield w.source


def markdown_sources(model: Model) -> Iterator[tuple[Source, bool]]:
    """(source, has_front_matter) for every Markdown file."""
    for group in (model.associations, model.collectives, model.studios, model.workers):
        for item in group.values():
            if item.story_source is not None:
                yield item.story_source, False
    for st in model.stories.values():
        yield st.source, True
    for p in model.pages.values():
        yield p.source, True


def all_sources(model: Model) -> Iterator[Source]:
    yield from yaml_sources(model)
    for s, _ in markdown_sources(model):
        yield s


def exempt_lines(source: Source, key: str) -> set[int]:
    """Lines of the top-level `key`'s block (e.g. an organisation's public `contact`)."""
    start = source.positions.get((key, "@key"))
    if start is None:
        return set()
    tops = sorted(loc.line for path, loc in source.positions.items()
                  if len(path) == 2 and path[1] == "@key" and loc.line > start.line)
    end = tops[0] - 1 if tops else len(source.lines)
    return set(range(start.line, end + 1))
