"""Finding the fonts a booklet is set in: Noto CJK for the text, rarer Han fonts as fallbacks.

Body text is Song/serif (Noto Serif CJK SC), headings sans (Noto Sans CJK SC). Characters that Noto
lacks (CJK extensions B and beyond outside the 通用规范汉字表) fall back to BabelStone Han (Debian
`fonts-babelstone-han`, Chinese glyph forms, extensions A–H) and then HanaMin (`fonts-hanazono`).
A character that no font has is an error naming the person and the character (see checks.py), never tofu.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import BookletError

# (family names Typst knows the face by, file name prefixes to look for); first found wins per role
SERIF = (("Noto Serif CJK SC", "NotoSerifCJK"), ("Noto Serif SC", "NotoSerifSC"),
         ("Source Han Serif SC", "SourceHanSerif"))
SANS = (("Noto Sans CJK SC", "NotoSansCJK"), ("Noto Sans SC", "NotoSansSC"),
        ("Source Han Sans SC", "SourceHanSans"))
FALLBACKS = (("BabelStone Han", "BabelStoneHan"), ("HanaMinA", "HanaMinA"), ("HanaMinB", "HanaMinB"))

SYSTEM_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
               "/Library/Fonts", "~/Library/Fonts", "C:/Windows/Fonts")
FONT_SUFFIXES = {".ttf", ".otf", ".ttc", ".otc"}

INSTALL_HINT = ("安装思源/Noto 中文字体：Debian/Ubuntu 运行 sudo apt-get install fonts-noto-cjk"
                "（生僻字另装 fonts-babelstone-han）；或把 NotoSerifCJK、NotoSansCJK 字体文件放进一个 fonts/ 文件夹，"
                "在 content/site.yml 的 booklet.fonts_dir 里写上这个文件夹，或运行时加 --fonts 文件夹")


@dataclass(frozen=True)
class FontSet:
    serif: tuple[str, ...]       # family names for body text, fallbacks included
    sans: tuple[str, ...]        # family names for headings, fallbacks included
    dirs: tuple[Path, ...]       # folders Typst scans (only those holding the chosen files)
    files: tuple[Path, ...]      # every chosen font file (their union is what can be drawn)


def find_fonts(extra_dirs: list[Path] | tuple[Path, ...] = ()) -> FontSet:
    """The booklet's fonts from `extra_dirs` first, then the usual system folders.

    Raises BookletError (in Chinese, with install instructions) when no Noto/Source Han CJK face is found.
    """
    files = _font_files([Path(d) for d in extra_dirs] + [Path(os.path.expanduser(d)) for d in SYSTEM_DIRS])
    serif = _pick(SERIF, files)
    sans = _pick(SANS, files)
    if serif is None and sans is None:
        where = "、".join(str(d) for d in extra_dirs) or "系统字体目录"
        raise BookletError(f"找不到中文字体（在{where}里没有 Noto CJK 或思源字体），无法生成小册子", INSTALL_HINT)
    serif = serif or sans
    sans = sans or serif
    fallbacks = [fb for fb in (_pick((f,), files) for f in FALLBACKS) if fb is not None]
    chosen = [serif, sans, *fallbacks]
    paths: list[Path] = []
    for _family, fs in chosen:
        for f in fs:
            if f not in paths:
                paths.append(f)
    dirs: list[Path] = []
    for p in paths:
        if p.parent not in dirs:
            dirs.append(p.parent)
    fb_names = tuple(name for name, _ in fallbacks)
    return FontSet(serif=(serif[0], *fb_names), sans=(sans[0], serif[0], *fb_names),
                   dirs=tuple(dirs), files=tuple(paths))


def _font_files(dirs: list[Path]) -> list[Path]:
    out: list[Path] = []
    seen: set[Path] = set()
    for d in dirs:
        if not d.is_dir():
            continue
        for p in sorted(d.rglob("*")):
            if p.suffix.lower() in FONT_SUFFIXES and p.is_file():
                real = p.resolve()      # /usr/share/fonts has alternatives symlinks to the same files
                if real not in seen:
                    seen.add(real)
                    out.append(real)
    return out


def _pick(candidates, files: list[Path]):
    """(family, [files]) of the first candidate any file matches, or None."""
    for family, prefix in candidates:
        matched = [f for f in files if f.name.startswith(prefix) and "Mono" not in f.name]
        if matched:
            return family, _only_needed(matched)
    return None


def _only_needed(files: list[Path]) -> list[Path]:
    """Regular and Bold are enough; skip Thin/Light/Black/… variants to keep font scanning fast."""
    keep = [f for f in files if any(w in f.stem for w in ("Regular", "Bold")) and not any(
        w in f.stem for w in ("SemiBold", "ExtraBold"))]
    return keep or files
