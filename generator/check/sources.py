"""Every content file of the model, for rules that read the editor's own text line by line.

`published_text` is the one list of what reaches readers as text: YAML files (every field, caption,
alt text and link title, site.yml with its booklet settings), story and page Markdown, and the
caption and transcript files the profiles name. The privacy rule walks exactly this list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..content.text_file import read_text
from ..model.corpus import Model
from ..model.entities import Contact, Media
from ..model.source import Source


@dataclass(frozen=True)
class PublicContact:
    """An organisation's public `contact:` block inside its YAML file (office address, phone, e-mail)."""

    lines: frozenset[int]       # the block's lines
    phone_line: int             # the line of `phone:`, 0 when there is none
    contact: Contact


@dataclass(frozen=True)
class PublishedText:
    """One file whose text is published (on the site, in search, in booklets or as a media file)."""

    source: Source
    contact: PublicContact | None = None


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


def media_text_files(model: Model) -> Iterator[Media]:
    """Caption files (WebVTT, or SRT named by mistake) and transcript files the workers name."""
    for w in model.workers.values():
        for v in w.videos:
            if v.captions is not None:
                yield v.captions
        for a in w.audio:
            if a.transcript_file is not None:
                yield a.transcript_file


def published_text(model: Model) -> Iterator[PublishedText]:
    """Every published text file, each once. A file that cannot be read as UTF-8 is left out: the
    loader or the media rule already reports it as an error, so it is never published either."""
    contacts = {model.site.source.rel: model.site.contact}
    contacts.update((a.source.rel, a.contact) for a in model.associations.values())
    for source in yaml_sources(model):
        contact = contacts.get(source.rel)
        yield PublishedText(source, public_contact(source, contact) if contact is not None else None)
    for source, _ in markdown_sources(model):
        yield PublishedText(source)
    seen: set[str] = set()
    for m in media_text_files(model):
        rel = media_rel(m)
        if rel in seen:
            continue
        seen.add(rel)
        text, _problems = read_text(m.path, rel)
        if text is not None:
            yield PublishedText(Source(m.path, rel, text.split("\n")))


def public_contact(source: Source, contact: Contact) -> PublicContact | None:
    lines = exempt_lines(source, "contact")
    if not lines:
        return None
    phone = source.positions.get(("contact", "phone"))
    return PublicContact(frozenset(lines), phone.line if phone else 0, contact)


def media_rel(m: Media) -> str:
    """A media file's path relative to the project (its name is relative to the file naming it), for
    messages that point inside it."""
    folder = m.loc.file.rpartition("/")[0]
    name = m.rel.removeprefix("./")
    return f"{folder}/{name}" if folder else name


def exempt_lines(source: Source, key: str) -> set[int]:
    """Lines of the top-level `key`'s block (e.g. an organisation's public `contact`)."""
    start = source.positions.get((key, "@key"))
    if start is None:
        return set()
    tops = sorted(loc.line for path, loc in source.positions.items()
                  if len(path) == 2 and path[1] == "@key" and loc.line > start.line)
    end = tops[0] - 1 if tops else len(source.lines)
    return set(range(start.line, end + 1))
