"""Helpers shared by the benchmarks: synthetic photos that compress like real ones, and timing."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter


def make_photo(path: Path, width: int, height: int, seed: int, quality: int = 92) -> None:
    """A JPEG that behaves like a phone photo under compression.

    Soft shapes over gradients give large smooth areas and edges (the "scene"); sensor-like noise gives
    the fine texture that makes real 12 MP photos weigh 3–6 MB. Pure noise or flat colour would make
    every encoder look either terrible or brilliant.
    """
    rng = random.Random(seed)
    # Build the scene at 1/4 size and upscale: cheap, and upscaling softens it like a lens does.
    sw, sh = max(1, width // 4), max(1, height // 4)
    channels = [Image.linear_gradient("L").rotate(rng.uniform(0, 360)).resize((sw, sh)) for _ in range(3)]
    scene = Image.merge("RGB", channels)
    scene = Image.blend(scene, Image.new("RGB", (sw, sh), _colour(rng)), 0.5)
    draw = ImageDraw.Draw(scene)
    for _ in range(rng.randint(12, 30)):
        x, y = rng.randrange(sw), rng.randrange(sh)
        r = rng.randint(sw // 40 + 1, sw // 6 + 2)
        shape = draw.ellipse if rng.random() < 0.6 else draw.rectangle
        shape([x - r, y - r // 2, x + r, y + r], fill=_colour(rng))
    # Texture at several scales (foliage, fabric, walls): the detail that survives downscaling to web sizes.
    for div, strength in ((64, 0.25), (16, 0.2), (4, 0.15)):
        texture = Image.effect_noise((max(1, sw * 4 // div), max(1, sh * 4 // div)), 60).resize((sw, sh), Image.BICUBIC)
        scene = Image.blend(scene, ImageChops.overlay(scene, texture.convert("RGB")), strength * 1.3)
    scene = scene.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.2))).resize((width, height), Image.BICUBIC)
    noise = Image.effect_noise((width, height), rng.uniform(14, 24)).convert("RGB")
    photo = ImageChops.add(ImageChops.multiply(scene, Image.new("RGB", (width, height), (232,) * 3)),
                           noise, scale=1.0, offset=-100)
    photo = Image.blend(scene, photo, 0.55)
    photo.save(path, "JPEG", quality=quality)


def _colour(rng: random.Random) -> tuple[int, int, int]:
    return rng.randrange(256), rng.randrange(256), rng.randrange(256)


def parse_size(text: str) -> tuple[int, int]:
    w, _, h = text.lower().partition("x")
    return int(w), int(h)


def log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def human_bytes(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if abs(n) < 1024 or unit == "GB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{n:.0f} B"
        n /= 1024
    return f"{n:.1f} GB"


class TreeMonitor:
    """Peak memory and CPU time of this process and all its descendants, sampled from /proc.

    `resource.getrusage(RUSAGE_CHILDREN)` only sees children this process waited for; pool workers
    started by a forkserver are the forkserver's children, so it misses them. Sampling the process
    tree sees everything (at `interval` resolution), gives the peak of the sum, and CPU seconds,
    which, unlike wall time, hardly change when other programs compete for the cores.
    """

    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.peak_total = 0      # bytes, the largest sum over the tree at one moment
        self.peak_single = 0     # bytes, the largest single process
        self._cpu_start: dict[int, int] = {}
        self._cpu_last: dict[int, int] = {}
        self._stop = None
        self._thread = None

    @property
    def cpu_seconds(self) -> float:
        import os
        ticks = sum(t - self._cpu_start.get(pid, 0) for pid, t in self._cpu_last.items())
        return ticks / os.sysconf("SC_CLK_TCK")

    def __enter__(self) -> "TreeMonitor":
        import os
        import threading
        self._cpu_start = {pid: _cpu_ticks(pid) for pid in _descendants(os.getpid())}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def _sample(self) -> None:
        import os
        pids = _descendants(os.getpid())
        rss = [_rss(pid) for pid in pids]
        self.peak_total = max(self.peak_total, sum(rss))
        self.peak_single = max([self.peak_single, *rss])
        for pid in pids:
            self._cpu_last[pid] = max(self._cpu_last.get(pid, 0), _cpu_ticks(pid))


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [root], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _cpu_ticks(pid: int) -> int:
    """utime + stime of one process, in clock ticks."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0
