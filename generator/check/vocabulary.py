"""Values that should come from site.yml's vocabularies: unknown ones are warnings with a did-you-mean."""

from __future__ import annotations

from ..content.fields import did_you_mean
from ..model.corpus import Model
from ..model.honors import LEVEL_LABELS
from ..problems import Problem, warning


def check(model: Model) -> list[Problem]:
    site = model.site
    out: list[Problem] = []
    items = [(w.source, w.honors) for w in model.workers.values()] + [(c.source, c.honors) for c in model.collectives.values()]
    for w in model.workers.values():
        if site.industries and w.industry and w.industry not in site.industries:
            loc = w.source.loc("industry")
            guess = did_you_mean(w.industry, site.industries) or next((i for i in site.industries if i in w.industry or w.industry in i), None)
            hint = f"你是不是想写「{guess}」？" if guess else "可选的行业见 content/site.yml 的 vocabularies.industries；确实需要新行业请先加到那里"
            out.append(warning(loc, f"行业「{w.industry}」不在行业词表里", hint, "vocab.industry", w.source.line_text(loc.line)))
    if not site.honor_titles:
        return out
    for source, honors in items:
        for i, h in enumerate(honors):
            loc = source.loc("honors", i, "title")
            if h.title not in site.honor_titles:
                guess = did_you_mean(h.title, site.honor_titles)
                hint = f"你是不是想写「{guess}」？" if guess else "常用称号见 content/site.yml 的 vocabularies.honor_titles；确实是新称号请先加到那里"
                out.append(warning(loc, f"荣誉称号「{h.title}」不在称号词表里", hint, "vocab.honor", source.line_text(loc.line)))
            elif site.honor_titles[h.title] != h.level:
                expected = site.honor_titles[h.title]
                lloc = source.loc("honors", i, "level")
                out.append(warning(lloc, f"「{h.title}」在词表里是{LEVEL_LABELS.get(expected, expected)}，这里写的是 {h.level}",
                                   f"改为「level: {expected}」", "vocab.level", source.line_text(lloc.line)))
    return out
