"""Build the website into a folder: MkDocs (with our plugin) into a temporary folder next to the output,
then swap it in only when everything succeeded. Used by `fengcai build` and by the tests.
The public model, the variant (kiosk, offline copy) and the media travel in the build's FengcaiPlugin."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..model.corpus import Model
from ..safe_folders import (MARKER_NAME, SITE_KINDS, Guard, Marker, check_file, check_folder, replacing_file,
                            replacing_folder)
from ..source_date import built_epoch, source_epoch
from .media import open_media
from .mkdocs_adapter import FengcaiPlugin, install
from .variants import SiteVariant

REPO_CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"
ZIP_COMMENT = b"fengcai offline copy"     # how `is_our_zip` recognises the offline zip
ZIP_EPOCH_MIN = 315532800                 # 1980-01-01: the earliest time a zip entry can carry
STORED = (".jpg", ".jpeg", ".webp", ".png", ".mp4", ".webm", ".mp3", ".m4a", ".pdf")   # already compressed


class SiteBuildError(Exception):
    """A build that failed; `str()` is a Chinese message ready to print."""


@dataclass
class BuildResult:
    out_dir: Path
    pages: int
    seconds: float


def config_file(root: Path) -> Path:
    """The project's own mkdocs.yml when it has one, else the one shipped with the generator."""
    own = Path(root) / "mkdocs.yml"
    return own if own.is_file() else REPO_CONFIG


def build_into(root: Path, public: Model, site_dir: Path, variant: SiteVariant = SiteVariant()) -> int:
    """Run MkDocs for `public` (the model generator.gate handed out) into `site_dir`. Returns the number of pages."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with _quiet_mkdocs():
        try:
            cfg = load_config(config_file=str(config_file(root)), site_dir=str(site_dir))
            install(cfg, FengcaiPlugin(root, public, variant, open_media(root)))
            cfg.plugins.on_startup(command="build", dirty=False)
            try:
                build(cfg)
            finally:
                cfg.plugins.on_shutdown()
        except MkDocsException as e:
            raise SiteBuildError(str(e)) from None
    return sum(1 for _ in Path(site_dir).rglob("index.html"))


def build_site_dir(root: Path, model: Model, out_dir: Path, extra=None, log=print,
                   variant: SiteVariant = SiteVariant()) -> BuildResult:
    """Build into a temporary folder next to `out_dir`, run `extra(tmp_dir)` (booklets), then swap it in.

    Refuses (RefusedTarget) an `out_dir` that is not a new, empty or earlier-built site folder; on any
    failure or interruption `out_dir` is untouched. Every date in the output is `source_epoch(model)`."""
    started = time.perf_counter()
    out_dir = check_site_out(out_dir, root)
    epoch = source_epoch(model)
    with replacing_folder(out_dir, Marker("site", epoch)) as tmp:
        with _env("SOURCE_DATE_EPOCH", str(epoch)):   # MkDocs reads it for the sitemap's dates
            pages = build_into(root, model, tmp, variant)
        if extra is not None:
            extra(tmp)
    return BuildResult(out_dir, pages, time.perf_counter() - started)


def check_site_out(out_dir: Path, root: Path) -> Path:
    """The resolved output folder, or RefusedTarget (the project itself, content/, a folder not ours…)."""
    return check_folder(out_dir, SITE_KINDS, Guard(project=root), "把网站生成到")


def check_zip_out(site_dir: Path, root: Path) -> Path:
    """The resolved path of the offline zip that `zip_site(site_dir)` will write, or RefusedTarget."""
    return check_file(zip_path(site_dir), is_our_zip, Guard(project=root), "把离线版打包为")


def zip_path(site_dir: Path) -> Path:
    site_dir = Path(site_dir)
    return site_dir.with_name(site_dir.name + ".zip")


def zip_site(site_dir: Path) -> Path:
    """site-offline/ → site-offline.zip next to it (one top folder inside), written to a temp name first.
    Sorted entries stamped with the build's date: the same site always gives the same bytes."""
    site_dir = Path(site_dir)
    target = zip_path(site_dir)
    stamp = time.gmtime(max(built_epoch(site_dir), ZIP_EPOCH_MIN))[:6]
    with replacing_file(target) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        z.comment = ZIP_COMMENT
        for path in sorted(site_dir.rglob("*")):
            if not path.is_file() or path.relative_to(site_dir).as_posix() == MARKER_NAME:
                continue
            info = zipfile.ZipInfo((Path(site_dir.name) / path.relative_to(site_dir)).as_posix(), stamp)
            info.external_attr = 0o644 << 16
            info.file_size = path.stat().st_size   # lets zipfile choose ZIP64 for very large videos
            info.compress_type = zipfile.ZIP_STORED if path.suffix.lower() in STORED else zipfile.ZIP_DEFLATED
            with open(path, "rb") as src, z.open(info, "w") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
    return target


def is_our_zip(path: Path) -> bool:
    """A zip `zip_site` wrote: our comment, or (before it had one) only `<site folder>/…` entries."""
    try:
        with zipfile.ZipFile(path) as z:
            if z.comment == ZIP_COMMENT:
                return True
            top = path.name[:-len(".zip")] + "/"
            names = z.namelist()
    except (OSError, zipfile.BadZipFile):
        return False
    return bool(names) and all(n.startswith(top) for n in names) and top + "index.html" in names


@contextlib.contextmanager
def _env(name: str, value: str):
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = before


@contextlib.contextmanager
def _quiet_mkdocs():
    """MkDocs' own INFO lines are English developer talk; keep only its warnings."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
