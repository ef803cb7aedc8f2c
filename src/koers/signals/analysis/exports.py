"""The analysis as a workbook: an explanation sheet (whose signals, which period and filters,
what the marks mean) and one sheet per table of the page, each value in its own cell — counts
as numbers, a hidden count as the page's mark, never the number behind it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from koers.core.spreadsheets import Sheets
from koers.signals.analysis.queries import HIDDEN_MARK, Analysis, CountTable
from koers.signals.models.choices import Channel, Law
from koers.signals.suppression import suppressed_label


def nothing_to_show() -> Sheets:
    return [(_("Explanation"), [_("Signals")], [[_("There are no signal figures you may see.")]])]


def sheets(found: Analysis, holder: str) -> Sheets:
    return [
        (_("Explanation"), [_("Subject"), _("Value")], _explanation(found, holder)),
        *(_count_sheet(found, table) for table in found.tables),
        (_("Trend"), _trend_header(found), _trend_rows(found)),
        (_("Too few signals"), _few_header(found), _few_rows(found)),
    ]


def _explanation(found: Analysis, holder: str) -> list[Sequence[Any]]:
    filters = found.filters
    return [
        [_("Signals of"), holder],
        [_("Quarters"), f"{found.quarters[0].label} – {found.quarters[-1].label}"],
        [_("Law or domain"), Law(filters.law).label if filters.law else _("All laws")],
        [_("Channel"), Channel(filters.channel).label if filters.channel else _("All channels")],
        [
            suppressed_label(),
            _("Fewer than %(threshold)s signals: hidden so that nobody can be recognised.")
            % {"threshold": found.threshold},
        ],
        [
            HIDDEN_MARK,
            _("Hidden so that a total or another table cannot give away a small number."),
        ],
        [
            _("Trend"),
            _(
                "%(last)s against the four quarters before it (Poisson test, one-sided, "
                "adjusted for testing several themes at once)."
            )
            % {"last": filters.last.label},
        ],
        [
            _("Too few signals"),
            _("Fewer than %(enough)s signals on a theme in a municipality in %(first)s – %(last)s.")
            % {
                "enough": found.enough,
                "first": found.few_quarters[0].label,
                "last": found.few_quarters[-1].label,
            },
        ],
    ]


def _count_sheet(found: Analysis, table: CountTable) -> tuple[str, list[str], Iterator[list[Any]]]:
    header = [table.heading, *(quarter.label for quarter in found.quarters), _("Total")]

    def rows() -> Iterator[list[Any]]:
        for line in table.lines:
            yield [line.label, *(cell.export for cell in line.cells), line.total.export]
        yield [_("Total"), *(cell.export for cell in table.totals), table.grand.export]

    return table.caption, header, rows()


def _trend_header(found: Analysis) -> list[str]:
    return [
        _("Theme"),
        found.filters.last.label,
        _("%(first)s – %(last)s together")
        % {"first": found.trend_quarters[0].label, "last": found.trend_quarters[-1].label},
        _("Mean per quarter before"),
        _("Last quarter against the mean"),
        _("p-value (adjusted)"),
        _("Rising"),
    ]


def _trend_rows(found: Analysis) -> Iterator[list[Any]]:
    for line in found.trend:
        if line.rising is None:
            verdict = _("too few to test")
        else:
            verdict = _("yes") if line.rising else _("no")
        yield [
            line.theme,
            line.last.export,
            line.before.export,
            _decimal(line.mean_before, 2) if line.mean_before is not None else HIDDEN_MARK,
            _decimal(line.ratio, 2) if line.ratio is not None else "",
            _decimal(line.p_value, 4) if line.p_value is not None else "",
            verdict,
        ]


def _decimal(value: float, places: int) -> Decimal:
    """A mean, ratio or p-value with its places kept (a mean of 14 stays 14.00: a fraction,
    never read as a count)."""
    return Decimal(f"{value:.{places}f}")


def _few_header(found: Analysis) -> list[str]:
    return [_("Theme"), *found.municipalities]


def _few_rows(found: Analysis) -> Iterator[list[Any]]:
    for line in found.few:
        yield [
            line.theme,
            *(
                f"{cell.count.label} ({_('too few')})" if cell.too_few else cell.count.export
                for cell in line.cells
            ),
        ]
