"""What is already in the project: profiles and collectives (raw YAML), and the import records.

The records file, content/import-records.json, remembers for each register entry (its import key)
which file it became and a fingerprint of every value the last import wrote there. Fingerprints, not
values: a person removed from the site leaves no name or text behind in it. On the next import a value
whose fingerprint still matches was not touched by an editor and may be updated from the register;
one that differs was changed by hand and is kept (unless --overwrite). An entry whose file is gone was
deleted on purpose (e.g. consent withdrawn) and is not created again (unless --restore-deleted).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..content.fields import PLACEHOLDER
from ..content.yaml_file import load_yaml_file
from .errors import ImportStop
from .values import norm_key, same_employer

RECORDS = "content/import-records.json"
_NOTE = ("fengcai import 的导入记录：每条表格记录导入到了哪个文件，以及上次导入时写入的每一项的指纹（只有指纹，没有内容）。"
         "再次导入时据此判断哪些项被编辑改过（改过的不覆盖）、哪些资料被删除了（不再重新创建）。请不要手工修改。")


def canon(value) -> str:
    """One comparable text for a value as read from YAML or as about to be written."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "\n".join(canon(v) for v in value)
    if isinstance(value, dict):
        return "|".join(canon(value.get(k)) for k in ("title", "level", "year", "awarded_by"))
    if isinstance(value, bool):
        return "true" if value else "false"
    s = str(value).strip()
    return "" if PLACEHOLDER.fullmatch(s) else s


def fingerprint(value) -> str:
    return hashlib.sha256(canon(value).encode()).hexdigest()[:12]


@dataclass
class Existing:
    kind: str
    id: str
    path: Path                      # profile.yml or content/collectives/<id>.yml
    data: dict
    rel: str

    @property
    def name(self) -> str:
        return canon(self.data.get("name"))

    @property
    def employer(self) -> str:
        return canon(self.data.get("employer"))

    @property
    def import_id(self) -> str:
        return canon(self.data.get("import_id"))


@dataclass
class ExistingContent:
    root: Path
    items: list[Existing] = field(default_factory=list)
    records: dict[str, dict] = field(default_factory=dict)
    records_text: str = ""          # as on disk, so an unchanged import leaves the file untouched
    _idx: dict | None = None

    @classmethod
    def load(cls, root: Path) -> "ExistingContent":
        ex = cls(root)
        problems: list = []          # broken files are `fengcai check`'s to report; here they just do not match
        workers = root / "workers"
        for folder in sorted(p for p in workers.iterdir() if p.is_dir()) if workers.is_dir() else []:
            profile = folder / "profile.yml"
            if profile.is_file():
                data, _src = load_yaml_file(profile, root, problems)
                if isinstance(data, dict):
                    ex.items.append(Existing("worker", folder.name, profile, data, profile.relative_to(root).as_posix()))
        collectives = root / "content" / "collectives"
        for path in sorted(collectives.glob("*.yml")) if collectives.is_dir() else []:
            data, _src = load_yaml_file(path, root, problems)
            if isinstance(data, dict):
                ex.items.append(Existing("collective", path.stem, path, data, path.relative_to(root).as_posix()))
        rec = root / RECORDS
        if rec.is_file():
            # Unreadable records must stop the import: read as "no records", every profile deleted on
            # purpose (consent withdrawn) would be created again and every editor's change look new.
            try:
                ex.records_text = rec.read_text(encoding="utf-8")
                records = json.loads(ex.records_text).get("records", {})
                if not isinstance(records, dict):
                    raise ValueError(RECORDS)
            except (OSError, ValueError, AttributeError):
                raise ImportStop(f"导入记录 {RECORDS} 已损坏，无法读取（例如 Git 合并时留下了 <<<<<<< 冲突标记）",
                                 f"用 Git 恢复它上一个完好的版本（例如 git checkout -- {RECORDS}）或改好冲突的地方，再导入；"
                                 "不要删掉它，否则被删除的资料会重新创建") from None
            ex.records = records
        return ex

    def _index(self) -> dict:
        if self._idx is None:
            self._idx = {"id": {}, "file": {}, "name": {}}
            for e in self.items:
                if e.import_id:
                    self._idx["id"].setdefault((e.kind, e.import_id), e)
                self._idx["file"][e.rel] = e
                self._idx["name"].setdefault((e.kind, norm_key(e.name)), []).append(e)
        return self._idx

    def by_import_id(self, kind: str, key: str) -> Existing | None:
        return self._index()["id"].get((kind, key))

    def by_file(self, rel: str) -> Existing | None:
        return self._index()["file"].get(rel)

    def by_identity(self, kind: str, name: str, employer: str, association: str = "") -> Existing | None:
        for e in self.same_name(kind, name):
            if kind == "worker" and same_employer(e.employer, employer):
                return e
            if kind == "collective" and (not association or canon(e.data.get("association")) in ("", association)):
                return e
        return None

    def same_name(self, kind: str, name: str) -> list[Existing]:
        return self._index()["name"].get((kind, norm_key(name)), [])


def records_json(records: dict[str, dict]) -> str:
    return json.dumps({"说明": _NOTE, "records": records}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
