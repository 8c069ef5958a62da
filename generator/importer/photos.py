"""Portraits from a folder (`--photos DIR`): matched by a 照片 column, by name, or by the register's number.

    孙梅金.jpg, 孙 梅金.JPG, 孙梅金-长兴.jpg  → by name (one person of that name in the register)
    17.jpg, 017.heic, 17-孙梅金.jpg          → by 编号 or 序号
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ImportStop
from .items import Item
from ..media.photo_metadata import PHOTO_SUFFIXES, without_location
from .values import HAN, norm_key



@dataclass
class PhotoFolder:
    folder: Path
    files: list[Path] = field(default_factory=list)
    used: dict[Path, str] = field(default_factory=dict)   # file → who got it

    @classmethod
    def open(cls, folder: Path) -> "PhotoFolder":
        if not folder.is_dir():
            raise ImportStop(f"照片文件夹「{folder}」不存在", "--photos 后面写放照片的文件夹，例如 --photos 照片")
        files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in PHOTO_SUFFIXES
                       and not p.name.startswith((".", "~$")))
        return cls(folder, files)

    def match(self, item: Item, same_name_count: int) -> tuple[Path | None, str]:
        """(photo, how) — or (None, why not) when there is none or it is ambiguous."""
        if item.photo_name:
            wanted = norm_key(Path(item.photo_name).stem)
            hits = [p for p in self.files if norm_key(p.stem) == wanted or p.name == item.photo_name]
            if hits:
                return hits[0], "按照片列"
        numbers = [n for n in (item.id_value, item.seq_value) if n]
        by_number = [p for p in self.files if any(_number_matches(p.stem, n) for n in numbers)]
        by_name = [p for p in self.files if _name_matches(p.stem, item.name)]
        both = [p for p in by_number if p in by_name]
        if both:
            return both[0], "按编号和姓名"
        if by_name and same_name_count == 1:
            if len(by_name) > 1:
                return by_name[0], f"按姓名（找到 {len(by_name)} 张，用了 {by_name[0].name}）"
            return by_name[0], "按姓名"
        if by_number and not by_name:
            stray = [p for p in by_number if re.search(f"[{HAN}]", p.stem) and not _name_matches(p.stem, item.name)]
            if not stray:
                return by_number[0], "按编号"
        if by_name:
            return None, f"表格里有 {same_name_count} 个「{item.name}」，照片「{by_name[0].name}」对不上是哪一位（文件名前加上编号即可）"
        return None, ""


def _number_matches(stem: str, number: str) -> bool:
    m = re.match(r"^0*(\d+)(?![\d])", stem.strip())
    n = re.fullmatch(r"0*(\d+)", number.strip())
    if m and n:
        return m.group(1) == n.group(1)
    return norm_key(stem) == norm_key(number) or norm_key(stem).startswith(norm_key(number) + "-")


def _name_matches(stem: str, name: str) -> bool:
    s = re.sub(r"^[\d\s._\-]+", "", norm_key(stem).replace("_", "-"))
    n = norm_key(name)
    if not n or not s.startswith(n):
        return False
    rest = s[len(n):]
    return not rest or not re.match(f"[{HAN}]", rest)     # 孙梅金.jpg, 孙梅金-1.jpg, not 孙梅金华.jpg


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:12]


def cleaned_photo(photo: Path) -> bytes:
    """What import writes for `photo`: its bytes with the location and camera metadata blanked (photo_metadata)."""
    return without_location(photo.read_bytes(), photo.suffix)


def cleaned_digest(photo: Path) -> str:
    return hashlib.sha256(cleaned_photo(photo)).hexdigest()[:12]


def portrait_name(photo: Path) -> str:
    suffix = photo.suffix.lower()
    return "portrait" + (".jpg" if suffix == ".jpeg" else ".tif" if suffix == ".tiff" else suffix)
