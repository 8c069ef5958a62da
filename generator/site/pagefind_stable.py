"""Make Pagefind's output the same on every run (reproducible builds).

Pagefind 1.x keeps filters in a Rust HashMap with a random seed (pagefind/src/index/mod.rs, "TODO:
Change filter indexes to BTree to give them a stable hash"), so the order of the values inside each
filter file — and of the filters and sort keys in the metadata file — changes from run to run, and
with it those files' content-hash names. Everything else Pagefind writes is already stable.

Here we put those lists in sorted order and give the rewritten files content-hash names of the
same shape; the search reads filters by name, so order carries no meaning. File format: gzip of
b"pagefind_dcd" + CBOR (arrays in field order), see pagefind/src/index/index_{filter,metadata}.rs.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"


def stabilise(pagefind_dir: Path) -> bool:
    """Rewrite, in place, the filter and metadata files of every language in `pagefind_dir`.

    Returns False, changing nothing, when the files are not in the format above (another Pagefind
    version): the search still works, only two builds' index files may then differ."""
    pagefind_dir = Path(pagefind_dir)
    entry_file = pagefind_dir / ENTRY
    try:
        entry = json.loads(entry_file.read_text(encoding="utf-8"))
        languages = {lang: _read_language(pagefind_dir, info["hash"]) for lang, info in entry["languages"].items()}
    except (OSError, ValueError, KeyError, IndexError, TypeError, cbor2.CBORDecodeError):
        return False
    for language, (meta_file, meta, filters) in sorted(languages.items()):
        meta_file.unlink()
        for old, _index in filters:
            old.unlink(missing_ok=True)
        entry["languages"][language]["hash"] = _write_language(pagefind_dir, language, meta, filters)
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_file.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return True


def _read_language(folder: Path, meta_hash: str):
    """(metadata file, its data, [(filter file, its data), …]) of one language."""
    meta_file = folder / f"pagefind.{meta_hash}.pf_meta"
    meta = _read(meta_file)        # [version, pages, index_chunks, filters, sorts]
    filters = []
    for name, file_hash in meta[3]:
        path = folder / "filter" / f"{file_hash}.pf_filter"
        index = _read(path)        # [filter name, [[value, [page numbers]], …]]
        if index[0] != name:
            raise ValueError(f"{path}: filter {index[0]!r}, expected {name!r}")
        filters.append((path, index))
    return meta_file, meta, filters


def _write_language(folder: Path, language: str, meta: list, filters: list) -> str:
    """Write the sorted files; returns the new hash of the metadata file."""
    names = []
    for _path, index in filters:
        index[1].sort(key=lambda value: value[0])
        data = _encode(index)
        new_hash = _short_hash(language, data, 7, taken={h for _, h in names})
        (folder / "filter" / f"{new_hash}.pf_filter").write_bytes(data)
        names.append([index[0], new_hash])
    meta[3] = sorted(names)
    meta[4] = sorted(meta[4], key=lambda sort: sort[0])
    data = _encode(meta)
    new_meta_hash = _short_hash(language, data, 10)
    (folder / f"pagefind.{new_meta_hash}.pf_meta").write_bytes(data)
    return new_meta_hash


def _read(path: Path):
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind data file")
    return cbor2.loads(raw[len(SIGNATURE):])


def _encode(value) -> bytes:
    return gzip.compress(SIGNATURE + cbor2.dumps(value), compresslevel=9, mtime=0)


def _short_hash(language: str, data: bytes, length: int, taken: set[str] = frozenset()) -> str:
    """`<language>_<hex>` like Pagefind's own names; longer when two different files would share one."""
    digest = hashlib.sha256(data).hexdigest()
    while f"{language}_{digest[:length]}" in taken and length < len(digest):
        length += 1
    return f"{language}_{digest[:length]}"
