"""Where a value came from, so every later step can point an editor at the exact spot."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Loc:
    """A position in a content file: 1-based line and column, file relative to the project root."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.col or 1}"
        return self.file


@dataclass
class Source:
    """One content file: its text lines and the position of every key and value in it.

    `positions` maps a key path such as ("honors", 0, "title") to the value's Loc;
    ("honors", 0, "title", "@key") to where the key itself is written.
    """

    path: Path
    rel: str
    lines: list[str] = field(default_factory=list)
    positions: dict[tuple, Loc] = field(default_factory=dict)
    line_offset: int = 0  # for YAML front matter inside a Markdown file

    def loc(self, *path) -> Loc:
        """The Loc of `path`, or of its nearest ancestor that has one."""
        p = tuple(path)
        while p:
            if p in self.positions:
                return self.positions[p]
            p = p[:-1]
        return self.positions.get((), Loc(self.rel, 1, 1))

    def key_loc(self, *path) -> Loc:
        return self.positions.get(tuple(path) + ("@key",)) or self.loc(*path)

    def line_text(self, line: int) -> str:
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1]
        return ""
