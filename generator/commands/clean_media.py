"""fengcai clean-media [--dry-run] [--root DIR]

Blanks where each photo, video and voice memo in content/ and workers/ was taken (and, for photos, whose
camera took it), in place and losslessly (media/personal_metadata.py): the site and booklets never publish
metadata, but the repository's own files are public whenever the repository is. Only files inside the
project's two content folders are touched, never through a symbolic link.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..media.personal_metadata import MEDIA_SUFFIXES, clean_in_place, personal_metadata
from ..project import NO_ROOT, find_root


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dry-run", action="store_true", help="只列出带有拍摄地点等信息的照片和视频，不修改")
    p.add_argument("--root", type=Path, default=None, metavar="文件夹", help="项目根目录（含 content/ 和 workers/），默认自动查找")


def media_files(root: Path) -> list[Path]:
    """Photo, video and sound files under content/ and workers/, none reached through a link."""
    out = []
    for top in (root / "content", root / "workers"):
        if not top.is_dir() or top.is_symlink():
            continue
        for p in sorted(top.rglob("*")):
            if p.suffix.lower() in MEDIA_SUFFIXES and p.is_file() and not _linked(p, root):
                out.append(p)
    return out


def _linked(path: Path, root: Path) -> bool:
    p = path
    while p != root:
        if p.is_symlink():
            return True
        p = p.parent
    return False


def run(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    if root is None:
        print(NO_ROOT, file=sys.stderr)
        return 2
    root = root.resolve()
    found = changed = 0
    files = media_files(root)
    for p in files:
        rel = p.relative_to(root).as_posix()
        try:
            if args.dry_run:
                if personal_metadata(p).personal:
                    found += 1
                    print(f"带有个人信息：{rel}")
            elif clean_in_place(p):
                changed += 1
                print(f"已清除：{rel}")
        except OSError as e:
            print(f"错误: 无法处理 {rel}（{e.strerror or e}） — 提示: 检查文件是否被其他程序占用、是否有写入权限", file=sys.stderr)
            return 1
    if args.dry_run:
        print(f"共 {len(files)} 个照片、视频和录音文件，其中 {found} 个带有拍摄地点、相机序列号或拍摄者等信息。"
              + ("去掉它们：fengcai clean-media" if found else ""))
    else:
        print(f"共 {len(files)} 个照片、视频和录音文件，清除了 {changed} 个里的拍摄地点、相机序列号和拍摄者等信息；"
              "画面、声音、方向和文件大小都没有改变。"
              + ("请提交这些改动。" if changed else ""))
    return 0
