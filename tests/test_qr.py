"""The profile QR code: the SVG path draws exactly the modules of the QR matrix."""

from __future__ import annotations

import re

import qrcode

from generator.qr import qr_svg

URL = "https://fengcai.example.org/workers/sun-meijin/"


def test_svg_path_draws_the_qr_matrix():
    svg = qr_svg(URL)
    n = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    drawn = [[False] * n for _ in range(n)]
    for x, y, w in re.findall(r"M(\d+) (\d+)h(\d+)v1h-\d+z", svg):
        for i in range(int(w)):
            drawn[int(y)][int(x) + i] = True
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2, mask_pattern=2)
    qr.add_data(URL)
    qr.make(fit=True)
    assert drawn == qr.get_matrix()


def test_empty_url_no_code():
    assert qr_svg("") == ""
