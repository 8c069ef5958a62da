"""Hidden search aliases for a worker page, so a reader finds a name however they type it.

Pagefind's browser-side segmentation splits most 3-character names into single characters, so the
page also carries the name with its characters spaced, the given name alone, and the pinyin forms.
"""

from __future__ import annotations

import re

from ..model.entities import Worker

_CJK = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f])")


def spaced(text: str) -> str:
    """"湖州清源电力" → "湖 州 清 源 电 力": every Chinese character its own search token.

    The search page also retries a query character by character, so employers, studios and honors
    are found however the browser and the indexer happen to split them into words.
    """
    return " ".join(_CJK.sub(r" \1 ", text or "").split())


def name_aliases(worker: Worker) -> list[str]:
    """孙梅金 → ["孙 梅 金", "孙梅金", "梅金", "sunmeijin", "sun mei jin", "sun meijin", "smj"]."""
    syl = [s for s in worker.pinyin_syllables if s and s.isascii()]
    chars = [c for c in worker.name if not c.isspace()]
    out = [" ".join(chars), worker.name, worker.given_name, worker.surname]
    if syl:
        n = len(worker.surname)
        out += ["".join(syl), " ".join(syl), worker.pinyin_plain,
                "".join(syl[:n]) + " " + " ".join(syl[n:]), worker.pinyin_initials]
    return _unique(out)


def phrase_aliases(*texts: str) -> list[str]:
    """Spaced-out forms of the phrases a reader may type (employer, studio, honor, place…)."""
    return _unique([spaced(t) for t in texts if t and _CJK.search(t)])


def _unique(out: list[str]) -> list[str]:
    seen: set[str] = set()
    unique = []
    for a in out:
        a = a.strip()
        if a and a not in seen:
            seen.add(a)
            unique.append(a)
    return unique
