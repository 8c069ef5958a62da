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
from .media import open_media
from .mkdocs_adapter import FengcaiPlugin, install
from .variants import SiteVariant

REPO_CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"


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
    """Build into <out>.building, run `extra(tmp_dir)` (booklets), then replace `out_dir` atomically-ish."""
    started = time.perf_counter()
    out_dir = Path(out_dir).resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_dir.with_name(f".{out_dir.name}.building-{os.getpid()}")
    old = out_dir.with_name(f".{out_dir.name}.old-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        pages = build_into(root, model, tmp, variant)
        if extra is not None:
            extra(tmp)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if out_dir.exists():
        os.replace(out_dir, old)
    os.replace(tmp, out_dir)
    shutil.rmtree(old, ignore_errors=True)
    return BuildResult(out_dir, pages, time.perf_counter() - started)


def zip_site(site_dir: Path) -> Path:
    """site-offline/ → site-offline.zip next to it (one top folder inside), written to a temp name first."""
    site_dir = Path(site_dir)
    target = site_dir.with_name(site_dir.name + ".zip")
    tmp = target.with_name(f".{target.name}.building-{os.getpid()}")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                arc = Path(site_dir.name) / path.relative_to(site_dir)
                stored = path.suffix.lower() in (".jpg", ".jpeg", ".webp", ".png", ".mp4", ".webm", ".mp3", ".m4a", ".pdf")
                z.write(path, arc.as_posix(), compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)
    os.replace(tmp, target)
    return target


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
