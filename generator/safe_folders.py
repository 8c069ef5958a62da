"""Folders and files a command replaces as a whole: refuse any target it did not make, swap atomically,
and clear what an interrupted run left behind.

Every command that replaces a folder (`build --out`, `publish --to`, `demo --out`) or a file (the
offline zip, `publish --archive`) goes through here:

    target = check_folder(path, accepts={"site"}, guard=Guard(project=root), action="生成网站到")
    with replacing_folder(target, Marker("site", epoch)) as tmp:
        ...   # write everything into tmp; it replaces target only if this block finishes

A folder is "ours" when it holds MARKER_NAME whose first line is MAGIC (the marker also names the
kind of folder). Only a folder that does not exist, is empty, or is ours is ever replaced.

Work in progress lives next to the target as `.<name>.building-<pid>` (the new folder or file) and
`.<name>.old-<pid>` (the one being replaced). A run removes those whose process is gone; if a run died
between moving the old folder away and moving the new one in, the old one is put back.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shlex
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from . import pids

MARKER_NAME = ".fengcai-output"
MAGIC = "fengcai-output"
PROJECT_SOURCES = ("content", "workers", ".git", ".cache")   # never write inside these project folders
SITE_KINDS = frozenset({"site", "publish"})   # folders holding a built site: build and publish may replace them
KIND_LABELS = {"site": "网站", "publish": "发布的网站", "demo": "演示数据", "building": "未完成的临时文件夹"}

_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<role>building|old)-(?P<pid>\d+)$")
_LEGACY_PUBLISH_TEMP = re.compile(r"^\.(?P<name>.+)-(?:[a-z0-9_]{8}|old-(?P<pid>\d+))$")   # before markers


class RefusedTarget(Exception):
    """A target we must not touch; `str()` is the Chinese message to print (the target is unchanged)."""

    def __init__(self, action: str, path: Path, reason: str, hint: str):
        self.path = path
        super().__init__(f"不能{action} {path}：{reason} — 提示: {hint}。什么都没有改动。")


@dataclass(frozen=True)
class Marker:
    kind: str                          # site / publish / demo / building
    source_date_epoch: int | None = None

    def text(self) -> str:
        lines = [MAGIC, f"kind: {self.kind}"]
        if self.source_date_epoch is not None:
            lines.append(f"source-date-epoch: {self.source_date_epoch}")
        lines += ["", "这个文件夹由 fengcai 生成，下次运行会把整个文件夹替换掉：请不要在这里存放别的文件。",
                  "Made by fengcai; the next run replaces this whole folder. Keep nothing else here.", ""]
        return "\n".join(lines)


def write_marker(folder: Path, marker: Marker) -> None:
    (Path(folder) / MARKER_NAME).write_text(marker.text(), encoding="utf-8")


def read_marker(folder: Path) -> Marker | None:
    """The folder's marker, or None when it has none (or a file of that name that is not ours)."""
    try:
        with open(Path(folder) / MARKER_NAME, encoding="utf-8", errors="replace") as f:
            lines = f.read(4096).splitlines()
    except OSError:
        return None
    if not lines or lines[0].strip() != MAGIC:
        return None
    fields = dict(line.split(":", 1) for line in lines[1:] if ":" in line)
    epoch = fields.get("source-date-epoch", "").strip()
    return Marker(fields.get("kind", "site").strip() or "site", int(epoch) if epoch.isdigit() else None)


@dataclass(frozen=True)
class Guard:
    """Places a target must keep clear of, besides the filesystem root and the home folder."""
    project: Path | None = None      # the project root: never it or above it, never inside PROJECT_SOURCES
    site: Path | None = None         # the site being published: never it, inside it, or above it
    outside_project: bool = False    # True: nothing inside the project at all (publish)


# ---- checks: run them before any work, so a refusal costs nothing -------------------------------------

def check_folder(path: Path, accepts: set[str], guard: Guard, action: str) -> Path:
    """The resolved folder `path` if it may be replaced by a folder of a kind in `accepts`; else RefusedTarget."""
    target = _resolved(path)
    _check_place(target, guard, action, is_folder=True)
    if target.exists() and not target.is_dir():
        raise RefusedTarget(action, target, "这是一个文件，不是文件夹", "换一个文件夹名")
    if not target.exists():
        return target
    marker = read_marker(target)
    if marker is not None and marker.kind in accepts:
        return target
    try:
        entries = sorted(p.name for p in target.iterdir())
    except OSError as e:
        raise RefusedTarget(action, target, f"无法读取这个文件夹（{e.strerror}）", "检查文件夹的权限") from None
    if not entries:
        return target
    q = shlex.quote(str(target))
    if marker is not None:
        raise RefusedTarget(action, target, f"这是 fengcai 生成的{KIND_LABELS.get(marker.kind, marker.kind)}文件夹，"
                            f"不能用来存放{'、'.join(KIND_LABELS.get(k, k) for k in sorted(accepts))}",
                            "换一个新的文件夹")
    if _looks_like_old_output(target, accepts):
        raise RefusedTarget(
            action, target, f"看起来是旧版 fengcai 生成的{'网站' if accepts & SITE_KINDS else '演示数据'}，"
            f"但里面没有标记文件 {MARKER_NAME}（旧版不写标记），无法确认里面没有别的文件",
            f"确认里面没有要保留的文件后，删掉它（rm -r {q}）再运行；正在对外服务、不便删除的文件夹，"
            f"也可以运行 echo {MAGIC} > {shlex.quote(str(target / MARKER_NAME))} 标记为 fengcai 的文件夹后再运行")
    shown = "、".join(entries[:3]) + ("等" if len(entries) > 3 else "")
    raise RefusedTarget(action, target, f"这个文件夹不是空的（有 {len(entries)} 项：{shown}），也不是 fengcai 生成的"
                        f"（没有标记文件 {MARKER_NAME}），替换它会删掉里面的全部文件",
                        "换一个还不存在的或空的文件夹")


def check_file(path: Path, is_ours: Callable[[Path], bool], guard: Guard, action: str) -> Path:
    """The resolved file `path` if we may write it: new, or a file we made earlier; else RefusedTarget."""
    target = _resolved(path)
    _check_place(target, guard, action, is_folder=False)
    if target.is_dir():
        raise RefusedTarget(action, target, "这是一个文件夹，不是文件", "写一个文件名，例如 site.tar.gz")
    if target.exists() and not is_ours(target):
        raise RefusedTarget(action, target, "这个文件已经存在，而且不是 fengcai 生成的，覆盖它会丢失原来的内容",
                            "换一个文件名，或确认不需要后先删掉它")
    return target


def check_writable_place(path: Path, guard: Guard, action: str) -> Path:
    """A folder we only add files to (booklets): nothing there is deleted, but it must not mix our files
    into the project itself, its content/workers/.git, or the filesystem root."""
    target = _resolved(path)

    def refuse(reason: str) -> None:
        raise RefusedTarget(action, target, reason, "用默认的 booklets/ 文件夹，或项目外另一个专门的文件夹")

    if target.parent == target:
        refuse("这是文件系统的根目录")
    if target.exists() and not target.is_dir():
        refuse("这是一个文件，不是文件夹")
    project = _resolved(guard.project) if guard.project is not None else None
    if project is not None and target == project:
        refuse("这是项目的根目录，生成的文件会和内容、程序混在一起")
    if project is not None and project in target.parents:
        inside = target.relative_to(project).parts[0]
        if inside in PROJECT_SOURCES:
            refuse(f"这个位置在项目的 {inside}/ 文件夹里面，那里只放内容和程序自己的文件")
    return target


def _resolved(path: Path) -> Path:
    """Absolute, with every symlink followed (a link to the project root is the project root)."""
    return Path(os.path.abspath(Path(path).expanduser())).resolve()


def _check_place(target: Path, guard: Guard, action: str, is_folder: bool) -> None:
    def refuse(reason: str, hint: str) -> None:
        raise RefusedTarget(action, target, reason, hint)

    elsewhere = "换一个专门用来放输出的新文件夹" if is_folder else "换一个位置"
    home = _resolved(Path.home())
    project = _resolved(guard.project) if guard.project is not None else None
    if target.parent == target:
        refuse("这是文件系统的根目录", elsewhere)
    if is_folder and target == home:
        refuse("这是你的主目录", elsewhere)
    if project is not None and target == project:
        refuse("这是项目的根目录（里面有 content/、workers/ 和程序），替换它会删掉整个项目", elsewhere)
    if project is not None and is_folder and target in project.parents:
        refuse("这个文件夹包含整个项目，替换它会删掉整个项目", elsewhere)
    if is_folder and target in home.parents:
        refuse("这个文件夹包含你的主目录", elsewhere)
    if guard.site is not None:
        site = _resolved(guard.site)
        if target == site:
            refuse("这就是要发布的网站本身", "发布到网站文件夹以外的另一个文件夹")
        if site in target.parents:
            refuse("这个位置在要发布的网站里面（会把网站复制进它自己）", "发布到网站文件夹以外的地方")
        if is_folder and target in site.parents:
            refuse("这个文件夹包含要发布的网站，替换它会连网站一起删掉", "发布到网站文件夹以外的另一个文件夹")
    if project is None or project not in target.parents:
        return
    inside = target.relative_to(project).parts[0]
    if guard.outside_project and is_folder:
        refuse(f"这个文件夹在项目里面（{project}）", "发布到项目文件夹以外的地方，例如网站服务器的目录")
    if inside in PROJECT_SOURCES:
        refuse(f"这个位置在项目的 {inside}/ 文件夹里面，那里只放内容和程序自己的文件", elsewhere)


def _looks_like_old_output(folder: Path, accepts: set[str]) -> bool:
    """A site or demo corpus written before markers existed (so we can say so instead of "not ours")."""
    if accepts & SITE_KINDS:
        return (folder / "index.html").is_file() and ((folder / "pagefind").is_dir() or (folder / "assets").is_dir())
    if "demo" in accepts:
        return (folder / "content" / "site.yml").is_file() and (folder / "workers").is_dir()
    return False


# ---- replacing -------------------------------------------------------------------------------------------

def temp_sibling(target: Path, role: str = "building", pid: int | None = None) -> Path:
    return target.with_name(f".{target.name}.{role}-{os.getpid() if pid is None else pid}")


@contextlib.contextmanager
def replacing_folder(target: Path, marker: Marker) -> Iterator[Path]:
    """Yield an empty (marked) temporary folder next to `target`; when the block finishes, it becomes
    `target` in one step. If the block fails or is interrupted, the folder is removed and `target`
    is untouched. `target` must have passed `check_folder`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(target)
    tmp = temp_sibling(target)
    _remove(tmp)
    tmp.mkdir()
    try:
        write_marker(tmp, Marker("building"))
        yield tmp
        write_marker(tmp, marker)
        swap_in(tmp, target)
    except BaseException:
        _remove(tmp)
        raise


@contextlib.contextmanager
def replacing_file(target: Path) -> Iterator[Path]:
    """Yield a temporary path next to `target`; it replaces `target` when the block finishes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(target)
    tmp = temp_sibling(target)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def swap_in(new: Path, target: Path) -> None:
    """Put folder `new` at `target`, then delete what was there. On Linux one atomic exchange, so a web
    server never sees the folder missing; elsewhere two renames, undone by `clean_leftovers` if cut short."""
    if not target.exists():
        os.rename(new, target)
        return
    if _exchange(new, target):
        _remove(new)          # now holds the old folder
        return
    old = temp_sibling(target, "old")
    _remove(old)
    os.rename(target, old)
    os.rename(new, target)
    _remove(old)


def clean_leftovers(target: Path) -> list[Path]:
    """Remove `.<name>.building-<pid>` / `.<name>.old-<pid>` next to `target` whose process is gone;
    put an old folder back if the run died before the new one arrived. Returns what was removed."""
    removed: list[Path] = []
    try:
        siblings = list(target.parent.iterdir())
    except OSError:
        return removed
    for entry in siblings:
        m = _TEMP.match(entry.name)
        legacy = None if m else _LEGACY_PUBLISH_TEMP.match(entry.name)
        if m and m["name"] == target.name:
            pid, role = int(m["pid"]), m["role"]
        elif legacy and legacy["name"] == target.name and _is_legacy_publish_temp(entry, legacy["pid"]):
            pid, role = int(legacy["pid"] or 0), "old" if legacy["pid"] else "building"
        else:
            continue
        if pid and pids.alive(pid):
            continue
        # The name is enough: only fengcai names folders so (versions before markers did too, unmarked).
        if role == "old" and entry.is_dir() and not target.exists():
            os.rename(entry, target)      # the run died mid-swap: the old folder is still the good one
            continue
        _remove(entry)
        removed.append(entry)
    return removed


def _is_legacy_publish_temp(entry: Path, pid: str | None) -> bool:
    """`fengcai publish` before markers: `.<name>-XXXXXXXX/site/` (copy) and `.<name>-old-<pid>/` (old site)."""
    if not entry.is_dir() or entry.is_symlink():
        return False
    if pid:
        return (entry / "index.html").is_file()
    try:
        return [p.name for p in entry.iterdir()] in ([], ["site"])
    except OSError:
        return False


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    at_fdcwd = -100
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0
