"""The analysis page (signals:analysis): who sees it, what it counts, what it hides, and that
its query count does not grow with the signals."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.signals.analysis.queries import Analysis, CountTable
from koers.signals.weeks import IsoWeek
from tests.conftest import verified_client
from tests.signals.analysis_data import LAST, analysis_data
from tests.signals.factories import signals_in

pytestmark = pytest.mark.django_db
URL = reverse("signals:analysis")


def page(world: Any, role: str, query: str = LAST) -> Any:
    response = verified_client(world.users[role]).get(URL + query)
    assert response.status_code == 200, response.status_code
    return response


def table(found: Analysis, key: str) -> CountTable:
    return next(t for t in found.tables if t.key == key)


def line(found: Analysis, key: str, label: str) -> Any:
    return next(row for row in table(found, key).lines if row.label == label)


def test_the_rising_theme_is_flagged_and_named(world: Any) -> None:
    analysis_data(world.own)
    response = page(world, "programmacoordinator")
    found = response.context["analysis"]
    assert [row.theme for row in found.rising] == ["Wachtlijsten"]
    steady = next(row for row in found.trend if row.theme == "Mantelzorg")
    assert steady.rising is False
    assert steady.last.value == 14 and steady.before.value == 56
    content = response.content.decode()
    assert "Wachtlijsten" in content.split('id="rising-summary"')[1].split("</p>")[0]


def test_a_signal_under_a_sub_category_counts_for_its_theme(world: Any) -> None:
    analysis_data(world.own)
    found = page(world, "directeur").context["analysis"]
    # 2021 K3: 6 + 5 under the theme itself and 4 under its sub-category
    assert line(found, "theme", "Wachtlijsten").cells[2].value == 15
    not_interpreted = table(found, "theme").lines[-1]  # always the last line
    assert not_interpreted.cells[3].value == 6


def test_counts_per_municipality_law_and_quarter_add_up(world: Any) -> None:
    analysis_data(world.own)
    found = page(world, "directeur").context["analysis"]
    assert [q.label for q in found.quarters] == ["2021 K1", "2021 K2", "2021 K3", "2021 K4"]
    assert line(found, "municipality", "Lelystad").total.value == 4 * 13
    wmo = table(found, "law").lines[0]  # the laws in their order: Wmo first
    assert [c.value for c in wmo.cells] == [5, 5, 5, 11]
    assert found.total.value == 3 * 36 + 3 + 62


def test_a_small_count_and_what_would_give_it_away_are_hidden(world: Any) -> None:
    """3 signals on Eenzaamheid in Almere: hidden in the theme × municipality table, and so
    are enough of its neighbours that the theme's and the municipality's totals cannot give
    it away."""
    analysis_data(world.own)
    response = page(world, "directeur")
    found = response.context["analysis"]
    almere = found.municipalities.index("Almere")
    dronten = found.municipalities.index("Dronten")
    few = {row.theme: row.cells for row in found.few}
    assert few["Eenzaamheid"][almere].count.value is None
    assert few["Eenzaamheid"][almere].count.small
    assert few["Eenzaamheid"][almere].count.label == "< 5"
    assert few["Eenzaamheid"][dronten].count.value is None  # 31 − 3 otherwise
    assert few["Eenzaamheid"][dronten].count.label == "x"
    assert few["Wachtlijsten"][almere].count.value is None  # Almere's 69 − 6 − 60 otherwise
    assert "&lt; 5" in response.content.decode()


def test_too_few_signals_is_said_per_theme_and_municipality(world: Any) -> None:
    analysis_data(world.own)
    found = page(world, "directeur").context["analysis"]
    lelystad = found.municipalities.index("Lelystad")
    almere = found.municipalities.index("Almere")
    few = {row.theme: row.cells for row in found.few}
    assert few["Wachtlijsten"][lelystad].too_few is False  # 20 in four quarters
    assert few["Wachtlijsten"][almere].too_few is False
    assert few["Mantelzorg"][almere].count.value == 0 and few["Mantelzorg"][almere].too_few
    assert few["Eenzaamheid"][almere].too_few  # 3
    assert found.too_few_count == 4


def test_the_law_and_channel_filters_narrow_every_table(world: Any) -> None:
    analysis_data(world.own)
    found = page(world, "directeur", LAST + "&wet=wmo").context["analysis"]
    assert found.total.value == 26
    assert len(table(found, "law").lines) == 1
    found = page(world, "directeur", LAST + "&kanaal=expex").context["analysis"]
    assert found.total.value == 32
    assert [line.label for line in table(found, "theme").lines if line.total.value] == [
        "Mantelzorg"
    ]
    assert found.rising == []


def test_a_wrong_filter_value_falls_back_and_says_so(world: Any) -> None:
    analysis_data(world.own)
    response = page(world, "directeur", "?tot=1999-9&kwartalen=7&wet=nope")
    found = response.context["analysis"]
    assert found.filters.last.label == "2021 K4"  # the last quarter with signals
    assert found.filters.quarters == 8 and found.filters.law == ""
    assert set(response.context["form"].errors) == {"tot", "kwartalen", "wet"}
    assert "error-summary" in response.content.decode()


def test_a_funder_sees_the_figures_of_the_organisation_she_funds(world: Any) -> None:
    analysis_data(world.own)
    for role in ("opdrachtgever", "regio", "toezicht"):
        found = page(world, role, LAST + f"&houder={world.own.pk}").context["analysis"]
        assert found.filters.holder_id == world.own.pk
        assert [row.theme for row in found.rising] == ["Wachtlijsten"]


def test_another_organisation_never_sees_these_figures(world: Any) -> None:
    analysis_data(world.own)
    response = page(world, "outsider", LAST + f"&houder={world.own.pk}")
    found = response.context["analysis"]
    assert found.filters.holder_id == world.other_org.pk
    assert found.total.value == 0
    assert "Wachtlijsten" not in response.content.decode()
    assert "houder" in response.context["form"].errors


def test_a_funder_of_nothing_is_told_there_is_nothing(world: Any) -> None:
    from koers.accounts.roles import Role
    from tests.accounts.factories import MembershipFactory, UserFactory
    from tests.directory.factories import FunderFactory

    user = MembershipFactory(
        user=UserFactory(username="gemeente"), organisation=FunderFactory(), role=Role.OPDRACHTGEVER
    ).user
    response = verified_client(user).get(URL)
    assert response.status_code == 200
    assert response.context["analysis"] is None


@pytest.mark.parametrize("role", ["no_role", "beheerder", "prioritering", "zorgvrager"])
def test_roles_without_signal_figures_are_refused(world: Any, role: str) -> None:
    assert verified_client(world.users[role]).get(URL).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client: Any, world: Any) -> None:
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_it_answers_get_only(world: Any) -> None:
    assert verified_client(world.users["directeur"]).post(URL).status_code == 405


def queries_for(world: Any) -> int:
    client = verified_client(world.users["directeur"])
    client.get(URL + LAST)  # the session's first-use queries out of the count
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL + LAST).status_code == 200
    return len(captured)


def test_the_query_count_does_not_grow_with_the_signals(world: Any) -> None:
    data = analysis_data(world.own, rising_last=10)
    few = queries_for(world)
    for number, week in enumerate((IsoWeek(2021, 2), IsoWeek(2021, 30), IsoWeek(2021, 48))):
        signals_in(
            world.own, 60 + number, week=week, category=data.steady, municipality=data.dronten
        )
    assert queries_for(world) == few
    assert few <= 25


def test_a_theme_is_flagged_rising_when_its_counts_are_hidden_only_to_protect_others() -> None:
    """A last quarter hidden as "x" (not small: hidden so a sum gives no small count away)
    still gets its rising flag, without the ratio or p-value that would give it away; a
    small count is never tested."""
    from koers.signals.analysis.disclosure import Protected
    from koers.signals.analysis.queries import _trend_lines

    last = 2021 * 4 + 2
    values = {
        ("theme", 1, last): 28,
        ("prior", 1): 26,
        ("theme", 2, last): 3,
        ("prior", 2): 20,
        ("theme", 3, last): 7,
        ("prior", 3): 28,
    }
    hidden = frozenset({("theme", 1, last), ("theme", 2, last), ("theme", 3, last)})
    lines = _trend_lines(
        Protected(values=values, hidden=hidden),
        [(1, "Mantelzorg"), (2, "Vervoer"), (3, "Wonen en zorg"), (None, "Nog niet geduid")],
        last,
    )
    rising, small, steady = lines
    assert rising.rising is True and rising.last.label == "x"
    assert rising.ratio is None and rising.p_value is None
    assert small.rising is None and small.last.label == "< 5"
    assert steady.rising is False
