"""Measured heights of the parts of worker profiles, remembered by content between builds.

A profile page is planned from the heights of its parts (story, facts, quote, honours, QR panel,
gallery; see theme/booklet/profile.typ). Measuring them is a second layout of every profile: about
as long as setting the pages themselves. So they are measured once, by the template itself in its
"measure" mode (same code, same styles: the very numbers the page would measure, not an estimate),
read back with a Typst query, and kept in `.cache/booklet-heights.json` under a key of everything
they depend on: the entry's text, the kicker above it, the paper, the fonts (files, sizes, dates),
the template's source and the Typst version. A booklet built again is laid out without measuring
anything it has measured before; a new or edited profile is measured, alone.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

import typst

from .errors import BookletError
from .fonts import FontSet
from .render import THEME, _typst_fonts, _where

KEEP = 50_000           # remembered entries at most (the ones used by the latest build come first)
PHOTO_KEYS = ("portrait", "photo", "heights")   # photo numbers change every build


class Heights:
    def __init__(self, cache_file: Path, fonts: FontSet, template: Path = THEME) -> None:
        self.file = Path(cache_file)
        self.fonts = fonts
        self.template = template
        self._salt = _salt(fonts, template)
        self._known: dict[str, dict] = _load(self.file)
        self._used: dict[str, dict] = {}
        self.measured = 0

    def fill(self, doc: dict) -> None:
        """Put `heights` into every worker entry of `doc`: remembered, else measured now (one query)."""
        missing = {}
        for e, key in self._entries(doc):
            known = self._used.get(key) or self._known.get(key)
            if _valid(known):
                e["heights"] = known
                self._used[key] = known
            else:
                missing[e["id"]] = (e, key)
        if not missing:
            return
        for found in self._measure(doc):
            e, key = missing.pop(found["id"])
            e["heights"] = self._used[key] = found["heights"]
            self.measured += 1
        if missing:
            raise BookletError(f"排版程序没有量出这些条目的高度：{'、'.join(missing)}", "这是程序的问题，请把这段信息发给技术人员")

    def save(self) -> None:
        if not self._used:
            return
        kept = dict(self._used)
        for key, value in self._known.items():
            if len(kept) >= KEEP:
                break
            kept.setdefault(key, value)
        self.file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.file.with_name(f".{self.file.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(kept, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, self.file)

    def _entries(self, doc: dict):
        paper = {k: v for k, v in doc["paper"].items() if k not in ("bleed_mm", "press")}   # heights ignore the bleed
        common = json.dumps([self._salt, paper, doc["fonts"], doc["frames"]], ensure_ascii=False, sort_keys=True)
        for s in doc["sections"]:
            if s["kind"] != "workers":
                continue
            for i, e in enumerate(s["entries"]):
                kicker = s["title"] if not s["divider"] and i == 0 else None
                e.pop("heights", None)
                text = {k: v for k, v in e.items() if k not in PHOTO_KEYS}
                text["gallery"] = [{k: v for k, v in g.items() if k != "image"} for g in e.get("gallery", [])]
                if e.get("qr"):
                    text["qr"] = {"n": e["qr"]["n"], "url": e["url"]}      # its number changes every build
                blob = json.dumps([common, kicker, text], ensure_ascii=False, sort_keys=True)
                yield e, hashlib.sha256(blob.encode()).hexdigest()[:32]

    def _measure(self, doc: dict) -> list[dict]:
        try:
            out = typst.query(str(self.template), "<heights>", field="value", format="json", root="/",
                              font_paths=_typst_fonts(tuple(self.fonts.dirs)),
                              sys_inputs={"data": json.dumps(doc, ensure_ascii=False), "mode": "measure"})
        except typst.TypstError as e:
            raise BookletError(f"排版程序出错：{e.message}",
                               "这通常是模板的问题而不是内容的问题，请把这段信息发给技术人员" + _where(e)) from None
        return json.loads(out)


def _salt(fonts: FontSet, template: Path) -> str:
    """Everything besides the document that decides a measured height."""
    h = hashlib.sha256()
    for f in sorted(Path(template).parent.glob("*.typ")):
        h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    for f in fonts.files:
        st = Path(f).stat()
        h.update(f"{f}|{st.st_size}|{st.st_mtime_ns}\0".encode())
    h.update(("|".join(fonts.serif) + "/" + "|".join(fonts.sans)).encode())
    h.update(metadata.version("typst").encode())
    return h.hexdigest()


def _valid(heights) -> bool:
    """A remembered entry as the template wrote it: names → numbers (a damaged file is measured again)."""
    return (isinstance(heights, dict) and bool(heights)
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in heights.values()))


def _load(path: Path) -> dict[str, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
