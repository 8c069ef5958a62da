"""Run jobs across all cores, showing a progress bar on a terminal and nothing per item in logs."""

from __future__ import annotations

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from . import worker_lifetime
from .errors import MediaError
from .jobs import Job, run_job


def usable_cpus() -> int:
    """CPUs this process may run on (respects taskset/cgroup affinity, unlike os.cpu_count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


class Tally:
    """What the jobs produced: their errors and the bytes they wrote."""

    def __init__(self, advance) -> None:
        self.errors: list[MediaError] = []
        self.written = 0
        self._advance = advance

    def add(self, result: tuple[MediaError | None, int]) -> None:
        err, n = result
        if err is not None:
            self.errors.append(err)
        self.written += n
        self._advance()


def run_jobs(jobs: list[Job], max_workers: int, quiet: bool) -> tuple[list[MediaError], int]:
    """Run every job; returns (errors, bytes written). A single job runs here, without a pool."""
    workers = worker_count(max_workers, len(jobs))
    with _progress(len(jobs), quiet) as advance:
        tally = Tally(advance)
        remaining = _run_in_pool(jobs, workers, tally) if workers > 1 else jobs
        if remaining and workers > 1 and not quiet:
            print(f"提示：并行处理中断，剩余 {len(remaining)} 项改为逐个处理（较慢，但结果相同）", file=sys.stderr)
        for job in remaining:
            tally.add(run_job(job))
    return tally.errors, tally.written


def worker_count(max_workers: int, jobs: int) -> int:
    """Processes `run_jobs` will use for `jobs` jobs."""
    return max(1, min(max_workers, jobs)) if _workers_can_start() else 1


def _workers_can_start() -> bool:
    """forkserver/spawn workers re-import the main script; impossible when it came from stdin."""
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    return main_file is None or os.path.exists(main_file)


def _run_in_pool(jobs: list[Job], workers: int, tally: Tally) -> list[Job]:
    """Run jobs in worker processes; returns the jobs left undone if the pool broke."""
    # forkserver: workers start from a clean interpreter, safe even if the caller runs threads
    # (mkdocs serve does); fork could deadlock on a lock another thread held.
    context = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
    done: set[int] = set()
    pool = None
    try:
        with worker_lifetime.signals_held(context):
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                       initializer=worker_lifetime.start_worker, initargs=(os.getpid(),))
            futures = {pool.submit(run_job, job): i for i, job in enumerate(jobs)}
        for future in as_completed(futures):
            tally.add(future.result())
            done.add(futures[future])
    except BrokenProcessPool:
        pass   # a worker died (out of memory, or the calling script cannot be re-imported): finish here
    except BaseException:
        if pool is not None:
            worker_lifetime.stop_now(pool)   # Ctrl-C, SIGTERM, an error: don't wait for the queued jobs
        raise
    if pool is not None:
        pool.shutdown(wait=True)
    return [job for i, job in enumerate(jobs) if i not in done]


class _progress:
    """A tqdm bar when stdout is a terminal; otherwise silent per item (CI logs get the summary lines)."""

    def __init__(self, total: int, quiet: bool) -> None:
        self._bar = None
        if total and not quiet and sys.stdout.isatty():
            from tqdm import tqdm
            self._bar = tqdm(total=total, unit="项", desc="处理媒体", dynamic_ncols=True, leave=False)

    def __enter__(self):
        return self._advance

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.close()

    def _advance(self) -> None:
        if self._bar is not None:
            self._bar.update(1)
