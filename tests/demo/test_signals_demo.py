"""The demo's signals and client support: example signals over 2020–2021 in the six
municipalities, enough for the classifier, one theme rising in the last full quarter, two
agenda items taken to the province, and the OCO cases behind "20 unieke cliënten per maand",
which counts itself per month; example data, the same on every build."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.db.models import Count, F
from django.db.models.functions import Coalesce, TruncMonth
from django.test import override_settings
from scipy.stats import poisson

from koers.core.models import AuditEntry
from koers.core.periods import Year
from koers.demo.constants import OWN, REFERENCE_DATE
from koers.demo.seed_data import signals as seed
from koers.directory.models import Organisation
from koers.plans import queries
from koers.plans.models import Indicator, Source
from koers.signals.models import (
    AgendaItem,
    Case,
    CaseContact,
    Signal,
    SupportVolunteer,
)
from koers.signals.scrubbing import scrub


@pytest.fixture
def demo(demo_db: dict[str, int]) -> dict[str, int]:
    return demo_db


def own() -> Organisation:
    return Organisation.objects.get(slug=OWN)


def test_signals_cover_2020_and_2021_in_all_six_municipalities(demo: Any) -> None:
    signals = Signal.objects.filter(holder=own())
    assert set(signals.values_list("iso_year", flat=True)) == {2020, 2021}
    assert signals.values("municipality").distinct().count() == 6
    assert demo["signals"] == signals.count() > 400
    # Nothing after the day the demo pretends is today.
    last = signals.order_by("-iso_year", "-iso_week").first()
    assert last is not None
    assert dt.date.fromisocalendar(last.iso_year, last.iso_week, 1) <= REFERENCE_DATE


@override_settings(SIGNALS_SCRUBBER="rules")
def test_every_signal_is_labelled_example_data_and_holds_nothing_to_scrub(demo: Any) -> None:
    texts = list(Signal.objects.filter(holder=own()).values_list("description", flat=True))
    assert all(text.endswith(seed.EXAMPLE) for text in texts)
    assert all(not scrub(text).removed for text in set(texts))
    [loaded] = AuditEntry.objects.filter(action="demo.example_data", changes__has_key="signals")
    assert loaded.actor is None and loaded.changes["signals"] == [None, len(texts)]
    assert not AuditEntry.objects.filter(action="signal.recorded").exists()


def test_every_theme_has_enough_interpreted_signals_for_the_classifier(demo: Any) -> None:
    per_theme = Counter(
        Signal.objects.filter(holder=own(), interpreted_at__isnull=False)
        .annotate(theme=Coalesce(F("category__parent__name"), F("category__name")))
        .values_list("theme", flat=True)
    )
    assert set(per_theme) == set(seed.THEME_WEIGHTS)
    assert min(per_theme.values()) >= settings.SIGNALS_MIN_PER_CATEGORY
    waiting = Signal.objects.filter(holder=own(), interpreted_at__isnull=True)
    assert waiting.count() == seed.NOT_INTERPRETED
    assert not waiting.filter(category__isnull=False).exists()


def _per_quarter(theme: str) -> Counter[tuple[int, int]]:
    return Counter(
        Signal.objects.filter(holder=own())
        .filter(category__parent__name=theme)
        .values_list("iso_year", "quarter")
    )


def test_one_theme_rises_in_the_last_full_quarter_by_a_poisson_test(demo: Any) -> None:
    before = [(2020, 3), (2020, 4), (2021, 1), (2021, 2)]
    rising = []
    for theme in seed.THEME_WEIGHTS:
        counts = _per_quarter(theme)
        mean = sum(counts[q] for q in before) / 4
        if poisson.sf(counts[(2021, 3)] - 1, mean) < 0.01:
            rising.append(theme)
    assert rising == [seed.RISING_THEME]


def test_two_agenda_items_went_to_the_province_and_one_was_fed_back(demo: Any) -> None:
    items = AgendaItem.objects.filter(holder=own()).annotate(bundled=Count("signals"))
    at_province = items.filter(
        meeting__kind="provincie",
        meeting__with_organisation__slug="provincie-flevoland",
        status__in=["geagendeerd", "teruggekoppeld"],
    )
    assert at_province.count() == 2
    assert all(item.bundled >= 5 for item in items)
    fed_back = items.get(status="teruggekoppeld")
    assert fed_back.feedback and fed_back.fed_back_to and fed_back.response
    assert [s.status for s in fed_back.steps.all()] == [
        "nieuw",
        "geduid",
        "geagendeerd",
        "teruggekoppeld",
    ]
    # The rising theme is bundled for the next meeting, not yet on its agenda.
    assert items.filter(status="geduid", title__icontains="mantelzorg").exists()


def test_the_twenty_clients_a_month_indicator_counts_itself_per_month(demo: Any) -> None:
    indicator = Indicator.objects.get(
        title__startswith="Informatie en advies aan 20 unieke", activity__year=2021
    )
    assert (indicator.source, indicator.measure) == (
        Source.DERIVED,
        "signals.unique_clients_per_month",
    )
    assert indicator.targets.get(year=2021).value == Decimal(20)
    per_month = dict(
        CaseContact.objects.filter(case__case_type__activity=indicator.activity)
        .annotate(month=TruncMonth("on"))
        .values_list("month")
        .annotate(clients=Count("case__client", distinct=True))
        .values_list("month", "clients")
    )
    assert {day.month: n for day, n in per_month.items()} == seed.WLZ_CLIENTS_PER_MONTH
    row = queries.indicator_rows(
        Indicator.objects.filter(pk=indicator.pk), Year(2021), REFERENCE_DATE
    )[0]
    whole_months = [seed.WLZ_CLIENTS_PER_MONTH[m] for m in range(1, 10)]
    expected = Decimal(sum(whole_months)) / 9
    assert row.indicator.derived_value == expected.quantize(Decimal("0.1"))


def test_cases_belong_to_the_two_schemes_and_dronten_was_wound_down(demo: Any) -> None:
    cases = Case.objects.filter(holder=own())
    assert set(cases.values_list("case_type__activity__code", flat=True)) == {"VI-2.5", "VI-2.6"}
    dronten = cases.filter(case_type__activity__code="VI-2.6")
    assert not dronten.filter(closed_on__isnull=True).exists()
    assert not dronten.filter(closed_on__gt=dt.date(2021, 6, 30)).exists()
    assert all(case.question.endswith(seed.EXAMPLE) for case in cases)
    assert not cases.filter(closed_on__lt=F("opened_on")).exists()
    # Some OCO conversations' signals were raised from a case.
    assert Case.raised_signals.through.objects.filter(case__holder=own()).count() >= 5
    assert SupportVolunteer.objects.filter(holder=own(), person__is_example=True).count() == len(
        seed.VOLUNTEERS
    )


def test_the_classifier_is_trained_on_the_demos_signals(demo: Any) -> None:
    pytest.importorskip("koers.signals.classify.training")
    from koers.signals.models import ClassifierModel

    model = ClassifierModel.objects.get(holder=own(), active=True)
    assert model.status == "ready"
    assert model.signal_count == Signal.objects.filter(interpreted_at__isnull=False).count()
