"""The permission matrix's rows of signals' analysis part (added to ROWS)."""

from __future__ import annotations

from typing import Any

# Figures only, small numbers hidden: the holder's staff, the board and funders' officials
# (VIEW_SIGNAL_FIGURES). The director of another organisation sees her own organisation's
# (empty) analysis, never CMO's; the beheerder and the roles of Extra handen are refused.
FIGURE_VIEWERS = [403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403]


def rows(Row: Any) -> list[Any]:
    return [
        Row(
            "signals:analysis",
            "analysis of signals: counts, trend, too few signals (small numbers hidden)",
            expected=list(FIGURE_VIEWERS),
        ),
        Row(
            "signals:analysis",
            "analysis of signals asked for another organisation's signals (falls back)",
            expected=list(FIGURE_VIEWERS),
            query="?houder=999999&tot=2021-4&kwartalen=4&wet=wlz&kanaal=oco",
        ),
        Row(
            "signals:analysis_export",
            "analysis of signals as Excel (small numbers hidden)",
            expected=list(FIGURE_VIEWERS),
        ),
        Row(
            "signals:analysis",
            "analysis of signals: POST",
            method="POST",
            expected=[403, 405, 405, 405, 405, 405, 405, 405, 405, 403, 403, 403],
        ),
    ]
