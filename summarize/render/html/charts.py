"""Charts drawn as inline SVG: no library, no external resource, scale with the page.

Each chart has a ``<title>``/``<desc>`` for screen readers and a ``<title>`` per mark
for the hover text. Positive and negative are told apart by position (above or
below the zero line) as well as by colour (Okabe-Ito blue and vermillion).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.render import labels
from summarize.render.html.base import esc, fmt_num

POSITIVE = "#0072B2"
NEGATIVE = "#D55E00"
SERIES_A = "#0072B2"
SERIES_B = "#E69F00"
_FONT = 'font-family="system-ui, sans-serif"'


@dataclass(frozen=True, slots=True)
class ArcPoint:
    index: int  # sentence index (0-based): the bar links to #s-<index>
    score: float
    snippet: str = ""


def _svg_open(width: int, height: int, chart_id: str, title: str, desc: str, css: str) -> str:
    return (
        f'<svg class="chart {css}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" {_FONT}>'
        f'<title id="{chart_id}-t">{esc(title)}</title><desc id="{chart_id}-d">{esc(desc)}</desc>'
    )


def _nice_step(n: int, max_ticks: int = 10) -> int:
    raw = max(1, math.ceil(n / max_ticks))
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if step >= raw:
            return step
    return raw


def moving_average(values: Sequence[float], window: int) -> list[float]:
    half = window // 2
    out = []
    for i in range(len(values)):
        part = values[max(0, i - half) : i + half + 1]
        out.append(sum(part) / len(part))
    return out


def sentiment_arc_svg(points: Sequence[ArcPoint], *, chart_id: str = "arc", window: int = 5) -> str:
    """One bar per sentence (score -1..1) plus a moving average line."""
    if not points:
        return ""
    width, height = 720, 250
    left, right, top, bottom = 46, 10, 14, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    zero_y = top + plot_h / 2
    n = len(points)
    slot = plot_w / n
    bar_w = max(1.0, slot * 0.72)

    def y(score: float) -> float:
        return zero_y - max(-1.0, min(1.0, score)) * plot_h / 2

    parts = [
        _svg_open(
            width,
            height,
            chart_id,
            labels.SENTIMENT_ARC,
            f"Sentiment score of each of the {n} sentences from -1 (negative) to +1 (positive), "
            f"with a {window}-sentence moving average.",
            "arc",
        )
    ]
    for value, label in ((1, "+1"), (0.5, "+0.5"), (0, "0"), (-0.5, "−0.5"), (-1, "−1")):
        cls = "axis" if value == 0 else "grid"
        parts.append(
            f'<line class="{cls}" x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}"/>'
        )
        parts.append(
            f'<text class="tick" x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{label}</text>'
        )
    step = _nice_step(n)
    for i, point in enumerate(points):
        x = left + i * slot + (slot - bar_w) / 2
        top_y, bottom_y = sorted((y(point.score), zero_y))
        h = max(bottom_y - top_y, 0.8)
        colour = POSITIVE if point.score >= 0 else NEGATIVE
        sign = "pos" if point.score >= 0 else "neg"
        tip = f"Sentence {point.index + 1}: {fmt_num(point.score, 2, signed=True)}"
        if point.snippet:
            tip += f" — {point.snippet}"
        parts.append(
            f'<a href="#s-{point.index}"><rect class="bar {sign}" x="{x:.1f}" y="{top_y:.1f}" '
            f'width="{bar_w:.1f}" height="{h:.1f}" fill="{colour}"><title>{esc(tip)}</title></rect></a>'
        )
        if (i + 1) % step == 0 or i == 0:
            cx = left + i * slot + slot / 2
            parts.append(
                f'<text class="tick" x="{cx:.1f}" y="{height - bottom + 16}" '
                f'text-anchor="middle">{point.index + 1}</text>'
            )
    if n >= 3:
        smooth = moving_average([p.score for p in points], window)
        coords = " ".join(f"{left + i * slot + slot / 2:.1f},{y(v):.1f}" for i, v in enumerate(smooth))
        parts.append(f'<polyline class="trend" points="{coords}" fill="none"/>')
    parts.append(
        f'<text class="axis-label" x="{left + plot_w / 2:.0f}" y="{height - 6}" '
        f'text-anchor="middle">sentence</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class BarRow:
    label: str
    value: float
    note: str = ""  # shown right of the bar, e.g. "12 mentions"
    href: str | None = None


def diverging_bars_svg(rows: Sequence[BarRow], *, chart_id: str, title: str, desc: str) -> str:
    """Horizontal bars left (negative) or right (positive) of a zero line."""
    if not rows:
        return ""
    width, row_h, top = 720, 30, 26
    label_w, note_w = 200, 120
    plot_l, plot_r = label_w + 10, width - note_w
    zero_x = (plot_l + plot_r) / 2
    half = (plot_r - plot_l) / 2
    extent = max(0.5, max(abs(r.value) for r in rows))
    extent = math.ceil(extent * 4) / 4  # axis in quarters, never under ±0.5
    height = top + row_h * len(rows) + 8
    parts = [_svg_open(width, height, chart_id, title, desc, "bars")]
    for value in (-extent, 0.0, extent):
        x = zero_x + value / extent * half
        cls = "axis" if value == 0 else "grid"
        parts.append(f'<line class="{cls}" x1="{x:.1f}" x2="{x:.1f}" y1="{top - 6}" y2="{height - 4}"/>')
        parts.append(
            f'<text class="tick" x="{x:.1f}" y="{top - 10}" text-anchor="middle">'
            f"{fmt_num(value, 2, signed=value != 0)}</text>"
        )
    for i, row in enumerate(rows):
        cy = top + i * row_h + row_h / 2
        length = abs(row.value) / extent * half
        x = zero_x if row.value >= 0 else zero_x - length
        colour = POSITIVE if row.value >= 0 else NEGATIVE
        label = row.label if len(row.label) <= 26 else row.label[:25] + "…"
        tip = f"{row.label}: {fmt_num(row.value, 2, signed=True)}" + (f" ({row.note})" if row.note else "")
        rect = (
            f'<rect class="bar" x="{x:.1f}" y="{cy - 9:.1f}" width="{max(length, 1.0):.1f}" '
            f'height="18" fill="{colour}"><title>{esc(tip)}</title></rect>'
        )
        if row.href:
            rect = f'<a href="{esc(row.href)}">{rect}</a>'
        parts.append(
            f'<text class="label" x="{label_w}" y="{cy + 5:.1f}" text-anchor="end">{esc(label)}</text>{rect}'
        )
        # The value sits on the other side of the zero line, so it never meets the name.
        value_x = zero_x - 5 if row.value >= 0 else zero_x + 5
        anchor = "end" if row.value >= 0 else "start"
        parts.append(
            f'<text class="value" x="{value_x:.1f}" y="{cy + 5:.1f}" text-anchor="{anchor}">'
            f"{fmt_num(row.value, 2, signed=True)}</text>"
        )
        if row.note:
            parts.append(
                f'<text class="note" x="{width - 4}" y="{cy + 5:.1f}" text-anchor="end">'
                f"{esc(row.note)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)


GRADE_BANDS = (
    (0, 6, "elementary"),
    (6, 9, "middle school"),
    (9, 13, "high school"),
    (13, 17, "college"),
    (17, 20, "graduate"),
)


def grade_scale_svg(markers: Sequence[tuple[str, float]], *, chart_id: str = "grades") -> str:
    """US school grade scale with bands, and a marker per (name, grade), labels stacked above."""
    markers = [(name, grade) for name, grade in markers if grade is not None]
    if not markers:
        return ""
    width, left, right = 720, 20, 20
    lo, hi = 0.0, 20.0
    scale_y = 14 + 22 * len(markers)
    height = scale_y + 62

    def x(grade: float) -> float:
        return left + (max(lo, min(hi, grade)) - lo) / (hi - lo) * (width - left - right)

    desc = "; ".join(f"{name}: grade {fmt_num(g)}" for name, g in markers)
    parts = [_svg_open(width, height, chart_id, "Grade level", desc, "grades")]
    for i, (b_lo, b_hi, label) in enumerate(GRADE_BANDS):
        parts.append(
            f'<rect class="band b{i % 2}" x="{x(b_lo):.1f}" y="{scale_y}" '
            f'width="{x(b_hi) - x(b_lo):.1f}" height="14"/>'
        )
        parts.append(
            f'<text class="tick" x="{(x(b_lo) + x(b_hi)) / 2:.1f}" y="{scale_y + 50}" '
            f'text-anchor="middle">{esc(label)}</text>'
        )
    for tick in range(0, 21, 2):
        parts.append(
            f'<text class="tick small" x="{x(tick):.1f}" y="{scale_y + 30}" '
            f'text-anchor="middle">{tick}</text>'
        )
    for i, (name, grade) in enumerate(markers):
        cx = x(grade)
        label_y = scale_y - 8 - 22 * (len(markers) - 1 - i)
        cls = "m-a" if i == 0 else "m-b"
        anchor = "start" if cx < width * 0.7 else "end"
        dx = 9 if anchor == "start" else -9
        parts.append(
            f'<line class="lead {cls}" x1="{cx:.1f}" x2="{cx:.1f}" y1="{label_y - 4:.1f}" '
            f'y2="{scale_y + 14}"/>'
        )
        parts.append(
            f'<path class="marker {cls}" d="M{cx:.1f},{scale_y + 3} l-6,-10 h12 z">'
            f"<title>{esc(name)}: grade {fmt_num(grade)}</title></path>"
        )
        parts.append(
            f'<text class="label" x="{cx + dx:.1f}" y="{label_y:.1f}" text-anchor="{anchor}">'
            f"{esc(name)} {fmt_num(grade)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class PairRow:
    label: str
    a: float
    b: float


def paired_bars_svg(
    rows: Sequence[PairRow], names: tuple[str, str], *, chart_id: str, title: str, unit: str = ""
) -> str:
    """Two bars per row (A solid, B hatched) on a shared scale from zero."""
    if not rows:
        return ""
    width, row_h, top = 720, 40, 30
    label_w = 200
    plot_l, plot_r = label_w + 10, width - 70
    extent = max([r.a for r in rows] + [r.b for r in rows] + [1e-9])
    height = top + row_h * len(rows) + 6
    desc = "; ".join(f"{r.label}: {names[0]} {fmt_num(r.a)}, {names[1]} {fmt_num(r.b)}" for r in rows)
    parts = [_svg_open(width, height, chart_id, title, desc, "pairs")]
    parts.append(
        f'<defs><pattern id="{chart_id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{SERIES_B}"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2.5"/></pattern></defs>'
    )
    for i, (name, fill) in enumerate(((names[0], SERIES_A), (names[1], f"url(#{chart_id}-hatch)"))):
        lx = plot_l + i * 220
        parts.append(
            f'<rect x="{lx}" y="6" width="14" height="12" fill="{fill}" stroke="#333" '
            f'stroke-width=".5"/><text class="label" x="{lx + 20}" y="17">{esc(name)}</text>'
        )
    for i, row in enumerate(rows):
        y0 = top + i * row_h
        label = row.label if len(row.label) <= 26 else row.label[:25] + "…"
        parts.append(f'<text class="label" x="{label_w}" y="{y0 + 22}" text-anchor="end">{esc(label)}</text>')
        for j, (value, fill) in enumerate(((row.a, SERIES_A), (row.b, f"url(#{chart_id}-hatch)"))):
            w = max(value / extent * (plot_r - plot_l), 1.0 if value > 0 else 0.0)
            by = y0 + 4 + j * 16
            tip = f"{row.label}, {names[j]}: {fmt_num(value)}{unit}"
            parts.append(
                f'<rect x="{plot_l}" y="{by}" width="{w:.1f}" height="14" fill="{fill}">'
                f"<title>{esc(tip)}</title></rect>"
            )
            parts.append(
                f'<text class="value" x="{plot_l + w + 5:.1f}" y="{by + 12}">{fmt_num(value)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
