"""Cross-references: every association, studio and worker id named somewhere must exist.

Editors often write the name instead of the id (`association: 南浔区劳模协会`, `leader: 孙梅金`);
the hint then names the id that goes with it.
"""

from __future__ import annotations

import re

from ..content.fields import did_you_mean
from ..model.corpus import Model
from ..model.source import Source
from ..problems import Problem, error, shorten, warning

_GENERIC = re.compile(r"(劳动模范协会|劳模协会|协会|劳模|创新工作室|工作室|市|区|县)$")


def id_for_name(value: str, names: dict[str, list[str]]) -> str | None:
    """The id whose name (or short name) the editor wrote: exact first, then the one name containing
    it or contained in it (南浔 → 南浔区劳模协会 → nanxun). None when that is not one id."""
    value = value.strip()
    if not value:
        return None
    exact = {i for i, ns in names.items() if value in ns}
    if len(exact) == 1:
        return exact.pop()
    core = _GENERIC.sub("", value) or value
    near = {i for i, ns in names.items() for n in ns if n and (core in n or n in value)}
    return near.pop() if len(near) == 1 else None


def association_names(model: Model) -> dict[str, list[str]]:
    return {a.id: [a.name, a.short_name] for a in model.associations.values()}


def option_hint(option: str, value: str, names: dict[str, list[str]]) -> str:
    """The hint for a command-line option naming an association that does not exist (`--association 南浔`)."""
    by_name = id_for_name(value, names)
    if by_name:
        return f"「{names[by_name][0]}」的编号是 {by_name}：写成 {option} {by_name}"
    guess = did_you_mean(value, names)
    if guess:
        return f"你是不是想写 {option} {guess}？"
    return "可用的协会编号：" + "、".join(f"{i}（{ns[0]}）" for i, ns in sorted(names.items()))


def missing_hint(value: str, what: str, choices, names: dict[str, list[str]] | None = None, key: str = "") -> str:
    """How to fix a reference to an id that does not exist."""
    by_name = id_for_name(value, names) if names else None
    if by_name:
        name = names[by_name][0]
        return f"这里要写{what}的编号，不是名称：「{name}」的编号是 {by_name}，写成「{key + ': ' if key else ''}{by_name}」"
    guess = did_you_mean(value, choices)
    if guess:
        return f"你是不是想写「{guess}」？"
    return f"可用的{what}编号：" + "、".join(sorted(choices)[:12]) + ("…" if len(choices) > 12 else "")


def _missing(source: Source, path: tuple, what: str, value: str, choices, command_hint: str,
             names: dict[str, list[str]] | None = None) -> Problem:
    loc = source.loc(*path)
    key = path[-1] if isinstance(path[-1], str) else ""  # a list item ("workers", 2) has no key of its own
    hint = missing_hint(value, what, choices, names, key) if choices else command_hint
    return error(loc, f"{what}编号「{shorten(value)}」不存在", hint, "ref.missing", source.line_text(loc.line))


def check(model: Model) -> list[Problem]:
    out: list[Problem] = []
    assocs, studios, workers = model.associations, model.studios, model.workers
    a_hint = "先在 content/associations/ 里添加这个协会"
    a_names = association_names(model)
    s_names = {s.id: [s.name] for s in studios.values()}
    w_names = {w.id: [w.name] for w in workers.values()}

    for a in assocs.values():
        if a.parent and a.parent not in assocs:
            out.append(_missing(a.source, ("parent",), "上级协会", a.parent, assocs, a_hint, a_names))
        if a.parent == a.id:
            out.append(error(a.source.loc("parent"), "协会的上级不能是它自己", "最上级的协会（市级）不写 parent", "ref.cycle"))
    out.extend(_cycles(model))
    if model.site.root_association and model.site.root_association not in assocs and assocs:
        out.append(_missing(model.site.source, ("root_association",), "协会", model.site.root_association, assocs, a_hint, a_names))

    for w in workers.values():
        if w.association and w.association not in assocs:
            out.append(_missing(w.source, ("association",), "协会", w.association, assocs, a_hint, a_names))
        if w.studio and w.studio not in studios:
            out.append(_missing(w.source, ("studio",), "创新工作室", w.studio, studios,
                                "在 content/studios/ 里添加这个工作室，或写成 studio: {name: 工作室名称}", s_names))
    for c in model.collectives.values():
        if c.association and c.association not in assocs:
            out.append(_missing(c.source, ("association",), "协会", c.association, assocs, a_hint, a_names))
    for s in studios.values():
        if s.association and s.association not in assocs:
            out.append(_missing(s.source, ("association",), "协会", s.association, assocs, a_hint, a_names))
        if s.leader and s.leader not in workers:
            out.append(_missing(s.source, ("leader",), "劳模", s.leader, workers, "领衔人写 workers/ 下的文件夹名", w_names))
    for st in model.stories.values():
        if st.association and st.association not in assocs:
            out.append(_missing(st.source, ("association",), "协会", st.association, assocs, a_hint, a_names))
        for i, wid in enumerate(st.workers):
            if wid not in workers:
                out.append(_missing(st.source, ("workers", i), "劳模", wid, workers, "写 workers/ 下的文件夹名", w_names))
            elif not workers[wid].published and not st.draft:
                loc = st.source.loc("workers", i)
                w = workers[wid]
                state = "已撤回公开同意" if w.consent and w.consent.withdrawn else "还是草稿"
                out.append(warning(loc, f"劳模「{wid}」{state}，这篇文章发布后不会链接到他/她，也不会列出", "从 workers: 列表中去掉这一行", "ref.draft", st.source.line_text(loc.line)))
    return out


def _cycles(model: Model) -> list[Problem]:
    out = []
    for a in model.associations.values():
        seen, cur = {a.id}, a
        while cur.parent and cur.parent in model.associations:
            if cur.parent in seen:
                out.append(error(a.source.loc("parent"), f"协会的上下级关系绕成了一个圈（{a.id} → … → {cur.parent}）",
                                 "检查各协会的 parent，最上级的市协会不写 parent", "ref.cycle"))
                break
            seen.add(cur.parent)
            cur = model.associations[cur.parent]
    return out
