"""fengcai build [--root DIR] [--out DIR] [--no-booklets] [--kiosk [--kiosk-idle-minutes N]] [--offline]:
check, then build the website (and booklets) — or its exhibition-kiosk copy, or its offline copy (+ zip)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..gate import ContentRefused, open_public
from ..project import NO_ROOT, find_root
from ..safe_folders import RefusedTarget
from ..site.site_build import SiteBuildError, build_site_dir, check_site_out, check_zip_out, zip_site
from ..site.variants import DEFAULT_IDLE_MINUTES, SiteVariant


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--root", type=Path, default=None, help="项目根目录（含 content/ 和 workers/），默认自动查找")
    p.add_argument("--out", type=Path, default=None,
                   help="网站输出文件夹（默认 site/；展厅版 site-kiosk/，离线版 site-offline/）")
    p.add_argument("--no-booklets", action="store_true", help="只生成网站，不生成 PDF 小册子")
    p.add_argument("--kiosk", action="store_true",
                   help="展厅触摸屏版：触摸启动页、无人操作时自动回到启动页、不含外部链接和打印按钮")
    p.add_argument("--kiosk-idle-minutes", type=_positive, default=DEFAULT_IDLE_MINUTES, metavar="N",
                   help=f"展厅版无人操作多少分钟后回到启动页（默认 {DEFAULT_IDLE_MINUTES:g}，可以是小数）")
    p.add_argument("--kiosk-idle-seconds", type=_positive, default=None, help=argparse.SUPPRESS)  # for tests
    p.add_argument("--offline", action="store_true",
                   help="离线版：可以直接从 U 盘打开（file://），自带搜索，另外打包成 .zip")


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是数字") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("必须大于 0")
    return value


def variant_of(args: argparse.Namespace) -> SiteVariant:
    """The options above as a SiteVariant (other commands may call run() with only root/out/no_booklets)."""
    minutes = getattr(args, "kiosk_idle_minutes", DEFAULT_IDLE_MINUTES)
    seconds = getattr(args, "kiosk_idle_seconds", None) or minutes * 60
    return SiteVariant(kiosk=getattr(args, "kiosk", False), kiosk_idle_seconds=seconds,
                       offline=getattr(args, "offline", False))


def default_out(variant: SiteVariant) -> Path:
    return Path("site" + ("-kiosk" if variant.kiosk else "") + ("-offline" if variant.offline else ""))


def run(args: argparse.Namespace) -> int:
    root = find_root(args.root)
    if root is None:
        print(NO_ROOT, file=sys.stderr)
        return 2
    variant = variant_of(args)
    out = args.out or default_out(variant)
    out = out if out.is_absolute() else Path.cwd() / out
    try:   # before any work: a refused output folder costs nothing and nothing changes
        out = check_site_out(out, root)
        if variant.offline:
            check_zip_out(out, root)
    except RefusedTarget as e:
        print(f"错误: {e}", file=sys.stderr)
        return 2
    print("第 1 步：检查内容…", flush=True)
    try:
        publication = open_public(root)
    except ContentRefused as e:
        print(e.text(color=_color()), file=sys.stderr)
        print("内容有错误，网站没有生成，原来的网站保持不变。", file=sys.stderr)
        return 1
    if publication.report.problems:   # warnings only
        print(publication.report.format_text(color=_color()))
    public = publication.public
    print("第 2 步：生成" + _variant_label(variant) + "和搜索索引…", flush=True)
    extra = None if args.no_booklets else (lambda site_dir: _booklets(public, site_dir))
    try:
        result = build_site_dir(root, public, out, extra, variant=variant)
    except RefusedTarget as e:
        print(f"错误: {e}", file=sys.stderr)
        return 2
    except SiteBuildError as e:
        print(f"错误: {e}", file=sys.stderr)
        print("网站没有生成，原来的网站保持不变。", file=sys.stderr)
        return 1
    except OSError as e:   # the output's folder is not writable, the disk is full…
        print(f"错误: 无法写入 {e.filename or out}：{e.strerror or e} — 提示: 检查文件夹权限和磁盘空间", file=sys.stderr)
        print("网站没有生成，原来的网站保持不变。", file=sys.stderr)
        return 1
    except _BookletFailed as e:
        print(f"错误: 小册子生成失败：{e}", file=sys.stderr)
        print("网站没有更新，原来的网站保持不变。可以先用 --no-booklets 只生成网站。", file=sys.stderr)
        return 1
    print(f"完成：{result.pages} 个页面，用时 {result.seconds:.1f} 秒，输出到 {result.out_dir}")
    if variant.kiosk:
        print(f"展厅版：无人操作 {_duration(variant.kiosk_idle_seconds)}后回到启动页。")
    if variant.offline:
        archive = zip_site(result.out_dir)
        print(f"离线版：双击 {result.out_dir.name}/index.html 即可打开；压缩包 {archive}")
    return 0


def _duration(seconds: float) -> str:
    return f"{seconds / 60:g} 分钟" if seconds >= 60 else f"{seconds:g} 秒"


def _variant_label(variant: SiteVariant) -> str:
    if variant.kiosk and variant.offline:
        return "展厅离线版网站"
    return "展厅版网站" if variant.kiosk else "离线版网站" if variant.offline else "网站"


class _BookletFailed(Exception):
    pass


def _color() -> bool:
    return sys.stderr.isatty() and not os.environ.get("NO_COLOR")


def _booklets(public, site_dir: Path) -> None:
    from ..booklet.build import booklet_dir, build_booklets  # imported here: `--no-booklets` builds need not load Typst
    from ..safe_folders import Guard, check_writable_place
    print("第 3 步：生成 PDF 小册子…", flush=True)
    try:   # booklets are print products, not part of the website: <project>/booklets/, as `fengcai booklet`
        out = check_writable_place(booklet_dir(public.root), Guard(project=public.root), "把小册子保存到")
        paths = build_booklets(public, out, None)
    except Exception as e:  # BookletError carries a Chinese message; anything else is reported the same way
        raise _BookletFailed(str(e)) from None
    print(f"小册子：{len(paths)} 本，保存在 {booklet_dir(public.root)}")
