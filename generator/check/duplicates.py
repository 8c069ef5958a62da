"""The same person in two folders (same name and employer) is an error: the site would show them twice."""

from __future__ import annotations

import re

from ..model.corpus import Model
from ..problems import Problem, error


def _norm(s: str) -> str:
    return re.sub(r"[\s()（）·・]", "", s)


def check(model: Model) -> list[Problem]:
    out: list[Problem] = []
    first: dict[tuple, str] = {}
    for w in sorted(model.workers.values(), key=lambda w: w.id):
        if not w.name or not w.employer:
            continue
        key = (_norm(w.name), _norm(w.employer))
        if key in first:
            loc = w.source.loc("name")
            out.append(error(loc, f"「{w.name}」（{w.employer}）已经在 workers/{first[key]}/ 里有资料，同一个人出现在两个文件夹",
                             f"保留一个文件夹：把有用的内容合并到 workers/{first[key]}/ 后删除这个文件夹；如果确实是同名同单位的两个人，在其中一人的 employer 里写清部门",
                             "duplicate.person", w.source.line_text(loc.line)))
        else:
            first[key] = w.id
    return out
