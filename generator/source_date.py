"""The one date a build stamps on what it makes, so that the same content always gives the same files.

Sitemap `lastmod`, the booklets' print date and PDF timestamps, and the times inside the offline zip
and the publish archive all come from here (https://reproducible-builds.org/specs/source-date-epoch/):

1. the `SOURCE_DATE_EPOCH` environment variable, when set (CI, distributions);
2. else the time of the last Git commit that changed content/ or workers/ (the same in every clone);
3. else the newest date in the content itself — a story's date or an honour's year — at noon UTC
   (noon, so that the calendar date is the same in UTC and in China).

Never the clock: two builds of the same content, today and next year, give identical files.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from .model.corpus import Model
from .safe_folders import read_marker

FALLBACK = dt.date(2000, 1, 1)   # content with no dates at all (no stories, no honours)


def source_epoch(model: Model) -> int:
    """Seconds since 1970 (UTC) to stamp on every output of `model`."""
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env.isdigit():
        return int(env)
    return _git_epoch(Path(model.root)) or _noon_utc(newest_content_date(model.public()))


def source_date(model: Model) -> dt.date:
    """The calendar day of `source_epoch` (UTC, as MkDocs and the booklets use it)."""
    return dt.datetime.fromtimestamp(source_epoch(model), dt.timezone.utc).date()


def newest_content_date(model: Model) -> dt.date:
    dates = [s.date for s in model.stories.values()]
    for item in (*model.workers.values(), *model.collectives.values(), *model.studios.values()):
        dates += [dt.date(h.year, 1, 1) for h in getattr(item, "honors", ()) or () if 1 <= h.year <= 9999]
    return max(dates, default=FALLBACK)


def _noon_utc(day: dt.date) -> int:
    return int(dt.datetime.combine(day, dt.time(12), dt.timezone.utc).timestamp())


def _git_epoch(root: Path) -> int | None:
    """Commit time of the newest commit touching the content, or None outside Git (or with no such commit)."""
    folders = [name for name in ("content", "workers") if (root / name).is_dir()]
    if not folders:
        return None
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct", "--", *folders],
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    text = out.stdout.strip()
    return int(text) if out.returncode == 0 and text.isdigit() else None


def built_epoch(folder: Path) -> int:
    """The epoch a built site was stamped with (its marker); for a site built before markers existed,
    SOURCE_DATE_EPOCH or else the newest file time in it."""
    marker = read_marker(folder)
    if marker is not None and marker.source_date_epoch is not None:
        return marker.source_date_epoch
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env.isdigit():
        return int(env)
    return max((int(p.stat().st_mtime) for p in Path(folder).rglob("*") if p.is_file()), default=_noon_utc(FALLBACK))
