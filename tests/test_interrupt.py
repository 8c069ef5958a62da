"""A build stopped half-way (Ctrl-C, SIGTERM, kill -9) leaves no process running and the old site as it
was; what a killed build left is removed by the next one.

Each build runs `fengcai build` in its own process on a demo corpus with an empty image cache, and is
stopped while its media worker processes are busy. Deadlines below only stop a hung test; nothing
asserts how fast anything is.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.safe_folders import Marker, read_marker, write_marker

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table in /proc")

REPO = Path(__file__).resolve().parents[1]
FENGCAI = [sys.executable, "-m", "generator.cli"]
HANG = 300   # seconds: only to end a test that would otherwise hang


def descendants(pid: int) -> dict[int, str]:
    """Every living process below `pid` → its command line."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != b"Z":
            children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = {}, [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found[child] = _cmdline(child)
            todo.append(child)
    return found


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def running(pids) -> list[int]:
    alive = []
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                if f.read().rsplit(b")", 1)[1].split()[0] != b"Z":
                    alive.append(pid)
        except OSError:
            pass
    return alive


def wait_until(condition, what: str):
    deadline = time.monotonic() + HANG
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"still waiting after {HANG} s: {what}")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("interrupt") / "corpus"
    subprocess.run([*FENGCAI, "demo", "--workers", "16", "--out", str(out), "--photo-size", "1200x1600",
                    "--jobs", "2"], check=True, cwd=REPO, capture_output=True, timeout=HANG)
    return out


@pytest.fixture
def old_site(tmp_path) -> Path:
    """The site a reader sees now: what an interrupted build must leave exactly as it is."""
    site = tmp_path / "www" / "site"
    (site / "workers").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>劳模风采录</title>昨天的网站", encoding="utf-8")
    (site / "workers" / "index.html").write_text("劳模名单", encoding="utf-8")
    write_marker(site, Marker("site", 1_700_000_000))
    return site


def start_build(corpus: Path, out: Path) -> subprocess.Popen:
    for cached in (corpus / ".cache").glob("*"):   # an empty image cache: the build has media work to do
        subprocess.run(["rm", "-rf", str(cached)], check=True)
    return subprocess.Popen([*FENGCAI, "build", "--root", str(corpus), "--out", str(out), "--no-booklets"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def media_workers_busy(build: subprocess.Popen) -> dict[int, str]:
    """Wait until worker processes run under the build; returns all its processes at that moment."""
    def workers():
        if build.poll() is not None:
            pytest.fail("the build ended before its media workers started:\n" + build.stderr.read())
        procs = descendants(build.pid)
        forked = [p for p, cmd in procs.items() if "multiprocessing.forkserver" in cmd]
        return procs if len(forked) >= 2 else None   # the fork server and at least one worker
    return wait_until(workers, "media worker processes")


def stop_and_collect(build: subprocess.Popen, send) -> tuple[int, str, dict[int, str]]:
    procs = media_workers_busy(build)
    try:
        send()
        _out, err = build.communicate(timeout=HANG)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
    return build.returncode, err, procs


@pytest.mark.parametrize("how", ["SIGTERM", "Ctrl-C"])
def test_an_interrupted_build_stops_its_workers_and_keeps_the_old_site(corpus, old_site, how):
    before = tree(old_site)
    build = start_build(corpus, old_site)
    if how == "SIGTERM":   # `kill PID`, a service manager, CI cancelling a job
        code, err, procs = stop_and_collect(build, lambda: os.kill(build.pid, signal.SIGTERM))
        assert code == 143
    else:                  # the terminal sends SIGINT to the whole foreground process group
        code, err, procs = stop_and_collect(build, lambda: os.killpg(build.pid, signal.SIGINT))
        assert code == 130
    assert "已中断" in err and "原来的网站" in err and "Traceback" not in err, err
    assert wait_until(lambda: not running(procs) or None, f"processes {running(procs)} to end")
    assert not running(procs)
    assert tree(old_site) == before
    assert sorted(os.listdir(old_site.parent)) == ["site"]      # the half-built copy was removed on the way out


def test_a_killed_build_leaves_no_workers_and_the_next_build_cleans_up(corpus, old_site):
    before = tree(old_site)
    build = start_build(corpus, old_site)
    code, _err, procs = stop_and_collect(build, lambda: os.kill(build.pid, signal.SIGKILL))
    assert code == -signal.SIGKILL
    # the workers notice their build is gone (a watchdog checks every second) and exit
    wait_until(lambda: not running(procs) or None, f"orphaned workers {running(procs)} to exit")
    assert tree(old_site) == before
    leftovers = [n for n in os.listdir(old_site.parent) if n != "site"]
    assert leftovers == [f".site.building-{build.pid}"]         # what kill -9 cannot clean up

    done = subprocess.run([*FENGCAI, "build", "--root", str(corpus), "--out", str(old_site), "--no-booklets"],
                          cwd=REPO, capture_output=True, text=True, timeout=HANG * 3)
    assert done.returncode == 0, done.stderr
    assert sorted(os.listdir(old_site.parent)) == ["site"]      # the next build removed it
    assert read_marker(old_site).kind == "site" and "劳模风采录" in (old_site / "index.html").read_text("utf-8")
