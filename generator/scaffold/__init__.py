"""`fengcai new`: skeleton files for a new worker, collective, studio, story, association, product,
service or 点单 request.

Every key of a skeleton carries a Chinese comment and an example; what the editor must still write is
marked 【待填写…】, which `fengcai check` lists until it is replaced.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..content.yaml_file import load_yaml_file
from ..content.yaml_reader import NULL_WORDS
from ..model.names import slugify_name, slugify_text

_PLAIN = re.compile(r"[\w\u3400-\u9fff\U00020000-\U0003134f·（）()\-]+")


def _yaml_scalar(v) -> str:
    """A value as YAML text that reads back as exactly this string (quoted unless plainly safe)."""
    s = str(v)
    return s if _PLAIN.fullmatch(s) and s not in NULL_WORDS else json.dumps(s, ensure_ascii=False)


_env = Environment(loader=PackageLoader("generator.scaffold", "templates"), undefined=StrictUndefined,
                   keep_trailing_newline=True, autoescape=False)
_env.filters["yaml"] = _yaml_scalar


@dataclass
class Created:
    id: str
    files: list[Path]


def unique_id(base: str, taken) -> str:
    """`base`, or `base-2`, `base-3`… when taken (a folder or file of that name exists)."""
    if not taken(base):
        return base
    n = 2
    while taken(f"{base}-{n}"):
        n += 1
    return f"{base}-{n}"


def _write(path: Path, template: str, **values) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_env.get_template(template).render(**values), encoding="utf-8")
    return path


def workers_named(root: Path, name: str) -> list[tuple[str, str]]:
    """(folder id, employer) of the workers already called `name` (their folders share its slug)."""
    base = slugify_name(name)
    same_slug = re.compile(rf"{re.escape(base)}(-\d+)?")
    out = []
    for profile in sorted((root / "workers").glob(f"{base}*/profile.yml")):
        if not same_slug.fullmatch(profile.parent.name):
            continue
        data, _ = load_yaml_file(profile, root, [])
        if isinstance(data, dict) and str(data.get("name") or "").strip() == name:
            out.append((profile.parent.name, str(data.get("employer") or "").strip()))
    return out


def new_worker(root: Path, name: str, association: str = "") -> Created:
    workers = root / "workers"
    wid = unique_id(slugify_name(name), lambda i: (workers / i).exists())
    folder = workers / wid
    values = {"name": name, "association": association or "【待填写：协会编号，例如 nanxun】"}
    return Created(wid, [_write(folder / "profile.yml", "worker.yml", **values),
                         _write(folder / "story.md", "worker-story.md", **values)])


def _new_in(root: Path, folder: str, name: str, template: str, **values) -> Created:
    base = root / "content" / folder
    item_id = unique_id(values.pop("id", None) or slugify_text(name), lambda i: (base / f"{i}.yml").exists())
    files = [_write(base / f"{item_id}.yml", template, name=name, **values)]
    if template == "association.yml":
        files.append(_write(base / f"{item_id}.md", "association.md"))
    return Created(item_id, files)


def new_collective(root: Path, name: str, association: str = "") -> Created:
    return _new_in(root, "collectives", name, "collective.yml", association=association or "【待填写：协会编号】")


def new_studio(root: Path, name: str, association: str = "") -> Created:
    return _new_in(root, "studios", name, "studio.yml", association=association)


def new_association(root: Path, name: str, item_id: str = "", parent: str = "") -> Created:
    return _new_in(root, "associations", name, "association.yml", id=item_id or None, parent=parent)


def new_product(root: Path, name: str, association: str = "") -> Created:
    base = root / "content" / "products"
    pid = unique_id(slugify_text(name), lambda i: (base / f"{i}.yml").exists())
    return Created(pid, [_write(base / f"{pid}.yml", "product.yml", name=name, id=pid,
                                association=association or "【待填写：协会编号，例如 changxing】")])


def new_service(root: Path, name: str, association: str = "") -> Created:
    """A service's id starts with its association's (deqing-jineng-peixun): every association has a 技能培训."""
    base = root / "content" / "services"
    stem = f"{association}-{slugify_text(name)}" if association else slugify_text(name)
    sid = unique_id(stem[:60].strip("-"), lambda i: (base / f"{i}.yml").exists())
    return Created(sid, [_write(base / f"{sid}.yml", "service.yml", name=name,
                                association=association or "【待填写：协会编号，例如 deqing】")])


def new_request(root: Path, title: str, service: str = "", date: dt.date | None = None) -> Created:
    """content/requests/<date>-<slug>.yml: the date it was asked for comes first, so the folder reads in order."""
    date = date or dt.date.today()
    base = root / "content" / "requests"
    stem = f"{date.isoformat()}-{slugify_text(title)[:40].strip('-')}"
    rid = unique_id(stem, lambda i: (base / f"{i}.yml").exists())
    return Created(rid, [_write(base / f"{rid}.yml", "request.yml", name=title, date=date.isoformat(),
                                service=service or "【待填写：服务项目编号，例如 deqing-jineng-peixun】")])


def new_story(root: Path, title: str, association: str = "", date: dt.date | None = None, slug: str = "") -> Created:
    date = date or dt.date.today()
    base = root / "content" / "stories"
    stem = f"{date.isoformat()}-{slug or slugify_text(title)[:40].strip('-')}"
    sid = unique_id(stem, lambda i: (base / f"{i}.md").exists())
    return Created(sid, [_write(base / f"{sid}.md", "story.md", name=title, date=date.isoformat(), association=association)])
