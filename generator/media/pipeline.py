"""The media pipeline: page generators ask for images and files (cheap), then one `run()` makes them.

    pipeline = MediaPipeline(cache_dir)
    portrait = pipeline.image(worker.portrait.path, "portrait")     # plans; reads a header at most
    html = portrait.img_tag(alt=worker.portrait_alt, sizes="(min-width: 60em) 20em, 50vw")
    ...
    stats = pipeline.run(site_dir)    # encodes what the cache lacks, in parallel; links into site_dir
    pipeline.prune()                  # optional: drop cache files no recent build asked for

Requests are answered from the source's content hash and its header alone, so asking is cheap even
for 10,000 workers; a build where nothing changed does no image work at all.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
import time
from pathlib import Path

from .assets import AudioAsset, RunStats, VideoAsset
from .avjobs import AV_JOBS, AudioJob, VideoJob, run_in_order
from .avspecs import plan_audio, plan_video
from .cache import Manifest, SourceMemo, file_sha256, link_or_copy, prune
from .errors import MediaError
from .images import Output
from .imageset import ImageSet
from .jobs import IMAGE_JOBS, CopyJob, Job, PlaceholderJob, PosterJob, PrintJob, WebJob, is_done, job_files
from .placeholder import PLACEHOLDER_VERSION, background_for, mark_for
from .printsize import print_pixels_needed
from .probe import DEFAULT_MAX_PIXELS, AudioInfo, ImageInfo, VideoInfo, probe_audio, probe_image_header, probe_video
from .runner import run_jobs, usable_cpus
from .specs import CODE_VERSION, JPEG_PRINT, PORTRAIT_FOCUS_Y, PRINT_DPI, Spec, crop_box, derivative_widths, scaled_height, spec_for

IMG_DIR = "media/img"
VIDEO_DIR = "media/video"
AUDIO_DIR = "media/audio"
FILES_DIR = "media/files"
PRINT_DIR = "print"
LUT_DIR = "hdr-lut"    # tone-mapping LUTs for HDR video (~1 MB each): never published, not pruned
KEEP_RUNS = 3


class MediaPipeline:
    """Plans and makes media derivatives. `quiet=True` prints no lines: the caller reports `RunStats.failed`.

    `progress=True` still draws a bar on a terminal while a video or sound file is converted (minutes
    for a long 4K video: silence would look like a hang); it vanishes when done and never reaches logs.
    """

    def __init__(self, cache_dir: Path, quiet: bool = False, max_workers: int | None = None,
                 max_pixels: int = DEFAULT_MAX_PIXELS, progress: bool = True) -> None:
        self.cache_dir = Path(cache_dir).absolute()
        self.quiet = quiet
        self.progress = progress
        self.max_workers = max_workers or usable_cpus()
        self.max_pixels = max_pixels
        self._cache_prefix = f"{self.cache_dir}{os.sep}"
        self._memo = SourceMemo(self.cache_dir / "sources.json")
        self._answered: dict[tuple, ImageSet] = {}  # (path, purpose, mtime, size): a repeat costs one stat
        self._jobs: dict[str, Job] = {}          # by its first output's path: one job per derivative set
        self._published: set[str] = set()        # cache-relative paths to place in the site
        self._placed: dict[str, dict[str, int]] = {}  # out dir → {path: bytes} placed by an earlier run (a preview reruns)
        self._kept: set[str] = set()             # cache-relative paths not published but still wanted (print)

    # ---- requests (cheap) ---------------------------------------------------------------------

    def image(self, src: Path, purpose: str) -> ImageSet:
        """Plan the web derivatives of `src` for `purpose` ("portrait", "gallery", "cover", "thumb").

        Raises MediaError at once for what a header shows (missing, empty, not an image, SVG, too
        large); damage further in the file is found by `run()` and reported in `RunStats.failed`.
        """
        path, st = _stat(src)
        request = (path, purpose, st.st_mtime_ns, st.st_size) if st else None
        answered = self._answered.get(request)
        if answered is not None:
            return answered
        spec = spec_for(purpose)
        sha, info = self._image_source(path, st)
        box = crop_box(info.width, info.height, spec.aspect, spec.focus_y)
        outputs, fallback, imageset = self._plan_web(spec.key(sha), spec, box[2] - box[0], box[3] - box[1])
        self._add(WebJob(Path(path), box, outputs, fallback, not spec.flatten_alpha, self.max_pixels), publish=True)
        self._answered[request] = imageset
        return imageset

    def print_image(self, src: Path, width_mm: float, height_mm: float, dpi: int = PRINT_DPI,
                    jpeg: dict | None = None) -> Path:
        """Plan a `dpi` (300) sRGB JPEG (`jpeg` settings, else JPEG_PRINT) of `src` filling `width_mm` × `height_mm`;
        the file exists after `run()`.

        Cropped to the frame's shape ("cover"), a little above centre for upright frames (faces).
        Never upscaled: a photo too small for 300 dpi keeps its pixels (`fengcai check` warns about it).
        """
        path, st = _stat(src)
        sha, info = self._image_source(path, st)
        need = print_pixels_needed(width_mm, height_mm, dpi)
        focus = PORTRAIT_FOCUS_Y if height_mm > width_mm else 0.5
        box = crop_box(info.width, info.height, need, focus)
        box_w = box[2] - box[0]
        size = need if box_w >= need[0] else (box_w, scaled_height(box_w, *need))
        key = _digest(CODE_VERSION, sha, box, size, jpeg or JPEG_PRINT)
        output = Output(f"{self._cache_prefix}{PRINT_DIR}/{key}.jpg", *size)
        self._add(PrintJob(Path(path), box, output, self.max_pixels, tuple(sorted((jpeg or {}).items()))), publish=False)
        return output.path

    def placeholder(self, name: str, purpose: str = "portrait", surname: str = "") -> ImageSet:
        """A generated stand-in (the surname on a calm colour), deterministic per name."""
        spec = spec_for(purpose)
        mark, background = mark_for(name, surname), background_for(name)
        aspect = spec.aspect or (3, 4)
        top = max(spec.widths)
        key = spec.key(_digest("placeholder", PLACEHOLDER_VERSION, mark, background))
        outputs, fallback, imageset = self._plan_web(key, spec, top, scaled_height(top, *aspect))
        self._add(PlaceholderJob(Path(name or "placeholder"), mark, background, outputs, fallback), publish=True)
        return imageset

    def video(self, src: Path, poster: Path | None = None) -> VideoAsset:
        """The web MP4 of `src` (remuxed or transcoded, no metadata: see avspecs.py) and a poster
        (given, or taken from the converted video, so it matches what plays)."""
        path, st = _stat(src)
        info, sha = self._probed(path, st, "video", probe_video, VideoInfo)
        plan = plan_video(info.demuxer, info.video_codec, info.pix_fmt, info.audio_codec, info.width, info.height,
                          info.rotation, st.st_size, info.duration, info.hdr)
        key = plan.key(sha)
        url = f"{VIDEO_DIR}/{key}.mp4"
        web = self.cache_dir / url
        self._add(VideoJob(Path(path), web, plan, info.duration, self.cache_dir / LUT_DIR), publish=True)
        if poster is not None:
            poster_set = self.image(poster, "poster")
        else:
            spec = spec_for("poster")
            outputs, fallback, poster_set = self._plan_web(spec.key("frame:" + key), spec, plan.width, plan.height)
            self._add(PosterJob(web, info.duration, outputs, fallback), publish=True)
        return VideoAsset(url, poster_set, info)

    def audio(self, src: Path) -> AudioAsset:
        """The web M4A (AAC) or MP3 of `src`, remuxed or transcoded, with no metadata."""
        path, st = _stat(src)
        info, sha = self._probed(path, st, "audio", probe_audio, AudioInfo)
        plan = plan_audio(info.demuxer, info.codec)
        url = f"{AUDIO_DIR}/{plan.key(sha)}{plan.suffix}"
        self._add(AudioJob(Path(path), self.cache_dir / url, plan, info.duration), publish=True)
        return AudioAsset(url, info)

    def file(self, src: Path) -> str:
        """A hashed copy of any other file (WebVTT captions, PDFs); returns its URL."""
        path, st = _stat(src)
        if st is None or not os.path.isfile(path):
            raise MediaError(Path(path), f"找不到文件 {Path(path).name}", f"请检查文件名和路径：{path}")
        sha = self._memo.lookup(path, st).get("sha") or file_sha256(path)
        self._memo.remember(path, st, {"sha": sha})
        return self._copy(path, sha, FILES_DIR)

    # ---- work ---------------------------------------------------------------------------------

    def run(self, out_dir: Path) -> RunStats:
        """Make every planned file the cache lacks, then place all published files under `out_dir`."""
        started = time.perf_counter()
        stats = RunStats()
        pending = [job for job in self._jobs.values() if not is_done(job)]
        image_jobs = sum(isinstance(j, IMAGE_JOBS) for j in self._jobs.values())
        conversions = [j for j in pending if isinstance(j, AV_JOBS)]
        stats.encoded = sum(isinstance(j, IMAGE_JOBS) for j in pending)
        stats.cached = image_jobs - stats.encoded
        stats.converted = len(conversions)
        stats.copied = len(pending) - stats.encoded - stats.converted
        if pending:
            self._say(f"媒体：共 {len(self._jobs)} 项，{len(self._jobs) - len(pending)} 项已在缓存，"
                      f"需处理 {len(pending)} 项（其中音视频转换 {len(conversions)} 项）")
        # Conversions first: posters are taken from their results. A poster whose video failed is
        # left out (the video's own error is reported).
        stats.failed, stats.bytes_encoded = run_in_order(conversions, self.progress)
        rest = [j for j in pending if not isinstance(j, AV_JOBS)
                and not (isinstance(j, PosterJob) and not os.path.exists(j.src))]
        failed, written = run_jobs(rest, self.max_workers, self.quiet)
        stats.failed += failed
        stats.bytes_encoded += written
        if not self.quiet:
            for err in stats.failed:
                print(f"错误：{err}", file=sys.stderr)
        stats.files_out, stats.bytes_out = self._publish(Path(out_dir))
        self._manifest().record_run(self._published | self._kept)
        self._memo.save()
        stats.seconds = time.perf_counter() - started
        self._say(stats.summary())
        return stats

    def prune(self, keep_runs: int = KEEP_RUNS) -> tuple[int, int]:
        """Delete cache files that none of the last `keep_runs` runs asked for. Returns (files, bytes)."""
        removed, freed = prune(self.cache_dir, self._manifest(), keep_runs)
        if removed:
            self._say(f"清理缓存：删除 {removed} 个过期文件，释放 {freed / 1e6:.1f} MB")
        return removed, freed

    # ---- internals ----------------------------------------------------------------------------

    def _plan_web(self, key: str, spec: Spec, crop_w: int, crop_h: int
                  ) -> tuple[tuple[Output, ...], Output, ImageSet]:
        widths = derivative_widths(crop_w, spec.widths)
        rels = [(f"{IMG_DIR}/{key}-{w}.webp", w, scaled_height(w, crop_w, crop_h)) for w in widths]
        fallback_width = max([w for w in widths if w <= spec.fallback_width] or [widths[0]])
        fallback_rel = f"{IMG_DIR}/{key}-{fallback_width}.jpg"
        prefix = self._cache_prefix
        outputs = tuple(Output(prefix + rel, w, h) for rel, w, h in rels)
        fallback = Output(prefix + fallback_rel, fallback_width, scaled_height(fallback_width, crop_w, crop_h))
        imageset = ImageSet(sources=tuple((rel, w) for rel, w, _ in rels), width=rels[-1][1], height=rels[-1][2],
                            fallback=fallback_rel)
        return outputs, fallback, imageset

    def _add(self, job: Job, publish: bool) -> None:
        files = job_files(job)
        self._jobs.setdefault(files[0], job)
        start = len(self._cache_prefix)
        (self._published if publish else self._kept).update(f[start:] for f in files)

    def _copy(self, path: str, sha: str, folder: str) -> str:
        rel = f"{folder}/{sha[:16]}{os.path.splitext(path)[1].lower()}"
        self._add(CopyJob(Path(path), self.cache_dir / rel), publish=True)
        return rel

    def _image_source(self, path: str, st: os.stat_result | None) -> tuple[str, ImageInfo]:
        info, sha = self._probed(path, st, "image", lambda p: probe_image_header(p, self.max_pixels), ImageInfo)
        return sha, info

    def _probed(self, path: str, st: os.stat_result | None, field: str, probe, cls):
        """(probe info, content hash) of a source, from the memo when its mtime and size are unchanged."""
        known = self._memo.lookup(path, st) if st is not None else {}
        if field in known and "sha" in known:
            try:
                return cls(**known[field]), known["sha"]
            except TypeError:   # remembered by an older version with other fields: probe again
                pass
        info = probe(Path(path))   # raises MediaError for missing, empty, wrong or damaged files
        sha = known.get("sha") or file_sha256(path)
        self._memo.remember(path, st, {field: dataclasses.asdict(info), "sha": sha})
        return info, sha

    def _publish(self, out_dir: Path) -> tuple[int, int]:
        """Link every published file into `out_dir`; files this pipeline placed there before are skipped
        (cache files never change: their names carry the content hash)."""
        placed = self._placed.setdefault(str(out_dir), {})
        for rel in sorted(self._published.difference(placed)):
            cached = self.cache_dir / rel
            if cached.exists():   # missing only when its job failed, already reported
                link_or_copy(cached, out_dir / rel)
                placed[rel] = cached.stat().st_size
        return len(placed), sum(placed.values())

    def _manifest(self) -> Manifest:
        return Manifest(self.cache_dir / "manifest.json")

    def _say(self, line: str) -> None:
        if not self.quiet:
            print(line, flush=True)


def _stat(src) -> tuple[str, os.stat_result | None]:
    """Absolute path as a string (pathlib is too slow for 10,000 calls) and its stat, None if missing."""
    path = os.path.abspath(src)
    try:
        return path, os.stat(path)
    except OSError:
        return path, None


def _digest(*parts) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]
