"""The thin MkDocs adapter: a plugin object that holds what one site build needs and hands the pages
of generator.site.pipeline to MkDocs.

    FengcaiPlugin(root, public, variant, media, preview)   one object per build, no module state

`fengcai build` and `fengcai serve` make one with the model the gate (generator.gate) already handed
out, and register it with `install(config, plugin)`. A plain `mkdocs build` / `mkdocs serve` from the
repository root gets one from mkdocs.yml (`plugins: [fengcai]`, an entry point in pyproject.toml):
constructed empty, it asks the gate itself in on_config, for the folder of mkdocs.yml.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, PluginCollection
from mkdocs.structure.files import File, Files, InclusionLevel

from ..gate import ContentRefused, open_public
from ..media import MediaError
from ..model.corpus import Model
from .media import SiteMedia, open_media
from .pipeline import SiteOutput, build_site, write_files
from .search_index import SearchIndexError, index_site
from .theme_env import autoescape_theme
from .variants import SiteVariant, finish_site

log = logging.getLogger("mkdocs.fengcai")

NAME = "fengcai"   # the plugin's name in mkdocs.yml and in pyproject's mkdocs.plugins entry point

# theme/ also holds the booklet's Typst templates; they are not part of the website
THEME_PRIVATE = ("booklet/",)


class FengcaiPlugin(BasePlugin):
    """One site build. Every argument is optional so that MkDocs can make one from mkdocs.yml:

    root      the project (content/, workers/); default: the folder of mkdocs.yml
    public    the public model from the gate; default: on_config asks generator.gate.open_public
    variant   web site, kiosk or offline copy; default: `extra.fengcai` of the config
    media     the media pipeline (generator.site.media); default: one with its cache under root
    preview   `fengcai serve`'s Preview: it supplies the model, reuses unchanged pages, never aborts
    """

    def __init__(self, root: Path | None = None, public: Model | None = None, variant: SiteVariant | None = None,
                 media: SiteMedia | None = None, preview=None):
        super().__init__()
        if public is not None and public.unpublished():
            raise ValueError("FengcaiPlugin needs the public model (generator.gate.open_public), not the whole model")
        self.root = Path(root).resolve() if root is not None else None
        self.public, self.variant, self.media, self.preview = public, variant, media, preview
        self.output: SiteOutput | None = None
        self.bodies: dict[str, str] = {}

    # ---- MkDocs events -------------------------------------------------------------------------
    def on_config(self, config):
        self._resolve(config)
        self.output = self._generate()
        self.bodies = {p.src_uri: p.body for p in self.output.pages}
        self._site_settings(config)
        config["nav"] = _merge_nav(config.get("nav"), self.output)
        return config

    def on_files(self, files: Files, config) -> Files:
        preview, output = self.preview, self.output
        unchanged = preview.unchanged(output, config) if preview is not None else set()
        for f in list(files):
            if f.src_uri.startswith(THEME_PRIVATE) and not f.abs_src_path.startswith(str(config["docs_dir"])):
                files.remove(f)
        for page in output.pages:
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None:
                files.remove(existing)
            markdown = preview.markdown(page) if preview is not None else page.markdown()
            file = File.generated(config, page.src_uri, content=markdown, inclusion=inclusion)
            if page.src_uri in unchanged:   # serve: MkDocs keeps the page it wrote last time (dirty build)
                file.is_modified = _not_modified
            files.append(file)
        return files

    def on_env(self, env, config, files):
        """Autoescape the theme; `fengcai serve`: MkDocs makes a new Jinja environment per build, keep the
        compiled theme templates."""
        env = autoescape_theme(env)   # nothing from content reaches Material's templates unescaped
        if self.preview is not None:
            env.bytecode_cache = self.preview.templates
        return env

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        """Our pages are one finished HTML block: skip Python-Markdown's raw-HTML scan (40 % of a big build)."""
        return "" if page.file.src_uri in self.bodies else markdown

    def on_page_content(self, html: str, page, config, files) -> str:
        return self.bodies.get(page.file.src_uri, html)

    def on_post_build(self, config) -> None:
        site_dir = Path(config["site_dir"])
        stats = write_files(self.output, site_dir)
        finish_site(site_dir, self.variant)   # kiosk: no links out; offline: links to index.html
        if self.preview is not None:           # media failures go to the banner; Pagefind runs in the background
            return self.preview.after_build(site_dir, stats)
        if stats is not None and stats.failed:
            raise Abort("以下媒体文件处理失败，网站没有生成：\n" + "\n".join(f"  {e}" for e in stats.failed))
        if self.variant.offline:               # file:// cannot load Pagefind; search-data.js replaces it
            return
        try:
            index_site(site_dir)
        except SearchIndexError as e:
            raise Abort(str(e)) from None

    def on_serve(self, server, config, builder):
        """A plain `mkdocs serve`: rebuild when content changes (each rebuild makes a new plugin)."""
        for name in ("content", "workers"):
            if (self.root / name).is_dir():
                server.watch(str(self.root / name))
        return server

    # ---- stages --------------------------------------------------------------------------------
    def _resolve(self, config) -> None:
        """Fill in what the constructor was not given: root, variant, the public model (the gate), media."""
        if self.root is None:
            self.root = Path(config.config_file_path).resolve().parent
        if self.variant is None:
            self.variant = SiteVariant.from_config(config)
        config["extra"]["fengcai"] = self.variant.as_extra()   # the templates read it there
        if self.preview is not None:
            self.public = self.preview.publication().public
            self.media = self.preview.media
        if self.public is None:
            try:
                self.public = open_public(self.root).public
            except ContentRefused as e:
                raise Abort("内容检查未通过，网站没有生成：\n" + str(e)) from None
        if self.media is None:
            self.media = open_media(self.root)

    def _generate(self) -> SiteOutput:
        if self.preview is not None:
            return self.preview.build_site(self.public, self.variant)
        try:
            return build_site(self.public, self.media, self.variant)
        except MediaError as e:
            raise Abort(f"媒体文件有问题，网站没有生成：{e}") from None

    def _site_settings(self, config) -> None:
        """site.yml's title, address and publisher become MkDocs' site_name, site_url and copyright."""
        public = self.public
        if not config.get("site_url") and public.site.base_url:
            config["site_url"] = public.site.base_url.rstrip("/") + "/"
        if public.site.title and config.get("site_name") in (None, "", "劳模风采录"):
            config["site_name"] = public.site.title
        if public.site.publisher and not config.get("copyright"):
            config["copyright"] = f"© {public.site.publisher}"


def install(config, plugin: FengcaiPlugin) -> None:
    """Register `plugin` as the config's "fengcai" plugin, the MkDocs way (`config.plugins[NAME] = …`).

    mkdocs.yml already made a default instance; a PluginCollection registers every `on_*` method of
    an instance when it is set and never forgets one, so the collection is rebuilt (same order) to
    keep the default's events from running too."""
    plugins = PluginCollection()
    for name, other in config["plugins"].items():
        plugins[name] = plugin if name == NAME else other
    if NAME not in plugins:
        plugins[NAME] = plugin
    config["plugins"] = plugins


def _not_modified() -> bool:
    return False


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
