"""Cross-references: every association, studio and worker id named somewhere must exist."""

from __future__ import annotations

from ..content.fields import did_you_mean
from ..model.corpus import Model
from ..model.source import Source
from ..problems import Problem, error, warning


def _missing(source: Source, path: tuple, what: str, value: str, choices, command_hint: str) -> Problem:
    loc = source.loc(*path)
    guess = did_you_mean(value, choices)
    hint = f"你是不是想写「{guess}」？" if guess else f"可用的{what}编号：" + "、".join(sorted(choices)[:12]) + ("…" if len(choices) > 12 else "")
    if not choices:
        hint = command_hint
    return error(loc, f"{what}编号「{value}」不存在", hint, "ref.missing", source.line_text(loc.line))


def check(model: Model) -> list[Problem]:
    out: list[Problem] = []
    assocs, studios, workers = model.associations, model.studios, model.workers
    a_hint = "先在 content/associations/ 里添加这个协会"

    for a in assocs.values():
        if a.parent and a.parent not in assocs:
            out.append(_missing(a.source, ("parent",), "上级协会", a.parent, assocs, a_hint))
        if a.parent == a.id:
            out.append(error(a.source.loc("parent"), "协会的上级不能是它自己", "最上级的协会（市级）不写 parent", "ref.cycle"))
    out.extend(_cycles(model))
    if model.site.root_association and model.site.root_association not in assocs and assocs:
        out.append(_missing(model.site.source, ("root_association",), "协会", model.site.root_association, assocs, a_hint))

    for w in workers.values():
        if w.association and w.association not in assocs:
            out.append(_missing(w.source, ("association",), "协会", w.association, assocs, a_hint))
        if w.studio and w.studio not in studios:
            out.append(_missing(w.source, ("studio",), "创新工作室", w.studio, studios,
                                "在 content/studios/ 里添加这个工作室，或写成 studio: {name: 工作室名称}"))
    for c in model.collectives.values():
        if c.association and c.association not in assocs:
            out.append(_missing(c.source, ("association",), "协会", c.association, assocs, a_hint))
    for s in studios.values():
        if s.association and s.association not in assocs:
            out.append(_missing(s.source, ("association",), "协会", s.association, assocs, a_hint))
        if s.leader and s.leader not in workers:
            out.append(_missing(s.source, ("leader",), "劳模", s.leader, workers, "领衔人写 workers/ 下的文件夹名"))
    for st in model.stories.values():
        if st.association and st.association not in assocs:
            out.append(_missing(st.source, ("association",), "协会", st.association, assocs, a_hint))
        for i, wid in enumerate(st.workers):
            if wid not in workers:
                out.append(_missing(st.source, ("workers", i), "劳模", wid, workers, "写 workers/ 下的文件夹名"))
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
