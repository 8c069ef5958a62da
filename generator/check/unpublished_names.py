"""The name of a person who is not published (consent withdrawn, or still a draft) in the text of
something that is published: an error at that spot, so the editor rewrites the sentence.

Model.public() already takes the person out of every list, card, count and link. What it cannot do is
rewrite free text: a story, a summary, a caption, a studio named after its leader, another profile.
So every published text is searched for every unpublished person's full name; where a longer name of
another worker covers the spot, that name wins. (A Markdown link to their page: markdown_links.)
A mention that is another person with the same name is listed under `namesakes:` in that item's YAML
(or front matter), which silences that name in that item only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..model.corpus import Model
from ..model.entities import Worker
from ..model.source import Loc, Source
from ..problems import Problem, error
from .sources import media_rel

CODE = "privacy.unpublished-name"


@dataclass
class _Item:
    """A published item's texts, and the names it may show anyway (its own, its namesakes)."""

    sources: list[Source]
    files: list[tuple[str, Path]]      # (path relative to the project, absolute path): captions, transcripts
    allowed: set[str]
    settings: str                      # where `namesakes:` goes, as the hint says it ("" = cannot be marked)


def check(model: Model) -> list[Problem]:
    people: dict[str, list[Worker]] = {}
    for w in model.workers.values():
        if not w.published and len(w.name) >= 2:
            people.setdefault(w.name, []).append(w)
    if not people:
        return []
    pattern = re.compile("|".join(re.escape(t) for t in sorted(people, key=len, reverse=True)))
    # a longer name of another worker around the spot wins: 王静红 (published) is not 王静 (a draft) + 红
    others = {w.name for w in model.workers.values()} - set(people)
    covering = {name: [(other, other.index(name)) for other in others if name in other] for name in people}
    out: list[Problem] = []
    for item in _published_items(model):
        for source in item.sources:
            if not pattern.search("\n".join(source.lines)):
                continue   # most files: one search, no line loop
            skip = _namesake_lines(source)
            yaml = source.rel.endswith((".yml", ".yaml"))
            for n, line in enumerate(source.lines, start=1):
                if n in skip or (yaml and line.lstrip().startswith("#")):
                    continue   # a YAML comment is published nowhere
                out += _mentions(pattern, people, covering, item, Loc(source.rel, n), line)
        for rel, path in item.files:
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                continue   # the media and encoding rules report an unreadable file
            if pattern.search(text):
                for n, line in enumerate(text.splitlines(), start=1):
                    out += _mentions(pattern, people, covering, item, Loc(rel, n), line)
    return out


def _mentions(pattern: re.Pattern, people: dict, covering: dict, item: _Item, at: Loc, line: str) -> list[Problem]:
    out = []
    for m in pattern.finditer(line):
        text = m.group(0)
        if any(m.start() >= k and line.startswith(other, m.start() - k) for other, k in covering.get(text, ())):
            continue
        person = people[text][0]
        if person.name in item.allowed:
            continue
        loc = Loc(at.file, at.line, m.start() + 1)
        out.append(error(loc, f"这里提到了「{person.name}」，此人{_why(person)}，姓名不能出现在其他公开的内容里",
                         _hint(person, item), CODE, line))
    return out


def _why(w: Worker) -> str:
    if w.consent is not None and w.consent.withdrawn is not None:
        return f"已于 {w.consent.withdrawn} 撤回公开同意（workers/{w.id}/profile.yml）"
    if w.draft:
        return f"的资料还是草稿、没有公开（workers/{w.id}/profile.yml）"
    return f"没有本人同意公开的记录（workers/{w.id}/profile.yml）"


def _hint(w: Worker, item: _Item) -> str:
    hint = "改写这句话，不写出姓名（例如写“一位老劳模”），或删掉这句话"
    if item.settings:
        hint += f"；如果这里说的是另一位同名的人，在 {item.settings}里加一行 namesakes: [{w.name}]"
    return hint


def _namesake_lines(source: Source) -> set[int]:
    """The lines of the item's own `namesakes:` list (they name the person on purpose)."""
    return {loc.line for path, loc in source.positions.items() if path and path[0] == "namesakes"}


def _published_items(model: Model):
    pub = model.unpublished()
    if model.site.source.lines:
        yield _Item([model.site.source], [], set(), "")
    for kind, group in (("association", model.associations), ("collective", model.collectives),
                        ("studio", model.studios), ("product", model.products), ("service", model.services),
                        ("request", model.requests)):
        for key, item in group.items():
            if (kind, key) not in pub:
                story = getattr(item, "story_source", None)   # products, services, requests have none
                yield _Item([item.source] + ([story] if story else []), [], set(item.namesakes), item.source.rel + " ")
    for kind, group in (("story", model.stories), ("page", model.pages)):
        for key, item in group.items():
            if (kind, key) not in pub:
                yield _Item([item.source], [], set(item.namesakes), f"{item.source.rel} 开头的信息（两行 --- 之间）")
    for w in model.workers.values():
        if ("worker", w.id) not in pub:
            yield _Item([w.source] + ([w.story_source] if w.story_source else []), _published_files(w),
                        {w.name, *w.namesakes}, w.source.rel + " ")


def _published_files(w: Worker) -> list[tuple[str, Path]]:
    """Caption files and transcript files the worker's page publishes as they are."""
    files = [v.captions for v in w.videos if v.captions] + [a.transcript_file for a in w.audio if a.transcript_file]
    return [(media_rel(m), m.path) for m in files]
