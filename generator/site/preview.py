"""`fengcai serve`: the live preview. What only the preview does, next to the one build the site has.

    Preview                the state one preview keeps between rebuilds (its FengcaiPlugin asks it)
    preview_server.serve   MkDocs' livereload server on 127.0.0.1, watching content/ and workers/

The preview gets its model from the same gate as every build (generator.gate.open_preview): all
rules run, and a content error does not stop the preview. Every item with an error in one of its
files is left out, like a draft — its page says the content has an error, it leaves every list, card
and search result — so text a rule flagged (a mobile number typed into a story) is never served. The
terminal prints the same lines as `fengcai check`, and every page carries a banner with them (personal
data in them masked) until the file is fixed.

Rebuilding after one edit stays cheap at thousands of workers:
    reading    only worker folders whose files changed are read and scanned again (check.CheckMemory)
    pages      a worker page is reused while every file it shows is unchanged (PreviewPages)
    MkDocs     dirty build: only pages whose Markdown changed are rendered and written again
    media      one pipeline for the whole session: its answers and planned jobs are kept
    search     Pagefind runs in a background thread after the page is served
"""

from __future__ import annotations

import functools
import html
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import jinja2

from ..check import CheckMemory
from ..gate import Publication, open_preview
from ..media import MediaError
from ..model.corpus import Model
from ..model.kinds import BY_NAME
from ..problems import Problem, Report, _caret_pad
from .media import open_media
from .pages import Pages
from .pipeline import SiteOutput, build_site
from .render import PageOut
from .search_index import UNUSED

BANNER_ID = "fengcai-preview-problems"
TITLE_MARK = "【内容有错误】"   # in front of every tab title while there are errors


class Preview:
    """One preview session's memory: what the checks keep, rendered pages, the last problems."""

    def __init__(self, root: Path, say=None):
        self.root = Path(root).resolve()
        self.say = say or (lambda line: print(line, file=sys.stderr, flush=True))
        self.media = open_media(self.root)
        self.memory = CheckMemory()
        self.report = Report()
        self.withheld: list[tuple[str, str]] = []   # items left out of the preview for their errors
        self.notes: list[str] = []            # build failures that are not content problems (media, crashes)
        self._pages: dict[str, tuple] = {}     # worker url → (key, the objects the key names, PageOut)
        self._markdown: dict[str, tuple[PageOut, str]] = {}
        self._written: dict[str, str] = {}     # src_uri → Markdown of the page as last written
        self._pending: dict[str, str] = {}
        self._frame = None                     # what every page's frame shows (nav, site name)
        self._printed = ""
        self.search = SearchIndexer(self.say)
        self.templates = TemplateCache()

    # ---- model ---------------------------------------------------------------------------------
    def publication(self) -> Publication:
        """The gate's preview: every rule, items with errors left out; never raises for content errors."""
        pub = open_preview(self.root, self.memory)
        self.report, self.withheld, self.notes = pub.report, pub.withheld, []
        return pub

    # ---- pages ---------------------------------------------------------------------------------
    def build_site(self, public: Model, variant) -> SiteOutput:
        """The pipeline with reused pages; on a failure, one page saying why (never an older output:
        it may show text that today's rules flag, e.g. the name of someone who has just withdrawn)."""
        try:
            output = build_site(public, self.media, variant, pages=functools.partial(PreviewPages, memo=self._pages))
            output.pages += self._notices(output)
        except MediaError as e:
            self.notes.append(f"媒体文件有问题：{e}")
            return self._fallback()
        except Exception as e:  # a crash must not stop the preview; show it like a content problem
            self.notes.append(f"生成页面时出错（{type(e).__name__}）：{e}")
            return self._fallback()
        return output

    def _notices(self, output: SiteOutput) -> list[PageOut]:
        """At the address of each item left out for its errors: a page saying so (not a 404)."""
        taken = {p.url for p in output.pages}
        out = []
        for kind, key in self.withheld:
            url = BY_NAME[kind].url.format(key) if kind in BY_NAME else ""
            if url and url not in taken:
                taken.add(url)
                out.append(PageOut(url, "内容有错误", NOTICE, {"hide": ["toc"]}))
        return out

    def _fallback(self) -> SiteOutput:
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
        """Called by the plugin after MkDocs wrote the site: stale pages, media failures, search, report."""
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
                self.say("预览继续运行：有错误的内容在预览里暂不显示，页面顶部有错误提示。改好后保存即可。")
        elif self._printed:
            self.say("内容检查通过，预览已恢复正常。")
        self._printed = text

    def banner_html(self) -> str:
        """The alert at the top of every page while there are errors ('' when there are none).

        It stays in view while the page scrolls; its list folds away (<details>) for reading the page.
        Lines about personal data are shown without the editor's line and with numbers masked: the
        preview never serves what a rule flagged."""
        if not self.has_errors:
            return ""
        items = [f'<li style="margin:.6em 0">{_banner_item(p)}</li>' for p in self.report.errors]
        items += [f'<li style="margin:.6em 0">错误: {html.escape(n)}</li>' for n in self.notes]
        count = len(self.report.errors) + len(self.notes)
        left_out = f"有错误的 {len(self.withheld)} 项内容在预览里暂不显示，" if self.withheld else ""
        return (f'<div id="{BANNER_ID}" role="alert" aria-live="assertive" style="{_BANNER}">'
                f'<details open><summary style="{_SUMMARY}">内容有 {count} 个错误，{left_out}'
                "改好后保存，页面会自动刷新。（点这里收起或展开）</summary>"
                f'<ol style="margin:.4em 0 0;padding-left:1.4em">{"".join(items)}</ol></details></div>')


NOTICE = ("<p>这一页的内容有错误，预览里暂不显示。请按页面顶部的提示修改，保存后这一页会自动出现。</p>")

_BANNER = ("position:sticky;top:0;z-index:10000;margin:0;padding:.6em 1.5em;background:#fff1f0;color:#5c0011;"
           "border-bottom:6px solid #cf1322;font-size:20px;line-height:1.6;max-height:50vh;overflow:auto;"
           "box-shadow:0 2px 8px rgba(0,0,0,.25);"
           "font-family:system-ui,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif")
_SUMMARY = "cursor:pointer;font-size:1.2em;font-weight:bold"
_PRE = "margin:.3em 0 0;padding:.4em .8em;background:#fff;color:#222;font-size:18px;white-space:pre-wrap;border-radius:4px"

# personal data inside a problem's own message (a mobile number, an ID number, an e-mail address)
_LONG_NUMBER = re.compile(r"\d(?:[\s\-.\uff0d\u2014\u2013]?[\dXx\uff38]){6,}")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _banner_item(p: Problem) -> str:
    if p.code.startswith("privacy."):
        return html.escape(_masked(p.line())) + "<br>（为保护个人信息，这里不显示原文；请在编辑器里打开这个位置修改）"
    quote = ""
    if p.quote.strip():
        quote = (f'<pre style="{_PRE}">{html.escape(p.quote.rstrip())}'
                 + (f"\n{html.escape(_caret(p))}" if p.loc.col else "") + "</pre>")
    return html.escape(p.line()) + quote


def _masked(text: str) -> str:
    text = _LONG_NUMBER.sub(lambda m: m.group(0)[:3] + "*" * (len(m.group(0)) - 3), text)
    return _EMAIL.sub(lambda m: "***@" + m.group(0).split("@", 1)[1], text)


def _caret(p: Problem) -> str:
    return _caret_pad(p.quote, p.loc.col) + "^"


class PreviewPages(Pages):
    """Pages that reuses a worker page while nothing it shows has changed.

    The key holds the worker and the related workers it links to (the same objects while their
    folders are unchanged, see check.CheckMemory) and a fingerprint of every other file the page
    shows: the site, the associations, its studio and every item that refers to the worker
    (Model.referrers: the stories about them, the studio they lead), re-read on every build.
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
        referrers = sorted(mo.referrers("worker", w.id))
        key = (tuple(map(id, related)), w.studio, self._print(studio.source if studio else None),
               tuple(self._print(getattr(mo, BY_NAME[k].attr)[i].source) for k, i in referrers), self._shared)
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


def _remove_page(site_dir: Path, src_uri: str) -> None:
    stem = src_uri[:-3]   # "workers/x.md" → "workers/x"; "workers/index.md" → "workers/index"
    folder = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    (site_dir / folder / "index.html").unlink(missing_ok=True)
