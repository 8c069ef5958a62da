"""Remember media probe results by (path, size, mtime), so re-checking 10,000 unchanged photos is instant.

A full probe decodes every image (to catch truncated files): ~0.1 s for a phone photo. The memo lives
in <root>/.cache/ beside the media cache and is only a speed-up: delete it and nothing changes but time.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

from ..media.errors import MediaError
from ..media.probe import AudioInfo, ImageInfo, VideoInfo, probe_audio, probe_image, probe_video

VERSION = 1
_PROBES = {"image": (probe_image, ImageInfo), "video": (probe_video, VideoInfo), "audio": (probe_audio, AudioInfo)}


class ProbeMemo:
    def __init__(self, root: Path):
        self.file = Path(root) / ".cache" / "probe-memo.json"
        self.entries: dict = {}
        self.dirty = False
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if data.get("version") == VERSION:
                self.entries = data["entries"]
        except (OSError, ValueError, KeyError, AttributeError):
            pass

    @staticmethod
    def _sig(path: Path) -> list | None:
        try:
            st = path.stat()
        except OSError:
            return None
        return [st.st_size, st.st_mtime_ns]

    def probe(self, kind: str, path: Path):
        """The Info object, or raise MediaError — from the memo when the file is unchanged."""
        fn, info_type = _PROBES[kind]
        key, sig = f"{kind}:{path}", self._sig(path)
        hit = self.entries.get(key)
        if sig is not None and hit and hit["sig"] == sig:
            if "err" in hit:
                raise MediaError(path, *hit["err"])
            return info_type(**hit["ok"])
        try:
            info = fn(path)
        except MediaError as e:
            self.entries[key] = {"sig": sig, "err": [e.message, e.hint]}
            self.dirty = True
            raise
        self.entries[key] = {"sig": sig, "ok": asdict(info)}
        self.dirty = True
        return info

    def warm(self, jobs: list[tuple[str, Path]]) -> None:
        """Probe the unchanged-or-not files in parallel threads (Pillow and FFmpeg release the GIL)."""
        todo = [(k, p) for k, p in jobs if (h := self.entries.get(f"{k}:{p}")) is None or h["sig"] != self._sig(p)]
        if len(todo) < 8:
            return
        def one(job):
            try:
                self.probe(*job)
            except MediaError:
                pass
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            list(pool.map(one, todo))

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.file.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"version": VERSION, "entries": self.entries}, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.file)
        except OSError:
            pass  # a read-only checkout still gets a correct (just slower) check
