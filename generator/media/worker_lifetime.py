"""Worker processes that never outlive the command that started them.

- Ctrl-C reaches the whole process group: workers ignore it and the parent stops them (`stop_now`),
  instead of each worker printing its own traceback and the pool finishing every queued job.
- The parent killed outright (kill -9, the OOM killer): a watchdog thread checks each second that
  the process that started the pool is still there (the workers' own parent, the fork server, is
  kept alive by the workers themselves, so it cannot be the signal); on Linux the kernel also kills a
  worker whose direct parent dies (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing.forkserver
import os
import signal
import sys
import threading
import time

from .. import pids

_PR_SET_PDEATHSIG = 1
WATCH_INTERVAL = 1.0   # seconds


def start_worker(owner_pid: int) -> None:
    """Pool initializer: `owner_pid` is the process that created the pool."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    _die_with_parent()
    if not _still_there(owner_pid, parent):   # it died before we asked to die with it
        os._exit(1)
    threading.Thread(target=_watch, args=(owner_pid, parent), name="fengcai-watchdog", daemon=True).start()


@contextlib.contextmanager
def signals_held(context):
    """Hold Ctrl-C and SIGTERM while a pool starts its processes and takes its jobs; they arrive right
    after. Interrupted half-way through starting one, a worker would be unknown to the pool and outlive it."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    if context.get_start_method() == "forkserver":   # started now, so it (and so every worker) keeps an open mask
        multiprocessing.forkserver.ensure_running()
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def stop_now(pool) -> None:
    """Stop a ProcessPoolExecutor at once: cancel what is queued and end the running workers."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join(timeout=5)


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _watch(owner_pid: int, parent: int) -> None:
    while _still_there(owner_pid, parent):
        time.sleep(WATCH_INTERVAL)
    os._exit(1)


def _still_there(owner_pid: int, parent: int) -> bool:
    # With forkserver our parent is the fork server, which lives while any worker does: so watch the
    # process that started the pool too (a zombie counts as gone: it was killed, its shell has not looked yet).
    return os.getppid() == parent and pids.alive(owner_pid)
