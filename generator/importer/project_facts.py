"""What the project already knows that an import needs: associations (and their regions), the honour
and industry vocabularies of content/site.yml. Place names come from here, never from the code."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..content.yaml_file import load_yaml_file
from .values import level_from_word, norm_key

_REGION_PART = re.compile(r".+?(?:特别行政区|自治区|自治州|自治县|省|市|区|县|旗|盟)")
_NATIONAL = ("全国", "中华全国", "国家", "中国", "国务院")


@dataclass
class AssociationFacts:
    id: str
    name: str
    short_name: str
    parent: str
    region: str


@dataclass
class ProjectFacts:
    root: Path
    associations: dict[str, AssociationFacts] = field(default_factory=dict)
    honor_titles: dict[str, str] = field(default_factory=dict)        # title → level
    industries: list[str] = field(default_factory=list)
    regions: dict[str, str] = field(default_factory=dict)             # 浙江省/浙江/湖州市/湖州… → level

    @classmethod
    def load(cls, root: Path) -> "ProjectFacts":
        facts = cls(root)
        problems: list = []   # a broken site.yml or association file is `fengcai check`'s to report
        site_path = root / "content" / "site.yml"
        if site_path.is_file():
            data, _src = load_yaml_file(site_path, root, problems)
            voc = (data or {}).get("vocabularies") or {}
            if isinstance(voc, dict):
                titles = voc.get("honor_titles") or {}
                if isinstance(titles, dict):
                    facts.honor_titles = {str(k): str(v) for k, v in titles.items() if v}
                inds = voc.get("industries") or []
                if isinstance(inds, list):
                    facts.industries = [str(i) for i in inds if i]
        folder = root / "content" / "associations"
        for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
            data, _src = load_yaml_file(path, root, problems)
            if not isinstance(data, dict):
                continue
            name = str(data.get("name") or "")
            facts.associations[path.stem] = AssociationFacts(
                path.stem, name, str(data.get("short_name") or name.replace("劳模协会", "").replace("劳动模范协会", "")),
                str(data.get("parent") or ""), str(data.get("region") or ""))
        facts.regions = facts._region_levels()
        return facts

    # ---- honour levels -----------------------------------------------------------------------------
    def _region_levels(self) -> dict[str, str]:
        """Place names → the level of an honour named after them, from the associations' `region`
        (浙江省湖州市南浔区 → 浙江省 provincial, 湖州市 municipal, 南浔区 county) and short names."""
        out: dict[str, str] = {}
        for a in self.associations.values():
            for text in (a.region, a.short_name):
                parts = _REGION_PART.findall(text or "")
                for i, part in enumerate(parts):
                    level = _level_of_place(part, i, len(parts))
                    if level:
                        out.setdefault(part, level)
                        short = re.sub(r"(省|市|区|县)$", "", part)
                        if len(short) >= 2:
                            out.setdefault(short, level)
        return out

    def level_of(self, title: str, written: str = "") -> tuple[str, str]:
        """(level id, how it was found) for an honour title; ("", "") when nothing tells."""
        if written:
            lv = level_from_word(written)
            if lv:
                return lv, "表格里写的级别"
        if title in self.honor_titles:
            return self.honor_titles[title], "网站词表"
        for word, lv in (("省级", "provincial"), ("市级", "municipal"), ("县级", "county"), ("区级", "county"), ("国家级", "national")):
            if word in title:
                return lv, "称号里的级别"
        if title.startswith(_NATIONAL):
            return "national", "称号以“全国”开头"
        rest, found = title, ""
        while True:
            prefix = max((p for p in self.regions if rest.startswith(p)), key=len, default="")
            if not prefix:
                break
            found = self.regions[prefix] if _more_specific(self.regions[prefix], found) else found
            rest = rest[len(prefix):]
        if found:
            return found, "称号里的地名"
        m = re.match(r"^[\u4e00-\u9fff]{2,4}?(自治区|省|市|区|县)", title)
        if m:
            return {"自治区": "provincial", "省": "provincial", "市": "municipal"}.get(m.group(1), "county"), "称号里的地名"
        return "", ""

    # ---- associations ------------------------------------------------------------------------------
    def association_of(self, text: str) -> str:
        """An association id for what a register writes in its 所属区县/协会 column ("长兴县", "南浔区劳模协会", "anji")."""
        t = norm_key(re.sub(r"(劳动模范协会|劳模协会|劳模工匠协会|协会|总工会|工会)$", "", str(text).strip()))
        if not t:
            return ""
        if t in self.associations:
            return t
        for a in self.associations.values():
            names = {norm_key(a.name), norm_key(a.short_name), norm_key(_last_part(a.region))}
            names |= {re.sub(r"(市|区|县)$", "", n) for n in names if len(n) > 2}
            names.discard("")
            if t in names or norm_key(str(text)) in names:
                return a.id
        return ""

    def association_in_title(self, lines: list[str]) -> str:
        """The most specific association whose name appears in the sheet's title rows."""
        text = norm_key(" ".join(lines))
        best, depth = "", -1
        for a in self.associations.values():
            names = [norm_key(n) for n in (a.name, a.short_name, _last_part(a.region)) if n]
            if any(n and len(n) >= 2 and n in text for n in names):
                d = self.depth(a.id)
                if d > depth:
                    best, depth = a.id, d
        return best

    def depth(self, aid: str) -> int:
        d, seen = 0, set()
        while aid in self.associations and self.associations[aid].parent and aid not in seen:
            seen.add(aid)
            aid = self.associations[aid].parent
            d += 1
        return d

    def industry_of(self, text: str) -> str:
        """The vocabulary's spelling of an industry when it is clearly the same word; else the text as typed."""
        t = str(text).strip()
        for ind in self.industries:
            if norm_key(ind) == norm_key(t):
                return ind
        return t


def _last_part(region: str) -> str:
    parts = _REGION_PART.findall(region or "")
    return parts[-1] if parts else ""


def _level_of_place(part: str, index: int, count: int) -> str:
    if part.endswith(("省", "自治区", "特别行政区")):
        return "provincial"
    if part.endswith(("区", "县", "旗", "自治县")):
        return "county"
    if part.endswith(("市", "自治州", "盟")):
        return "municipal" if index <= 1 and not (index == count - 1 and count >= 3) else "county"
    return ""


def _more_specific(level: str, than: str) -> bool:
    order = ("", "national", "provincial", "municipal", "county")
    return order.index(level) > order.index(than) if level in order and than in order else bool(level)
