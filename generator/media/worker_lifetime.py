"""Worker processes that never outlive the command that started them.

- Ctrl-C reaches the whole process group: workers ignore it and the parent stops them (`stop_now`),
  instead of each worker printing its own traceback and the pool finishing every queued job.
- The parent killed outright (kill -9, the OOM killer): on Linux the kernel kills a worker when its
  parent process dies (PR_SET_PDEATHSIG); on every system a watchdog thread checks each second that
  the parent and the process that started the pool are still there.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time

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
    if os.getppid() != parent:        # our parent died and we were handed to another process
        return False
    try:
        os.kill(owner_pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        pass
    return True
