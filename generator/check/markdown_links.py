"""Links editors write in Markdown bodies must lead to a page readers can open.

A link to a page that does not exist, or to an item that is not published — anything not in
`model.public()`: drafts, and whatever else public() leaves out (e.g. a withdrawn consent) — is reported
where it is written. Links are resolved the way the site shows them: "/workers/x/" from the site root,
"../x/" from the page the Markdown appears on (generator/site/urls.py rewrites both to page-relative links).
"""

from __future__ import annotations

import re
from typing import Iterator

from ..content.fields import did_you_mean
from ..model.corpus import Model
from ..model.source import Loc, Source
from ..problems import Problem, error, warning
from ..site.filter_pages import filter_pages
from ..site.urls import SECTION_URLS, SITE_FILES, site_path
from .markdown_rules import body_lines

# [text](target "title"), ![alt](src) excluded; [id]: target; <a href="target">. The text of a link
# stops at the next "[" and a tag at the next "<": each scan ends where the next one starts, so a line
# of 400,000 "[" costs a few milliseconds, not hours.
_INLINE = re.compile(r"(?<!!)\[(?:[^\[\]\\]|\\[^\[])*\]\(\s*<?([^\s)>]+)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)")
_HREF = re.compile(r"""<a\b[^<>]*?\bhref\s*=\s*["']?([^"'\s>]+)""", re.I)
_UNCHECKED = ("booklets/",)   # written by the booklet step, not known to the model


def check(model: Model) -> list[Problem]:
    public = model.public()
    published = _labels(public)
    everything = _labels(model)
    base = model.site.base_url
    out: list[Problem] = []
    for source, page_url, item_is_public in _markdown_pages(model, public):
        report = error if item_is_public else warning   # a draft's own links matter once it is published
        for n, line in body_lines(source):
            for m in _targets(line):
                target = site_path(m.group(1), page_url, base)
                if target is None or target in published or target.startswith(_UNCHECKED):
                    continue
                loc = Loc(source.rel, n, m.start(1) + 1)
                quote = source.lines[n - 1]
                if target in everything:
                    out.append(report(loc, f"链接指向的「{everything[target]}」（/{target}）没有公开（还是草稿，或本人撤回了同意），读者点开会找不到页面",
                                      "删掉这个链接，或等这一页公开后再加", "markdown.link-unpublished", quote))
                else:
                    guess = did_you_mean(target, list(published))
                    hint = (f"你是不是想写「/{guess}」？" if guess is not None else
                            "站内链接写成 /workers/文件夹名/ 这样的地址，例如 /workers/sun-meijin/；站外网址以 https:// 开头")
                    out.append(report(loc, f"链接指向的页面「{m.group(1)}」不存在", hint, "markdown.link-missing", quote))
    return out


def _targets(line: str) -> Iterator[re.Match]:
    yield from _INLINE.finditer(line)
    yield from _REFERENCE.finditer(line)
    yield from _HREF.finditer(line)


def _labels(model: Model) -> dict[str, str]:
    """Every path of the site built from `model` → what an editor calls it."""
    out = {url: url for url in SECTION_URLS + SITE_FILES}
    out.update(filter_pages(model))   # products/by/…, requests/by/…
    for group in (model.workers, model.associations, model.collectives, model.studios, model.pages, model.products):
        for item in group.values():
            out[item.url] = item.name if hasattr(item, "name") else item.title
    for s in model.stories.values():
        out[s.url] = s.title
    return out


def _markdown_pages(model: Model, public: Model) -> Iterator[tuple[Source, str, bool]]:
    """(Markdown source, URL of the page that shows it, is that page published?)."""
    for name in ("associations", "collectives", "studios", "workers"):
        shown = getattr(public, name)
        for item in getattr(model, name).values():
            if item.story_source is not None:
                yield item.story_source, item.url, item.id in shown
    for s in model.stories.values():
        yield s.source, s.url, s.id in public.stories
    for p in model.pages.values():
        yield p.source, p.url, p.id in public.pages
