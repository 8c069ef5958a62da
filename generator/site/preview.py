"""`fengcai serve`: the live preview. What only the preview does, next to the one build the site has.

    Preview                the state one preview keeps between rebuilds (the hook asks it, see mkdocs_adapter)
    preview_server.serve   MkDocs' livereload server on 127.0.0.1, watching content/ and workers/

A content error never stops the preview: the build goes on with what loaded (a profile that no
longer loads keeps its last good version), the terminal prints the same lines as `fengcai check`,
and every page served carries a banner with those lines until the file is fixed.

Rebuilding after one edit stays cheap at thousands of workers:
    reading    only worker folders whose files changed are read again (stamp: name, mtime, size)
    pages      a worker page is reused while every file it shows is unchanged (PreviewPages)
    MkDocs     dirty build: only pages whose Markdown changed are rendered and written again
    media      one pipeline for the whole session: its answers and planned jobs are kept
    search     Pagefind runs in a background thread after the page is served
"""

from __future__ import annotations

import dataclasses
import functools
import html
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import jinja2

from ..check import RULES, media as media_rule, privacy
from ..content.loader import load
from ..content.worker_reader import read_worker
from ..media import MediaError
from ..model.corpus import Model
from ..problems import Problem, Report, _caret_pad
from .media import open_media
from .pages import Pages
from .pipeline import SiteOutput, build_site
from .render import PageOut
from .search_index import UNUSED

PER_FILE = (privacy.check, media_rule.check)
KINDS = ("associations", "collectives", "studios", "stories", "pages", "workers", "products", "services", "requests")
BANNER_ID = "fengcai-preview-problems"


class Preview:
    """One preview session's memory: file stamps, loaded items, rendered pages, the last problems."""

    def __init__(self, root: Path, say=None):
        self.root = Path(root).resolve()
        self.say = say or (lambda line: print(line, file=sys.stderr, flush=True))
        self.media = open_media(self.root)
        self.report = Report()
        self.notes: list[str] = []            # build failures that are not content problems (media, crashes)
        self._reads: dict[Path, tuple] = {}    # worker folder → (stamp, Worker | None, its problems)
        self._last: Model | None = None        # the model of the last build, for items that now fail
        self._pages: dict[str, tuple] = {}     # worker url → (key, the objects the key names, PageOut)
        self._markdown: dict[str, tuple[PageOut, str]] = {}
        self._written: dict[str, str] = {}     # src_uri → Markdown of the page as last written
        self._pending: dict[str, str] = {}
        self._frame = None                     # what every page's frame shows (nav, site name)
        self._output: SiteOutput | None = None
        self._printed = ""
        self.search = SearchIndexer(self.say)
        self.templates = TemplateCache()
        self._file_problems: dict[str, list[Problem]] = {}   # worker id → its privacy and media problems
        self._changed: set[str] | None = None                # worker ids read again by this load

    # ---- model ---------------------------------------------------------------------------------
    def model(self) -> Model:
        """Load (re-reading only changed worker folders) and check; never raises for content errors."""
        self._changed = set() if self._last is not None else None
        result = load(self.root, read_worker_folder=self._read_worker)
        model = result.model
        report = Report()
        report.extend(result.problems)
        self._keep_last_good(model, report)
        report.extend(self._check(model))
        self._last = model
        self.report = report
        self.notes = []
        return model

    def _check(self, model: Model) -> list[Problem]:
        """Every rule. The per-file rules that cost most at 1,000 workers (privacy scan, media probes)
        look only at the workers read again; the others keep their problems from earlier builds."""
        everyone = self._changed is None
        problems = [p for rule in RULES if rule not in PER_FILE for p in rule(model)]
        part = model if everyone else dataclasses.replace(
            model, workers={k: w for k, w in model.workers.items() if k in self._changed})
        fresh = [p for rule in PER_FILE for p in rule(part)]
        problems += fresh
        if not everyone:
            problems += [p for wid in model.workers if wid not in self._changed for p in self._file_problems.get(wid, [])]
        by_worker: dict[str, list[Problem]] = {}
        for p in fresh:
            if p.loc.file.startswith("workers/"):
                by_worker.setdefault(p.loc.file.split("/")[1], []).append(p)
        if everyone:
            self._file_problems = by_worker
        else:
            for wid in self._changed:
                self._file_problems[wid] = by_worker.get(wid, [])
        return problems

    def _read_worker(self, folder: Path, root: Path, problems: list[Problem]):
        stamp = _stamp(folder)
        known = self._reads.get(folder)
        if known is not None and known[0] == stamp:
            problems.extend(known[2])
            return known[1]
        if self._changed is not None:
            self._changed.add(folder.name)
        found: list[Problem] = []
        worker = read_worker(folder, root, found)
        problems.extend(found)
        self._reads[folder] = (stamp, worker, found)
        return worker

    def _keep_last_good(self, model: Model, report: Report) -> None:
        """An item whose file now fails to load (or loads with errors) keeps the version the last build showed."""
        if self._last is None:
            return
        failing = {p.loc.file for p in report.problems if p.is_error}
        if getattr(self._last.site, "source", None) is not None and self._last.site.source.rel in failing:
            model.site = self._last.site
        for kind in KINDS:
            now, before = getattr(model, kind), getattr(self._last, kind)
            for key, item in before.items():
                source = getattr(item, "source", None)
                if source is not None and source.rel in failing and source.path.exists():
                    now[key] = item

    # ---- pages ---------------------------------------------------------------------------------
    def build_site(self, public: Model, variant) -> SiteOutput:
        """The pipeline with reused pages; on a failure, the last output (or a page saying why)."""
        try:
            output = build_site(public, self.media, variant, pages=functools.partial(PreviewPages, memo=self._pages))
        except MediaError as e:
            self.notes.append(f"媒体文件有问题：{e}")
            return self._fallback()
        except Exception as e:  # a crash must not stop the preview; show it like a content problem
            self.notes.append(f"生成页面时出错（{type(e).__name__}）：{e}")
            return self._fallback()
        self._output = output
        return output

    def _fallback(self) -> SiteOutput:
        if self._output is not None:
            return self._output
        body = '<p>网站暂时无法生成，请按页面顶部的提示修改内容，保存后会自动刷新。</p>'
        return SiteOutput([PageOut("", "预览", body, {}, True)], {}, None)

    def markdown(self, page: PageOut) -> str:
        """page.markdown(), computed once per page object (reused pages cost nothing)."""
        known = self._markdown.get(page.src_uri)
        if known is not None and known[0] is page:
            return known[1]
        text = page.markdown()
        self._markdown[page.src_uri] = (page, text)
        return text

    def unchanged(self, output: SiteOutput, config) -> set[str]:
        """src_uris whose page MkDocs wrote last time with the same Markdown and the same frame."""
        frame = (output.nav(), config.get("site_name"), config.get("copyright"), config.get("site_url"))
        same_frame = frame == self._frame
        self._frame = frame
        self._pending = {p.src_uri: self.markdown(p) for p in output.pages}
        if not same_frame:
            return set()
        return {uri for uri, text in self._pending.items() if self._written.get(uri) == text}

    def after_build(self, site_dir: Path, stats) -> None:
        """Called by the hook after MkDocs wrote the site: stale pages, media failures, search, report."""
        site_dir = Path(site_dir)
        for uri in set(self._written) - set(self._pending):   # a page that is gone (worker deleted, now draft)
            _remove_page(site_dir, uri)
        self._written, self._pending = self._pending, {}
        if stats is not None and stats.failed:
            self.notes.extend(f"媒体文件处理失败：{e}" for e in stats.failed)
        self.search.schedule(site_dir, delay=0 if self.search.runs == 0 else SEARCH_DELAY)

    # ---- reporting -----------------------------------------------------------------------------
    @property
    def has_errors(self) -> bool:
        return bool(self.notes) or not self.report.ok

    def print_report(self, color: bool = False) -> None:
        """The terminal gets the same lines as `fengcai check`, once per change."""
        text = self.report.format_text(color=color) if self.report.problems else ""
        text += "".join(f"\n错误: {n}" for n in self.notes)
        if text == self._printed:
            return
        if text:
            self.say(text)
            if self.has_errors:
                self.say("预览继续运行：出错的内容显示为上一次正确的版本，页面顶部有错误提示。改好后保存即可。")
        elif self._printed:
            self.say("内容检查通过，预览已恢复正常。")
        self._printed = text

    def banner_html(self) -> str:
        """The alert shown at the top of every page while there are errors ('' when there are none)."""
        if not self.has_errors:
            return ""
        items = []
        for p in self.report.errors:
            quote = ""
            if p.quote.strip():
                quote = (f'<pre style="{_PRE}">{html.escape(p.quote.rstrip())}'
                         + (f"\n{html.escape(_caret(p))}" if p.loc.col else "") + "</pre>")
            items.append(f'<li style="margin:.6em 0">{html.escape(p.line())}{quote}</li>')
        items += [f'<li style="margin:.6em 0">错误: {html.escape(n)}</li>' for n in self.notes]
        count = len(self.report.errors) + len(self.notes)
        return (f'<div id="{BANNER_ID}" role="alert" aria-live="assertive" style="{_BANNER}">'
                f'<p style="margin:0 0 .4em;font-size:1.25em;font-weight:bold">内容有 {count} 个错误，'
                "预览里出错的部分仍显示上一次正确的版本。改好后保存，页面会自动刷新。</p>"
                f'<ol style="margin:0;padding-left:1.4em">{"".join(items)}</ol></div>')


_BANNER = ("position:relative;z-index:10000;margin:0;padding:1em 1.5em;background:#fff1f0;color:#5c0011;"
           "border-bottom:6px solid #cf1322;font-size:20px;line-height:1.6;max-height:60vh;overflow:auto;"
           "font-family:system-ui,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif")
_PRE = "margin:.3em 0 0;padding:.4em .8em;background:#fff;color:#222;font-size:18px;white-space:pre-wrap;border-radius:4px"


def _caret(p: Problem) -> str:
    return _caret_pad(p.quote, p.loc.col) + "^"


class PreviewPages(Pages):
    """Pages that reuses a worker page while nothing it shows has changed.

    The key holds the worker and the related workers it links to (the same objects while their
    folders are unchanged, see Preview._read_worker) and a fingerprint of every other file the page
    shows: the site, the associations, its studio and the stories about it (re-read on every build).
    """

    def __init__(self, model: Model, media, memo: dict):
        super().__init__(model, media)
        self.memo = memo
        self._prints: dict[int, tuple] = {}
        self._shared = tuple(self._print(a.source) for a in model.associations.values())
        self._shared += (self._print(getattr(model.site, "source", None)),)

    def _print(self, source) -> tuple | None:
        if source is None:
            return None
        known = self._prints.get(id(source))
        if known is None:
            known = self._prints[id(source)] = (source.rel, hash(tuple(source.lines)))
        return known

    def worker(self, w) -> PageOut:
        mo = self.model
        studio = mo.studios.get(w.studio) if w.studio else None
        related = [w, *mo.related_workers(w)]
        key = (tuple(map(id, related)), w.studio, self._print(studio.source if studio else None),
               tuple(self._print(s.source) for s in mo.stories_about(w.id)),
               tuple(self._print(x.source) for x in mo.offerings.naming("worker", w.id)), self._shared)
        known = self.memo.get(w.url)
        if known is not None and known[0] == key:
            return known[2]
        page = super().worker(w)
        self.memo[w.url] = (key, related, page)   # holding the workers keeps their ids theirs
        return page


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory between rebuilds (Jinja checks each source's checksum)."""

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


SEARCH_DELAY = 5.0   # seconds of quiet after a rebuild before Pagefind runs (it would slow the next rebuild)


class SearchIndexer:
    """Pagefind for the preview: runs after the site has been quiet for a moment, writes into a folder
    beside the site and swaps it in; a rebuild cancels a run in progress (the page comes first)."""

    def __init__(self, say):
        self.say = say
        self.runs = 0
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        self._proc: subprocess.Popen | None = None
        self._generation = 0

    def schedule(self, site_dir: Path, delay: float) -> None:
        with self._lock:
            self._cancel_locked()
            self._timer = threading.Timer(delay, self._run, args=(Path(site_dir), self._generation))
            self._timer.daemon = True
            self._timer.start()

    def cancel(self) -> None:
        with self._lock:
            self._cancel_locked()

    def _cancel_locked(self) -> None:
        self._generation += 1
        if self._timer is not None:
            self._timer.cancel()
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()

    def _run(self, site_dir: Path, generation: int) -> None:
        side = site_dir.with_name(site_dir.name + "-pagefind")
        shutil.rmtree(side, ignore_errors=True)
        with self._lock:
            if generation != self._generation:
                return
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-path", str(side), "--silent"],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        out, _ = self._proc.communicate()
        with self._lock:
            if generation != self._generation:
                shutil.rmtree(side, ignore_errors=True)
                return
            if self._proc.returncode != 0:
                self.say(f"提示：搜索索引没有更新（Pagefind）：{out.strip()[-500:]}")
                return
            for name in UNUSED:
                (side / name).unlink(missing_ok=True)
            old = site_dir.with_name(site_dir.name + "-pagefind-old")
            target = site_dir / "pagefind"
            if target.exists():
                os.replace(target, old)
            os.replace(side, target)
            shutil.rmtree(old, ignore_errors=True)
            self.runs += 1


def _stamp(folder: Path) -> tuple:
    """(name, mtime, size) of every file in a worker folder: any edit, added or replaced photo changes it."""
    out = []
    for base, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            try:
                st = os.stat(os.path.join(base, name))
            except OSError:
                continue
            out.append((base, name, st.st_mtime_ns, st.st_size))
    return tuple(out)


def _remove_page(site_dir: Path, src_uri: str) -> None:
    stem = src_uri[:-3]   # "workers/x.md" → "workers/x"; "workers/index.md" → "workers/index"
    folder = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    (site_dir / folder / "index.html").unlink(missing_ok=True)
