"""Is a theme rising? The last full quarter's count against the four quarters before it.

Signals of a theme arriving in a quarter are taken as a Poisson count. The test is the
E-test for two Poisson rates (`scipy.stats.poisson_means_test`, Krishnamoorthy and Thomson
2004): `last` signals in one quarter against `before` signals in four, one-sided (is the
last quarter's rate higher?). It is the more powerful test at the small counts the seeds
complain of, but its cost grows with the counts (about 10 ms a theme at 6,500 signals).
Above `EXACT_E_TEST_UP_TO` signals together the conditional test is used instead: given
their sum, the last quarter's count is binomial with probability 1/5 when the rates are
equal (Przyborowski and Wilenski 1940), exact and of constant cost; at such counts the two
p-values differ by about a tenth of their size (bench/README.md). With a dozen themes
tested at once some would come out "significant" by chance, so the p-values are adjusted
for the false discovery rate (Benjamini–Hochberg, `scipy.stats.false_discovery_control`)
before a theme is flagged.

Only the page decides what to show: a p-value or a ratio gives the count away as surely as
the count itself, so the analysis shows them only where both counts are shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

QUARTERS_BEFORE = 4
# Up to this many signals (last quarter and the four before together) the E-test, above it
# the conditional binomial test: see the module's docstring.
EXACT_E_TEST_UP_TO = 1_000
# The false discovery rate at which a theme is flagged as rising.
ALPHA = 0.05

_Theme = TypeVar("_Theme")


@dataclass(frozen=True)
class Trend:
    last: int  # signals in the last quarter
    before: int  # signals in the four quarters before it, together
    p_value: float  # one-sided, unadjusted
    adjusted: float  # Benjamini–Hochberg over the themes tested together
    rising: bool

    @property
    def mean_before(self) -> float:
        return self.before / QUARTERS_BEFORE

    @property
    def ratio(self) -> float | None:
        """The last quarter against the mean of the four before (None when they had none)."""
        return self.last / self.mean_before if self.before else None


def p_rising(last: int, before: int) -> float:
    """The one-sided p-value that the rate of the last quarter is no higher than the rate of
    the four before it. Nothing in the last quarter cannot be a rise (p = 1)."""
    if last == 0:
        return 1.0
    if last + before > EXACT_E_TEST_UP_TO:
        from scipy.stats import binom

        # P(X >= last) for X ~ Binomial(last + before, 1 / (1 + QUARTERS_BEFORE)).
        return float(binom.sf(last - 1, last + before, 1 / (1 + QUARTERS_BEFORE)))
    from scipy.stats import poisson_means_test

    result: Any = poisson_means_test(last, 1, before, QUARTERS_BEFORE, alternative="greater")
    return float(min(1.0, max(0.0, result.pvalue)))


def trends(counts: Mapping[_Theme, tuple[int, int]]) -> dict[_Theme, Trend]:
    """The trend of each theme from its (last quarter, four quarters before) counts, flagged
    rising where the adjusted p-value is below ALPHA."""
    themes = list(counts)
    if not themes:
        return {}
    raw = [p_rising(*counts[theme]) for theme in themes]
    adjusted = _adjusted(raw)
    return {
        theme: Trend(
            last=counts[theme][0],
            before=counts[theme][1],
            p_value=p,
            adjusted=q,
            rising=q < ALPHA,
        )
        for theme, p, q in zip(themes, raw, adjusted, strict=True)
    }


def _adjusted(p_values: list[float]) -> list[float]:
    from scipy.stats import false_discovery_control

    return [float(q) for q in false_discovery_control(p_values, method="bh")]
