"""The kinds of content in one table: where each kind's files live, which Model dict holds it, its URL.

`item_of(path)` and `files_of(kind, id)` turn a content file path into the item it belongs to and back;
`fengcai check --changed`, the gate (an item whose files have errors) and the preview use them.
"""

from __future__ import annotations

from dataclasses import dataclass

SITE = ("site", "")          # settings every page depends on
SITE_FILES = ("content/site.yml", "content/search.yml")


@dataclass(frozen=True)
class Kind:
    name: str        # "worker"
    attr: str        # the Model's dict of this kind: "workers"
    folder: str      # where its files are, relative to the project: "workers", "content/studios"
    url: str         # its page: "workers/{}/" ("" when it has none)


KINDS = (
    Kind("association", "associations", "content/associations", "associations/{}/"),
    Kind("collective", "collectives", "content/collectives", "collectives/{}/"),
    Kind("studio", "studios", "content/studios", "studios/{}/"),
    Kind("story", "stories", "content/stories", "stories/{}/"),
    Kind("page", "pages", "content/pages", "pages/{}/"),
    Kind("worker", "workers", "workers", "workers/{}/"),
    Kind("product", "products", "content/products", "products/{}/"),
    Kind("service", "services", "content/services", ""),     # shown on services/ and association pages,
    Kind("request", "requests", "content/requests", ""),     # on requests/ and the taker's page: no page of its own
)
BY_NAME = {k.name: k for k in KINDS}


def item_of(path: str) -> tuple[str, str] | None:
    """("worker", id), ("story", id), … for a content file path; SITE for the settings; None for other files.

    A worker is a folder (every file in it is the worker's); other kinds are `<id>.yml` + `<id>.md`."""
    if path in SITE_FILES:
        return SITE
    parts = path.split("/")
    if parts[0] == "workers" and len(parts) >= 2 and parts[1]:
        return ("worker", parts[1])
    if parts[0] == "content" and len(parts) == 3:
        kind = next((k for k in KINDS if k.folder == f"content/{parts[1]}"), None)
        return (kind.name, parts[2].rsplit(".", 1)[0]) if kind else None
    return None


def files_of(kind: str, item_id: str) -> set[str]:
    """The file and folder paths an item may have (as item_of reads them)."""
    if (kind, item_id) == SITE:
        return set(SITE_FILES)
    k = BY_NAME[kind]
    if kind == "worker":
        return {f"{k.folder}/{item_id}"}
    return {f"{k.folder}/{item_id}.yml", f"{k.folder}/{item_id}.md", f"{k.folder}/{item_id}"}
