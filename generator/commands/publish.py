"""fengcai publish --to DIR | --archive FILE.tar.gz: the built site, ready for any static host."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tarfile
import tempfile
from pathlib import Path

from ..project import find_root


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--to", type=Path, help="复制到这个目录（会整体替换目录里原有的网站）")
    p.add_argument("--archive", type=Path, help="打包成 .tar.gz 文件，上传到服务器后解压即可")
    p.add_argument("--site", type=Path, default=None, help="已生成的网站目录（默认 site/）")
    p.add_argument("--build", action="store_true", help="先重新生成网站再发布")
    p.add_argument("--root", type=Path, default=None, help="项目根目录，默认自动查找")


def run(args: argparse.Namespace) -> int:
    if not args.to and not args.archive:
        print("错误: 请用 --to 目录 或 --archive 文件.tar.gz 指定发布到哪里", file=sys.stderr)
        return 2
    root = find_root(args.root) or Path.cwd()
    site = (args.site or root / "site").resolve()
    if args.build:
        from . import build
        code = build.run(argparse.Namespace(root=root, out=site, no_booklets=False))
        if code:
            return code
    if not (site / "index.html").is_file():
        print(f"错误: {site} 里没有生成好的网站 — 提示: 先运行 fengcai build，或加 --build", file=sys.stderr)
        return 1
    if args.to:
        publish_to(site, args.to.resolve())
        print(f"已发布到 {args.to}")
    if args.archive:
        make_archive(site, args.archive.resolve())
        print(f"已打包为 {args.archive}（{args.archive.stat().st_size // 1024} KB）")
    return 0


def publish_to(site: Path, dest: Path) -> None:
    """Copy into a temporary sibling, then swap, so a half-copied site is never served."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}-", dir=dest.parent))
    try:
        shutil.copytree(site, tmp / "site")
        old = None
        if dest.exists():
            old = dest.with_name(f".{dest.name}-old-{os.getpid()}")
            os.replace(dest, old)
        os.replace(tmp / "site", dest)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def make_archive(site: Path, archive: Path) -> None:
    archive.parent.mkdir(parents=True, exist_ok=True)
    part = archive.with_name(archive.name + ".part")
    with tarfile.open(part, "w:gz") as tar:
        for path in sorted(site.rglob("*")):
            tar.add(path, arcname=path.relative_to(site).as_posix(), recursive=False)
    os.replace(part, archive)
