"""Typst compile of theme/booklet/booklet.typ with the booklet document passed as data.

The document is JSON in `sys.inputs.data` (typst-py's sys_inputs values are strings); the template
reads it with `json(bytes(sys.inputs.data))`. Photos are absolute paths, so the Typst root is the
file-system root. Only the booklet's own font folders are scanned (system fonts ignored), so every
machine sets the booklet in the same faces.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

import typst

from .errors import BookletError
from .fonts import INSTALL_HINT, FontSet

THEME = Path(__file__).resolve().parents[2] / "theme" / "booklet" / "booklet.typ"


@lru_cache(maxsize=4)
def _typst_fonts(dirs: tuple[Path, ...]) -> "typst.Fonts":
    """Scanning font folders costs ~0.1 s; do it once per process."""
    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=False,
                       font_paths=[str(d) for d in dirs])


def verified(fonts: FontSet) -> FontSet:
    """`fonts` with only the families Typst actually finds in their folders (a guessed name would warn)."""
    known = {f.lower() for f in _typst_fonts(tuple(fonts.dirs)).families()}
    serif = tuple(f for f in fonts.serif if f.lower() in known)
    sans = tuple(f for f in fonts.sans if f.lower() in known)
    if not serif or not sans:
        raise BookletError(f"字体文件找到了，但排版程序认不出其中的中文字体（{'、'.join(fonts.serif[:1] + fonts.sans[:1])}）",
                           INSTALL_HINT)
    return dataclasses.replace(fonts, serif=serif, sans=sans)


def compile_pdf(doc: dict, fonts: FontSet, when: dt.datetime | None = None,
                template: Path = THEME) -> bytes:
    """The PDF bytes of `doc`; BookletError for any Typst error or warning (a warning means a wrong page)."""
    data = json.dumps(doc, ensure_ascii=False)
    stamp = when or dt.datetime.now(dt.timezone.utc)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.timezone.utc)
    stamp = stamp.replace(microsecond=0)        # Typst refuses sub-second timestamps
    try:
        pdf, warnings = typst.compile_with_warnings(
            str(template), root="/", font_paths=_typst_fonts(tuple(fonts.dirs)),
            sys_inputs={"data": data}, timestamp=stamp, pdf_tags=False)
    except typst.TypstError as e:
        raise BookletError(f"排版程序出错：{e.message}",
                           "这通常是模板的问题而不是内容的问题，请把这段信息发给技术人员" + _where(e)) from None
    except RuntimeError as e:       # older bindings raise a plain RuntimeError
        raise BookletError(f"排版程序出错：{e}", "请把这段信息发给技术人员") from None
    if warnings:
        w = warnings[0]
        raise BookletError(f"排版时出现警告：{w.message}", "请把这段信息发给技术人员" + _where(w))
    return pdf


def _where(e) -> str:
    diag = getattr(e, "diagnostic", "") or ""
    first = diag.strip().splitlines()[:3]
    return ("（" + " ".join(s.strip() for s in first) + "）") if first else ""
