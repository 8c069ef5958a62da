"""fengcai publish --to DIR | --archive FILE.tar.gz: the built site, ready for any static host.

`--to` replaces only a folder that does not exist, is empty, or that an earlier publish marked as its
own (generator/safe_folders.py); never the project, the site, the home folder or anything above them.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import sys
import tarfile
from pathlib import Path

from ..project import find_root
from ..safe_folders import (MARKER_NAME, SITE_KINDS, Guard, Marker, RefusedTarget, check_file, check_folder,
                            replacing_file, replacing_folder)
from ..source_date import built_epoch

ARCHIVE_NAME_IN_GZIP = "fengcai-site.tar"   # the gzip header's file name: how we recognise our archives


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--to", type=Path,
                   help="复制到这个目录（整体替换；只替换不存在的、空的或以前用 fengcai publish 发布过的目录）")
    p.add_argument("--archive", type=Path, help="打包成 .tar.gz 文件，上传到服务器后解压即可")
    p.add_argument("--site", type=Path, default=None, help="已生成的网站目录（默认 site/）")
    p.add_argument("--build", action="store_true", help="先重新生成网站再发布")
    p.add_argument("--root", type=Path, default=None, help="项目根目录，默认自动查找")


def run(args: argparse.Namespace) -> int:
    if not args.to and not args.archive:
        print("错误: 请用 --to 目录 或 --archive 文件.tar.gz 指定发布到哪里", file=sys.stderr)
        return 2
    project = find_root(args.root)
    site = (args.site or (project or Path.cwd()) / "site").resolve()
    try:   # every target is checked before anything is built or copied
        dest = check_folder(args.to, SITE_KINDS, Guard(project, site, outside_project=True),
                            "把网站发布到") if args.to else None
        archive = check_file(args.archive, is_our_archive, Guard(project, site),
                             "把网站打包为") if args.archive else None
    except RefusedTarget as e:
        print(f"错误: {e}", file=sys.stderr)
        return 2
    if args.build:
        from . import build
        code = build.run(argparse.Namespace(root=project or Path.cwd(), out=site, no_booklets=False))
        if code:
            return code
    if not (site / "index.html").is_file():
        print(f"错误: {site} 里没有生成好的网站 — 提示: 先运行 fengcai build，或加 --build", file=sys.stderr)
        return 1
    try:
        if dest is not None:
            publish_to(site, dest)
            print(f"已发布到 {dest}")
        if archive is not None:
            make_archive(site, archive)
            print(f"已打包为 {archive}（{archive.stat().st_size // 1024} KB）")
    except OSError as e:
        where = e.filename or dest or archive
        print(f"错误: 发布没有完成：{where}：{e.strerror or e} — 提示: 检查这个位置是否可写、磁盘是否已满；"
              "原来发布的内容保持不变", file=sys.stderr)
        return 1
    return 0


def publish_to(site: Path, dest: Path) -> None:
    """Copy into a temporary sibling, then swap, so a half-copied site is never served.
    `dest` must have passed `check_folder`."""
    with replacing_folder(dest, Marker("publish", built_epoch(site))) as tmp:
        shutil.copytree(site, tmp, dirs_exist_ok=True, ignore=_top_marker(site))


def make_archive(site: Path, archive: Path) -> None:
    """A .tar.gz of the site: sorted entries, one timestamp (the build's), no owner names — the same
    site always gives the same bytes. `archive` must have passed `check_file`."""
    epoch = built_epoch(site)
    with replacing_file(archive) as tmp, open(tmp, "wb") as raw, \
            gzip.GzipFile(filename=ARCHIVE_NAME_IN_GZIP, mode="wb", fileobj=raw, mtime=epoch) as gz, \
            tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in sorted(site.rglob("*")):
            rel = path.relative_to(site).as_posix()
            if rel == MARKER_NAME:
                continue
            info = tar.gettarinfo(str(path), arcname=rel)
            info.mtime, info.uid, info.gid, info.uname, info.gname = epoch, 0, 0, "", ""
            info.mode = 0o755 if info.isdir() else 0o644
            if info.isreg():
                with open(path, "rb") as f:
                    tar.addfile(info, f)
            else:
                tar.addfile(info)


def is_our_archive(path: Path) -> bool:
    """A .tar.gz that `make_archive` wrote (now, or before markers: then gzip named it `<archive>.part`)."""
    return _gzip_name(path) in (ARCHIVE_NAME_IN_GZIP, path.name + ".part")


def _gzip_name(path: Path) -> str | None:
    """The file name stored in a gzip header (RFC 1952 FNAME), or None."""
    try:
        with open(path, "rb") as f:
            head = f.read(10)
            if len(head) < 10 or head[:3] != b"\x1f\x8b\x08" or not head[3] & 0x08:
                return None
            if head[3] & 0x04:                      # FEXTRA comes first
                f.seek(int.from_bytes(f.read(2), "little"), 1)
            name = f.read(1024).split(b"\0", 1)[0]
    except OSError:
        return None
    return name.decode("latin-1")


def _top_marker(site: Path):
    def ignore(folder: str, names: list[str]) -> list[str]:
        return [MARKER_NAME] if Path(folder) == site and MARKER_NAME in names else []
    return ignore
