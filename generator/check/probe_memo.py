"""Remember media probe and decode results by content hash, so re-checking unchanged files is instant.

A full probe decodes every image (to catch truncated files, ~0.1 s for a phone photo) and every video
and sound file to its end (a 10 s 4K clip: seconds). Results are keyed by the file's SHA-256 (and its
name, which the messages quote), so a fresh clone, a `touch` or a rename back and forth costs one
hash, not one decode. The hash itself is remembered per path while (size, mtime) are unchanged, so a
warm check stats files and reads nothing. The memo lives in <root>/.cache/ beside the media cache and
is only a speed-up: delete it and nothing changes but time.
"""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

from ..media.cache import file_sha256
from ..media.errors import MediaError
from ..media.integrity import decode_to_end
from ..media.personal_metadata import PersonalMetadata, personal_metadata
from ..media.probe import AudioInfo, ImageInfo, VideoInfo, probe_audio, probe_image, probe_video

VERSION = 3   # 3: VideoInfo.hdr
_PROBES = {
    "image": (probe_image, ImageInfo),
    "video": (probe_video, VideoInfo),
    "audio": (probe_audio, AudioInfo),
    "video-complete": (lambda p: decode_to_end(p, "video"), None),   # returns None: "decodes to its end"
    "audio-complete": (lambda p: decode_to_end(p, "audio"), None),
    "metadata": (personal_metadata, PersonalMetadata),
}


class ProbeMemo:
    def __init__(self, root: Path):
        self.file = Path(root) / ".cache" / "probe-memo.json"
        self.hashes: dict[str, list] = {}    # path → [size, mtime_ns, sha256]
        self.results: dict[str, dict] = {}   # "kind:sha256:name" → {"ok": info} | {"err": [message, hint, incomplete]}
        self.dirty = False
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            if data.get("version") == VERSION:
                self.hashes, self.results = dict(data["hashes"]), dict(data["results"])
        except (OSError, ValueError, KeyError, AttributeError, TypeError):
            pass

    def probe(self, kind: str, path: Path):
        """The Info object (None for the "-complete" kinds), or raise MediaError — from the memo when
        a file with the same content and name was probed before."""
        fn, info_type = _PROBES[kind]
        sha = self._sha(path)
        if sha is None:   # missing or unreadable: the probe says so in its own words
            return fn(path)
        key = f"{kind}:{sha}:{Path(path).name}"
        hit = self.results.get(key)
        if hit is not None:
            if "err" in hit:
                raise MediaError(path, *hit["err"])
            return info_type(**hit["ok"]) if info_type else None
        try:
            info = fn(path)
        except MediaError as e:
            self.results[key] = {"err": [e.message, e.hint, e.incomplete]}
            self.dirty = True
            raise
        self.results[key] = {"ok": asdict(info) if info_type else {}}
        self.dirty = True
        return info

    def warm(self, jobs: list[tuple[str, Path]]) -> None:
        """Probe many files in parallel threads (hashing, Pillow and FFmpeg release the GIL)."""
        todo = [(k, p) for k, p in jobs if not self._known(k, p)]
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
        hashes = {p: h for p, h in self.hashes.items() if os.path.exists(p)}
        alive = {h[2] for h in hashes.values()}
        results = {k: v for k, v in self.results.items() if k.split(":", 2)[1] in alive}
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.file.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"version": VERSION, "hashes": hashes, "results": results},
                                      ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.file)
        except OSError:
            pass  # a read-only checkout still gets a correct (just slower) check

    def _sha(self, path: Path) -> str | None:
        """The file's SHA-256, re-read only when its size or mtime changed; None when it cannot be read."""
        key = str(path)
        try:
            st = os.stat(key)
            known = self.hashes.get(key)
            if known and known[0] == st.st_size and known[1] == st.st_mtime_ns:
                return known[2]
            sha = file_sha256(Path(key))
        except OSError:
            return None
        self.hashes[key] = [st.st_size, st.st_mtime_ns, sha]
        self.dirty = True
        return sha

    def _known(self, kind: str, path: Path) -> bool:
        try:
            st = os.stat(path)
        except OSError:
            return True   # nothing to warm: the probe reports the missing file
        known = self.hashes.get(str(path))
        fresh = known and known[0] == st.st_size and known[1] == st.st_mtime_ns
        return bool(fresh) and f"{kind}:{known[2]}:{Path(path).name}" in self.results
