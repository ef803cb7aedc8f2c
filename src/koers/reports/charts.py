"""Charts: one specification per chart, built from a report's content, drawn once as a PNG
image that the page, Word and PDF all show — so they are the same chart from the same
figures. Next to every chart the page and the documents give the figures as a table,
which is what a screen reader reads; the image's alternative text says what it shows.

A specification is plain data (it is stored in a snapshot with the rest of the content):
rows of horizontal bars, each row a label with one or more bars and optionally a mark,
an axis, and a legend.

Drawn with Pillow, which is already a dependency: an earlier version rendered Vega-Lite
through vl-convert, whose text rendering took 20 ms per label (half a second to
several seconds a chart), which made a progress report wait on its charts.
"""

from __future__ import annotations

import base64
import io
import math
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.utils.translation import gettext as _

from koers.core.numbers import grouped
from koers.core.pdf import FONTS

# The page's status colours (koers.css), so a chart reads like the cards beside it.
STATUS_COLOURS = {
    "achieved": "#1e6b34",
    "on_track": "#2c6e8f",
    "behind": "#a3271b",
    "open": "#5b6470",
    "no_target": "#8a949e",
}
INK, MUTED, LINE, PLANNED = "#1b1f24", "#4f5b66", "#c9d1d9", "#9fb3c8"
CAP_PERCENT = 150  # a bar far beyond its target would flatten every other bar
ROWS_PER_CHART = 28  # a taller chart would not fit an A4 page beside its caption
SCALE = 2  # drawn at twice the size it is shown, sharp on screen and in print
WIDTH, LABELS, ROW, BAR, PAD = 460, 190, 20, 14, 10
LINE_HEIGHT = 13  # of a label's lines: a long label wraps rather than being cut off
FONT = FONTS / "DejaVuSans.ttf"  # the documents' own font, whatever the server has


def _percent(part: str | None, whole: str | None) -> float | None:
    if part is None or not whole or Decimal(whole) == 0:
        return None
    return float(min(Decimal(CAP_PERCENT), Decimal(part) * 100 / Decimal(whole)))


def progress_specs(section: dict[str, Any]) -> list[dict[str, Any]]:
    """Per indicator with a target: realised as a share of its target, coloured by the
    status shown, with the share expected by now as a mark; in parts of at most
    ROWS_PER_CHART indicators, so each fits a page."""
    rows, legend = [], {}
    for line in section["lines"]:
        for activity in line["activities"]:
            for item in activity["outputs"] + activity["outcomes"]:
                target = item["agreed_target"] or item["target"]
                share = _percent(item["realised"] or "0", target)
                if share is None:
                    continue
                colour = STATUS_COLOURS.get(item["shown_status"], MUTED)
                legend[item["shown_status_label"]] = colour
                rows.append(
                    {
                        "label": f"{activity['code']} {item['title']}",
                        "bars": [[round(share, 1), colour]],
                        "mark": _percent(item["expected"], target),
                    }
                )
    parts = [rows[i : i + ROWS_PER_CHART] for i in range(0, len(rows), ROWS_PER_CHART)]
    description = _(
        "%(programme)s: realised as a share of the target per indicator, the mark at what is "
        "expected by now; the figures are in the tables below."
    ) % {"programme": section["name"]}
    return [
        {
            "description": description
            if len(parts) == 1
            else f"{description} ({number}/{len(parts)})",
            "axis": _("per cent of the target"),
            "maximum": CAP_PERCENT,
            "reference": 100,
            "rows": part,
            "legend": [[label, colour] for label, colour in legend.items()],
        }
        for number, part in enumerate(parts, start=1)
    ]


def budget_spec(section: dict[str, Any]) -> dict[str, Any] | None:
    """Per cost type: the budget beside what was spent so far."""
    money = section.get("budget")
    if not money or not money["cost_rows"]:
        return None
    rows = []
    for row in money["cost_rows"]:
        bars = [[float(row["planned"]), PLANNED]]
        if row["realised"] is not None:
            bars.append([float(row["realised"]), STATUS_COLOURS["on_track"]])
        rows.append({"label": row["label"], "bars": bars, "mark": None})
    highest = max((bar[0] for row in rows for bar in row["bars"]), default=0)
    return {
        "description": _(
            "%(programme)s: budget and spending to date per cost type; the figures are in "
            "the budget table."
        )
        % {"programme": section["name"]},
        "axis": _("euro"),
        "maximum": highest,
        "reference": None,
        "rows": rows,
        "legend": [[_("Budget"), PLANNED], [_("Spent to date"), STATUS_COLOURS["on_track"]]],
    }


def charts_of(section: dict[str, Any]) -> list[dict[str, Any]]:
    budget = budget_spec(section)
    return progress_specs(section) + ([budget] if budget else [])


# --- drawing --------------------------------------------------------------------------------


@lru_cache(maxsize=4)
def _font(size: int) -> Any:
    from PIL import ImageFont

    return ImageFont.truetype(str(FONT), size * SCALE)


def _wrap(draw: Any, text: str, font: Any, width: float) -> list[str]:
    """`text` in lines no wider than `width`, broken between words (a word longer than the
    width, a code say, is broken where it must)."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
            continue
        while draw.textlength(word, font=font) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and draw.textlength(word[:cut], font=font) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return lines or [""]


def _ticks(maximum: float) -> list[float]:
    """Four or five round steps from zero to at least `maximum`."""
    if maximum <= 0:
        return [0.0, 1.0]
    raw = maximum / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [step * n for n in range(math.ceil(maximum / step) + 1)]


def _amount(value: float) -> str:

    return grouped(value, 0)


@dataclass
class Drawing:
    """A chart drawn, with every text on it and the box it takes (in the image's pixels):
    what the tests read to prove no label is cut off."""

    image: Any
    texts: list[tuple[str, tuple[float, float, float, float]]] = field(default_factory=list)

    def text(self, draw: Any, xy: tuple[float, float], text: str, font: Any, fill: str) -> None:
        draw.text(xy, text, fill=fill, font=font)
        self.texts.append((text, draw.textbbox(xy, text, font=font)))


def draw(spec: dict[str, Any]) -> Drawing:
    """The chart of `spec`. Every label is written out whole: a label too long for its
    column wraps onto more lines (its row grows), the legend onto more lines, and the right
    margin leaves room for half the last tick's label."""
    from PIL import Image, ImageDraw

    s = SCALE
    rows, legend = spec["rows"], spec["legend"]
    font, small = _font(11), _font(10)
    measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    ticks = _ticks(float(spec["maximum"]))
    top_value = ticks[-1]
    tick_labels = [f"{t:g}" if spec["reference"] else _amount(t) for t in ticks]
    left = LABELS
    right = WIDTH - max(PAD, measure.textlength(tick_labels[-1], font=small) / s / 2 + 2)
    bars_per_row = max(len(row["bars"]) for row in rows)
    bar_rows = ROW if bars_per_row == 1 else ROW + (bars_per_row - 1) * (BAR // 2 + 2)
    labels = [_wrap(measure, row["label"], font, (LABELS - PAD * 2) * s) for row in rows]
    heights = [max(bar_rows, len(lines) * LINE_HEIGHT + 4) for lines in labels]
    legend_lines: list[list[tuple[str, str, float]]] = [[]]
    cursor: float = left * s
    for label, colour in legend:
        used = 13 * s + measure.textlength(label, font=small)
        if legend_lines[-1] and cursor + used > (WIDTH - PAD) * s:
            legend_lines.append([])
            cursor = left * s
        legend_lines[-1].append((label, colour, cursor))
        cursor += used + 14 * s
    plot_top, plot_height = PAD, sum(heights)
    legend_height = 18 * len(legend_lines) if legend else 0
    height = plot_top + plot_height + 22 + legend_height + PAD
    drawing = Drawing(Image.new("RGB", (WIDTH * s, height * s), "white"))
    canvas = ImageDraw.Draw(drawing.image)

    def x(value: float) -> float:
        return (left + (right - left) * min(value, top_value) / top_value) * s

    bottom = (plot_top + plot_height) * s
    for tick, label in zip(ticks, tick_labels, strict=True):
        canvas.line([(x(tick), plot_top * s), (x(tick), bottom)], fill=LINE, width=s)
        width = canvas.textlength(label, font=small)
        drawing.text(canvas, (x(tick) - width / 2, bottom + 3 * s), label, small, MUTED)
    drawing.text(canvas, (left * s, bottom + 14 * s), spec["axis"], small, MUTED)
    if spec["reference"]:
        reference = x(spec["reference"])
        for y in range(plot_top * s, int(bottom), 6 * s):
            canvas.line([(reference, y), (reference, min(y + 3 * s, bottom))], fill=MUTED, width=s)
    top = plot_top * s
    for row, lines, row_height in zip(rows, labels, heights, strict=True):
        first_line = top + (row_height - len(lines) * LINE_HEIGHT) * s / 2
        for number, line in enumerate(lines):
            drawing.text(canvas, (PAD * s, first_line + number * LINE_HEIGHT * s), line, font, INK)
        thickness = BAR if len(row["bars"]) == 1 else BAR // 2 + 1
        first = top + (row_height * s - len(row["bars"]) * thickness * s) / 2
        for index, (value, colour) in enumerate(row["bars"]):
            y0 = first + index * thickness * s
            canvas.rectangle(
                [x(0), y0, max(x(0) + s, x(value)), y0 + (thickness - 1) * s], fill=colour
            )
        if row["mark"] is not None:
            mark = x(row["mark"])
            canvas.line(
                [(mark, top + 2 * s), (mark, top + (row_height - 2) * s)], fill=INK, width=2 * s
            )
        top += row_height * s
    canvas.line([(x(0), plot_top * s), (x(0), bottom)], fill=MUTED, width=s)
    for number, entries in enumerate(legend_lines if legend else []):
        y = bottom + (30 + 18 * number) * s
        for label, colour, start in entries:
            canvas.rectangle([start, y + 2 * s, start + 9 * s, y + 11 * s], fill=colour)
            drawing.text(canvas, (start + 13 * s, y), label, small, INK)
    return drawing


def _draw(spec: dict[str, Any]) -> bytes:
    out = io.BytesIO()
    draw(spec).image.save(out, format="PNG", optimize=True)
    return out.getvalue()


@lru_cache(maxsize=128)
def _png(spec_key: str) -> bytes:
    import json

    return _draw(json.loads(spec_key))


def png(spec: dict[str, Any]) -> bytes:
    """The chart as a PNG at twice the size it is shown."""
    import json

    return _png(json.dumps(spec, sort_keys=True))


def data_uri(spec: dict[str, Any]) -> str:
    """The chart for an <img> in the page: the very image the documents hold."""
    return "data:image/png;base64," + base64.b64encode(png(spec)).decode("ascii")
