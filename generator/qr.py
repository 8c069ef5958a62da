"""QR codes as SVG, for worker pages and booklet profiles (crisp on screen and on paper).

Drawn from the module matrix as one path of horizontal runs. The mask pattern is fixed: qrcode's
search for the "best" of eight masks was most of the cost (2,000 pages: 35 s → 2 s), and any mask
is valid and scans fine at the sizes we print.
"""

from __future__ import annotations

import json
import os
from html import escape
from pathlib import Path

import qrcode

BORDER = 2
MASK = 2
VERSION = 1  # bump when the drawing changes: the disk memo is keyed by it

# data → (size, path d). A code costs 2–4 ms; 10,000 worker pages would spend 20–40 s on codes whose
# URLs never change, so builds keep them in <root>/.cache/qr.json (see open_memo / save_memo).
_memo: dict[str, list] = {}
_memo_file: Path | None = None
_memo_dirty = False


def open_memo(cache_dir: Path) -> None:
    global _memo_file
    file = Path(cache_dir) / "qr.json"
    if file == _memo_file:
        return
    _memo_file = file
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        if data.get("version") == VERSION:
            _memo.update(data["codes"])
    except (OSError, ValueError, KeyError, AttributeError):
        pass


def save_memo() -> None:
    global _memo_dirty
    if not (_memo_dirty and _memo_file):
        return
    try:
        _memo_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = _memo_file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"version": VERSION, "codes": _memo}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, _memo_file)
        _memo_dirty = False
    except OSError:
        pass  # only a speed-up


def qr_svg(data: str, label: str = "") -> str:
    """An <svg> of `data` (sized by CSS or the booklet template); '' for empty data.

    `label`: accessible name for the web page (role="img"); the booklet leaves it empty.
    """
    global _memo_dirty
    if not data:
        return ""
    if data not in _memo:
        _memo[data] = list(_draw(data))
        _memo_dirty = True
    size, path = _memo[data]
    a11y = f' class="fc-qr" role="img" aria-label="{escape(label)}"' if label else ""
    return (f'<svg{a11y} xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges">'
            f'<rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>')


def _draw(data: str) -> tuple[int, str]:
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=BORDER, mask_pattern=MASK)
    qr.add_data(data)
    qr.make(fit=True)
    matrix = qr.get_matrix()          # includes the border
    size = len(matrix)
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < size:
            if row[x]:
                start = x
                while x < size and row[x]:
                    x += 1
                runs.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
            else:
                x += 1
    return size, "".join(runs)
