"""Read one YAML (or Markdown-with-front-matter) content file into data + Source, collecting problems."""

from __future__ import annotations

from pathlib import Path

from ..model.source import Source
from ..problems import Problem
from .markdown_reader import parse_markdown
from .text_file import read_text
from .yaml_reader import parse_yaml


def load_yaml_file(path: Path, root: Path, problems: list[Problem]) -> tuple[dict | None, Source | None]:
    rel = path.relative_to(root).as_posix()
    text, probs = read_text(path, rel)
    problems.extend(probs)
    if text is None:
        return None, None
    source = Source(path, rel, text.split("\n"))
    res = parse_yaml(text, source)
    problems.extend(res.problems)
    if res.data is None and res.problems:
        return None, source
    return res.data if res.data is not None else {}, source


def load_markdown_file(path: Path, root: Path, problems: list[Problem]) -> tuple[dict | None, str, Source] | None:
    """(front matter, body, source) or None when the file cannot be read at all; the front matter is
    None when it could not be parsed (the problems say why)."""
    rel = path.relative_to(root).as_posix()
    text, probs = read_text(path, rel)
    problems.extend(probs)
    if text is None:
        return None
    source = Source(path, rel, text.split("\n"))
    md = parse_markdown(text, source)
    problems.extend(md.problems)
    return md.meta, md.body, source


def load_story_body(md: Path, root: Path, problems: list[Problem]) -> tuple[str, Source | None]:
    """The body of an optional Markdown story (a worker's story.md, an association's <id>.md)."""
    if not md.is_file():
        return "", None
    loaded = load_markdown_file(md, root, problems)
    if loaded is None:
        return "", None
    _meta, body, source = loaded
    return body, source
