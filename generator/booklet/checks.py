"""Before compiling: can every character be drawn? Typst would silently print tofu boxes instead."""

from __future__ import annotations

from .errors import BookletError
from .fonts import FontSet
from .glyphs import Coverage, font_coverage, missing_characters

# keys of the document that hold file paths, markup or addresses rather than text a reader sees
NOT_TEXT = {"portrait", "photo", "image", "qr", "url", "id", "kind", "fonts", "paper"}


def check_characters(doc: dict, fonts: FontSet) -> None:
    """Raise BookletError listing, per person or part, every character no font has."""
    coverage = Coverage([]).union(*(font_coverage(f) for f in fonts.files))
    found: list[str] = []
    for label, part in _parts(doc):
        missing = missing_characters("".join(_texts(part)), coverage)
        if missing:
            chars = "、".join(f"「{c}」(U+{ord(c):04X})" for c in missing)
            found.append(f"{label}：{chars}")
    if found:
        raise BookletError(
            "这些字在已安装的字体里都没有，印出来会是方框：" + "；".join(found),
            "生僻字请安装 fonts-babelstone-han（sudo apt-get install fonts-babelstone-han）或把含这些字的字体放进 fonts/ 文件夹"
            "（site.yml 的 booklet.fonts_dir 或 --fonts）；表情符号等特殊符号请从文字里删去")


def _parts(doc: dict):
    """(who, data) pairs: each entry named by its person/group, then the booklet's own texts."""
    rest = {k: v for k, v in doc.items() if k != "sections"}
    yield "封面、简介和封底", rest
    for s in doc.get("sections", []):
        for e in s["entries"]:
            yield f"{s['title']}「{e.get('name', '')}」（{e.get('id', '')}）", e


def _texts(value, key: str = ""):
    if key in NOT_TEXT:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _texts(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v)
