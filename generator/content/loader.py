"""Load the whole content tree into a Model: read every file once, collect every problem.

    content/site.yml, search.yml, associations/, collectives/, studios/, stories/, pages/,
    products/, services/, requests/
    workers/<id>/profile.yml (+ story.md + media)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model.corpus import Model
from ..model.source import Loc
from ..problems import Problem, error, warning
from .fields import SLUG
from .offering_reader import read_product, read_request, read_service
from .organisation_reader import read_association, read_collective, read_studio
from .search_reader import read_search_terms
from .site_reader import read_site
from .story_reader import read_page, read_story
from .worker_reader import read_worker


@dataclass
class LoadResult:
    model: Model
    problems: list[Problem] = field(default_factory=list)


def load(root: Path, read_worker_folder=None) -> LoadResult:
    """`read_worker_folder(folder, root, problems)`, when given, stands in for `read_worker`
    (`fengcai serve` passes one that re-reads only the folders that changed since its last build)."""
    root = Path(root).resolve()
    read_one = read_worker_folder or read_worker
    problems: list[Problem] = []
    content = root / "content"
    site = read_site(content / "site.yml", root, problems)
    site.synonyms = read_search_terms(content / "search.yml", root, problems, site)
    model = Model(root=root, site=site)
    for kind, reader, target in (
        ("associations", read_association, model.associations),
        ("collectives", read_collective, model.collectives),
        ("studios", read_studio, model.studios),
        ("products", read_product, model.products),
        ("services", read_service, model.services),
        ("requests", read_request, model.requests),
    ):
        for path in _files(content / kind, (".yml", ".yaml"), root, problems):
            item = reader(path, root, problems)
            if item is not None:
                target[item.id] = item
    for path in _files(content / "stories", (".md",), root, problems):
        story = read_story(path, root, problems)
        if story is not None:
            model.stories[story.id] = story
    for path in _files(content / "pages", (".md",), root, problems):
        page = read_page(path, root, problems)
        if page is not None:
            model.pages[page.id] = page
    workers_dir = root / "workers"
    if workers_dir.is_dir():
        for folder in sorted(p for p in workers_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            rel = folder.relative_to(root).as_posix()
            if not SLUG.match(folder.name):
                problems.append(error(Loc(rel + "/profile.yml"), f"文件夹名「{folder.name}」不是有效的编号",
                                      "文件夹名就是网址的一部分，只能用小写字母、数字和连字符，例如 sun-meijin（可用 fengcai new worker 生成）", "schema.slug"))
                continue
            w = read_one(folder, root, problems)
            if w is not None:
                model.workers[w.id] = w
    else:
        problems.append(warning(Loc("workers/"), "没有 workers 文件夹", "劳模资料放在 workers/<编号>/profile.yml", "worker.none"))
    return LoadResult(model, problems)


def _files(folder: Path, suffixes: tuple, root: Path, problems: list[Problem]) -> list[Path]:
    if not folder.is_dir():
        return []
    out = []
    for p in sorted(folder.iterdir()):
        if p.name.startswith((".", "_")) or p.is_dir():
            continue
        if p.suffix.lower() in suffixes:
            out.append(p)
        elif p.suffix.lower() in (".yml", ".yaml", ".md", ".txt") and folder.name != "pages":
            companion = p.with_suffix(".yml")
            if p.suffix.lower() == ".md" and companion.is_file():
                continue  # <id>.md is the story of <id>.yml
            problems.append(warning(Loc(p.relative_to(root).as_posix()), f"不认识的文件「{p.name}」，已忽略",
                                    "检查扩展名（.yml 或 .md）和文件名", "file.ignored"))
    return out
