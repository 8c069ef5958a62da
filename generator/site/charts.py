"""Bar charts as inline SVG, drawn at build time: no chart library, nothing loaded in the browser.

Every chart also carries its numbers as a table (for screen readers and print), see the templates.
SVG text scales with the drawing, not with the page's text, so each chart comes twice: the usual one and
one laid out for 长者模式 (labels above the bars, text about twice as large); reach.css shows one of them.
"""

from __future__ import annotations

from html import escape

LEVEL_COLOURS = {"national": "#b71c1c", "provincial": "#e65100", "municipal": "#f9a825", "county": "#6d4c41"}
BAR = "#c62828"


def hbar_chart(rows: list[tuple[str, int]], title: str, unit: str = "位") -> str:
    """Horizontal bars, one row per label: readable on a phone without rotating it."""
    if not rows:
        return ""
    return _hbar(rows, title, unit, big=False) + _hbar(rows, title, unit, big=True)


def _hbar(rows: list[tuple[str, int]], title: str, unit: str, big: bool) -> str:
    width, pad = 420, 6
    top = max(v for _, v in rows) or 1
    # usual: the label left of the bar; 长者模式: the label on its own line above the bar, in large type
    label_w, row_h, label_h = (0, 72, 34) if big else (120, 36, 0)
    height = row_h * len(rows) + pad * 2
    bar_space = width - label_w - (70 if big else 44)
    parts = [_open(width, height, title, big)]
    for i, (label, value) in enumerate(rows):
        y = pad + i * row_h
        w = max(2, round(bar_space * value / top)) if value else 0
        bar_y, bar_h = (y + label_h, row_h - label_h - 8) if big else (y + 5, row_h - 10)
        if big:
            parts.append(f'<text x="0" y="{y + 28}" class="fc-chart__label">{escape(_short(label, 12))}</text>')
        else:
            parts.append(f'<text x="{label_w - 10}" y="{y + row_h / 2 + 6}" text-anchor="end" class="fc-chart__label">{escape(_short(label, 6))}</text>')
        parts.append(f'<rect x="{label_w}" y="{bar_y}" width="{w}" height="{bar_h}" rx="3" fill="{BAR}"><title>{escape(label)}：{value}{unit}</title></rect>')
        parts.append(f'<text x="{label_w + w + 8}" y="{bar_y + bar_h / 2 + (10 if big else 6)}" class="fc-chart__value">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)


def stacked_columns(table: dict[int, dict[str, int]], series: dict[str, str], title: str) -> str:
    """One column per year, stacked by series (honor level); `series` maps key → label."""
    if not table:
        return ""
    return _columns(table, series, title, big=False) + _columns(table, series, title, big=True)


def _columns(table: dict[int, dict[str, int]], series: dict[str, str], title: str, big: bool) -> str:
    years = list(table)
    width, height, left, bottom, top_pad = (440, 320, 56, 56, 24) if big else (440, 280, 34, 36, 14)
    plot_h = height - bottom - top_pad
    peak = max(sum(v.values()) for v in table.values()) or 1
    step = (width - left - 10) / len(years)
    col_w = max(4.0, min(36.0, step * 0.7))
    parts = [_open(width, height, title, big)]
    for k in range(0, peak + 1, max(1, -(-peak // (3 if big else 4)))):
        y = top_pad + plot_h - plot_h * k / peak
        parts.append(f'<line x1="{left}" x2="{width - 4}" y1="{y:.1f}" y2="{y:.1f}" class="fc-chart__grid"/>')
        parts.append(f'<text x="{left - 6}" y="{y + (10 if big else 5):.1f}" text-anchor="end" class="fc-chart__tick">{k}</text>')
    label_every = max(1, -(-len(years) // (3 if big else 5)))
    for i, year in enumerate(years):
        x = left + i * step + (step - col_w) / 2
        y = top_pad + plot_h
        for key, label in series.items():
            n = table[year].get(key, 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{col_w:.1f}" height="{h:.1f}" fill="{LEVEL_COLOURS.get(key, BAR)}">'
                         f'<title>{year}年 {escape(label)}：{n}项</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text x="{x + col_w / 2:.1f}" y="{height - bottom + (40 if big else 22)}" text-anchor="middle" class="fc-chart__tick">{year}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _open(width: int, height: int, title: str, big: bool = False) -> str:
    kind = "fc-chart--elder" if big else "fc-chart--usual"
    return (f'<svg class="fc-chart {kind}" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
            f'preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>')


def _short(label: str, n: int = 9) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"
