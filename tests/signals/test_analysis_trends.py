"""The trend of a theme: the last quarter against the four before it (Poisson E-test,
Benjamini–Hochberg over the themes tested together)."""

from __future__ import annotations

import pytest

from koers.signals.analysis.trends import ALPHA, EXACT_E_TEST_UP_TO, p_rising, trends


def test_a_doubling_from_ten_a_quarter_is_a_rise() -> None:
    assert p_rising(25, 40) < 0.01


def test_the_same_rate_as_before_is_no_rise() -> None:
    assert p_rising(10, 40) > 0.4


def test_a_fall_is_no_rise() -> None:
    assert p_rising(3, 40) > 0.9


def test_nothing_in_the_last_quarter_is_never_a_rise() -> None:
    assert p_rising(0, 0) == 1.0
    assert p_rising(0, 12) == 1.0


def test_signals_where_there_were_none_before_can_be_a_rise() -> None:
    assert p_rising(12, 0) < 0.01


def test_small_numbers_are_not_called_a_rise() -> None:
    """Two where there was one a quarter: doubled, but by chance as likely as not."""
    assert p_rising(2, 4) > ALPHA


def test_the_rising_theme_is_flagged_and_the_steady_ones_are_not() -> None:
    found = trends({"wachtlijsten": (30, 40), "mantelzorg": (11, 40), "wonen": (9, 44)})
    assert found["wachtlijsten"].rising
    assert not found["mantelzorg"].rising
    assert not found["wonen"].rising
    assert found["wachtlijsten"].ratio == pytest.approx(3.0)
    assert found["wachtlijsten"].mean_before == pytest.approx(10.0)


def test_testing_many_themes_raises_the_bar() -> None:
    """A p-value just under 0.05 on its own is no longer a finding among twenty themes."""
    borderline = next(last for last in range(10, 30) if p_rising(last, 40) < ALPHA)
    alone = trends({"a": (borderline, 40)})
    among_many = trends({"a": (borderline, 40), **{f"t{n}": (10, 40) for n in range(19)}})
    assert alone["a"].rising
    assert not among_many["a"].rising
    assert among_many["a"].adjusted > among_many["a"].p_value


def test_no_themes_no_trends() -> None:
    assert trends({}) == {}


@pytest.mark.parametrize(("last", "before"), [(300, 701), (1500, 5000), (1300, 5000)])
def test_above_the_e_tests_range_the_conditional_test_agrees_with_it(
    last: int, before: int
) -> None:
    """Large counts take the conditional binomial test (constant cost): its p-value is the
    binomial tail, and within a fifth of the E-test's on the same counts."""
    from scipy.stats import binom, poisson_means_test

    assert last + before > EXACT_E_TEST_UP_TO
    conditional = p_rising(last, before)
    assert conditional == pytest.approx(binom.sf(last - 1, last + before, 0.2))
    e_test = poisson_means_test(last, 1, before, 4, alternative="greater").pvalue
    assert conditional == pytest.approx(e_test, rel=0.2)
