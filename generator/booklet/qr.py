"""QR codes for profile pages, as SVG text the template draws as a vector image (crisp at any size).

Like generator/site/qr.py, but built for a 200-page booklet: a fixed mask pattern (choosing the "best"
of eight costs ~15 ms per code; any mask is valid and scans fine at 18 mm) and one SVG path written
straight from the module matrix (qrcode's SVG writer costs another ~5 ms per code).
"""

from __future__ import annotations

from functools import lru_cache

import qrcode


@lru_cache(maxsize=4096)
def qr_svg(data: str) -> str:
    """An <svg> of `data` with a two-module quiet zone; '' for empty data."""
    if not data:
        return ""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2, mask_pattern=2)
    qr.add_data(data)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    n = len(matrix)
    path = []
    for y, row in enumerate(matrix):
        x = 0
        while x < n:
            if row[x]:
                start = x
                while x < n and row[x]:
                    x += 1
                path.append(f"M{start} {y}h{x - start}v1h{start - x}z")
            else:
                x += 1
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {n} {n}" shape-rendering="crispEdges">'
            f'<rect width="{n}" height="{n}" fill="#fff"/><path fill="#000" d="{"".join(path)}"/></svg>')
