"""QR codes as SVG, for worker pages and booklet profiles (crisp on screen and on paper).

Drawn from the module matrix as one path of horizontal runs. The mask pattern is fixed: qrcode's
search for the "best" of eight masks was most of the cost (2,000 pages: 35 s → 2 s), and any mask
is valid and scans fine at the sizes we print.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

import qrcode

BORDER = 2
MASK = 2


@lru_cache(maxsize=4096)
def qr_svg(data: str, label: str = "") -> str:
    """An <svg> of `data` (sized by CSS or the booklet template); '' for empty data.

    `label`: accessible name for the web page (role="img"); the booklet leaves it empty.
    """
    if not data:
        return ""
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
    a11y = f' class="fc-qr" role="img" aria-label="{escape(label)}"' if label else ""
    return (f'<svg{a11y} xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges">'
            f'<rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{"".join(runs)}"/></svg>')
