"""The thin MkDocs adapter: load → check → generate pages (generator.site.pipeline) → hand them to MkDocs.

No logic of its own beyond wiring; mkdocs.yml loads it through generator/mkdocs_hooks.py.
The content root is the folder of mkdocs.yml, or FENGCAI_ROOT when set (used by `fengcai build --root`).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel

from ..check import check_tree
from ..media import MediaError
from .media import open_media
from .pipeline import SiteOutput, build_site, write_files
from .search_index import SearchIndexError, index_site
from .theme_env import autoescape_theme
from .variants import SiteVariant, finish_site

log = logging.getLogger("mkdocs.fengcai")

_state: dict = {}
_preloaded: dict[Path, object] = {}
_preview = None   # `fengcai serve` (generator.site.preview.Preview): never abort, reuse unchanged work


def use_preview(preview) -> None:
    """Let `fengcai serve` take over loading (errors become a banner) and skip unchanged pages."""
    global _preview
    _preview = preview


def use_model(root: Path, model) -> None:
    """Let `fengcai build` hand over the model it already loaded and checked (no second load)."""
    _preloaded[Path(root).resolve()] = model


def content_root(config) -> Path:
    env = os.environ.get("FENGCAI_ROOT")
    return Path(env).resolve() if env else Path(config.config_file_path).resolve().parent


def on_config(config):
    root = content_root(config)
    model = _preloaded.pop(root, None)
    if model is None and _preview is not None:
        model = _preview.model()
    if model is None:
        model, report = check_tree(root)
        if report is not None and not report.ok:
            raise Abort("内容检查未通过，网站没有生成：\n" + report.format_text())
    public = model.public()
    try:
        if _preview is not None:
            output = _preview.build_site(public, SiteVariant.from_config(config))
        else:
            output = build_site(public, open_media(root), SiteVariant.from_config(config))
    except MediaError as e:
        raise Abort(f"媒体文件有问题，网站没有生成：{e}") from None
    _state.update(root=root, output=output, bodies={p.src_uri: p.body for p in output.pages})
    if not config.get("site_url") and public.site.base_url:
        config["site_url"] = public.site.base_url.rstrip("/") + "/"
    if public.site.title and config.get("site_name") in (None, "", "劳模风采录"):
        config["site_name"] = public.site.title
    if public.site.publisher and not config.get("copyright"):
        config["copyright"] = f"© {public.site.publisher}"
    config["nav"] = _merge_nav(config.get("nav"), output)
    return config


# theme/ also holds the booklet's Typst templates; they are not part of the website
THEME_PRIVATE = ("booklet/",)


def on_files(files: Files, config) -> Files:
    output: SiteOutput = _state["output"]
    unchanged = _preview.unchanged(output, config) if _preview is not None else set()
    for f in list(files):
        if f.src_uri.startswith(THEME_PRIVATE) and not f.abs_src_path.startswith(str(config["docs_dir"])):
            files.remove(f)
    for page in output.pages:
        inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None:
            files.remove(existing)
        markdown = _preview.markdown(page) if _preview is not None else page.markdown()
        file = File.generated(config, page.src_uri, content=markdown, inclusion=inclusion)
        if page.src_uri in unchanged:   # serve: MkDocs keeps the page it wrote last time (dirty build)
            file.is_modified = _not_modified
        files.append(file)
    return files


def _not_modified() -> bool:
    return False


def on_env(env, config, files):
    """`fengcai serve`: MkDocs makes a new Jinja environment per build; keep the compiled theme templates."""
    env = autoescape_theme(env)   # nothing from content reaches Material's templates unescaped
    if _preview is not None:
        env.bytecode_cache = _preview.templates
    return env


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Our pages are one finished HTML block: skip Python-Markdown's raw-HTML scan (40 % of a big build)."""
    return "" if page.file.src_uri in _state["bodies"] else markdown


def on_page_content(html: str, page, config, files) -> str:
    return _state["bodies"].get(page.file.src_uri, html)


def on_post_build(config) -> None:
    site_dir = Path(config["site_dir"])
    stats = write_files(_state["output"], site_dir)
    if _preview is not None:   # media failures go to the banner; Pagefind runs in the background
        finish_site(site_dir, SiteVariant.from_config(config))
        return _preview.after_build(site_dir, stats)
    if stats is not None and stats.failed:
        raise Abort("以下媒体文件处理失败，网站没有生成：\n" + "\n".join(f"  {e}" for e in stats.failed))
    variant = SiteVariant.from_config(config)
    finish_site(site_dir, variant)   # kiosk: no links out; offline: links to index.html
    if variant.offline:              # file:// cannot load Pagefind; search-data.js replaces it
        return
    try:
        index_site(site_dir)
    except SearchIndexError as e:
        raise Abort(str(e)) from None


def on_serve(server, config, builder):
    root = _state.get("root") or content_root(config)
    for name in ("content", "workers"):
        if (root / name).is_dir():
            server.watch(str(root / name))
    return server


def _merge_nav(nav, output: SiteOutput) -> list:
    """mkdocs.yml's nav (sections) + generated section/free pages it does not list yet."""
    nav = list(nav or [])
    listed = set(_nav_files(nav))
    for entry in output.nav():
        (title, src), = entry.items()
        if src not in listed:
            nav.append(entry)
    return nav


def _nav_files(nav) -> list[str]:
    out = []
    for item in nav:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for v in item.values():
                out.extend(_nav_files(v) if isinstance(v, list) else [v])
    return out
