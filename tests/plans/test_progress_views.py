"""The quarter page where the coordinator writes every activity's progress at once, and the
progress on the activity page."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from koers.core.models import AuditEntry
from koers.plans.models import AnnualPlanStatus, QuarterReport
from tests.conftest import World
from tests.plans.factories import (
    ActivityFactory,
    IndicatorFactory,
    RealisationFactory,
    write_progress,
)


def url(world: World, quarter: int = 2, programme: Any = None) -> str:
    return reverse(
        "plans:programme_progress", args=[(programme or world.programme).pk, 2021, quarter]
    )


def page_data(client: Client, address: str) -> dict[str, str]:
    """The form as the browser would post it back untouched: every field with its value."""
    response = client.get(address)
    assert response.status_code == 200
    form = response.context["entries"]
    data: dict[str, str] = {}
    for _entry, activity_form, _conflict in form:
        for field in activity_form:
            data[field.html_name] = "" if field.value() is None else str(field.value())
            if field.field.show_hidden_initial:
                data[field.html_initial_name] = data[field.html_name]
    return data


@pytest.fixture
def second(world: World) -> Any:
    """Another activity of the programme, behind on its indicator."""
    activity = ActivityFactory(programme=world.programme, line=world.activity.line, code="PG-2")
    indicator = IndicatorFactory(activity=activity, title="Aanvragen geschreven")
    from tests.plans.factories import TargetFactory

    TargetFactory(indicator=indicator, value=10)
    return activity


class TestTheQuarterPage:
    def test_it_lists_every_activity_with_its_computed_status(
        self, world: World, second: Any
    ) -> None:
        response = world.client("programmacoordinator").get(url(world))
        assert response.status_code == 200
        html = response.content.decode()
        assert f'id="activity-{world.activity.pk}"' in html
        assert f'id="activity-{second.pk}"' in html
        assert "Aanvragen geschreven" in html
        assert 'class="status status--behind"' in html  # 0 of 10 by the end of June
        assert "Berekend per 30 juni 2021: Achter." in html  # beside the override

    def test_it_saves_only_what_she_changed(self, world: World, second: Any) -> None:
        client = world.client("programmacoordinator")
        data = page_data(client, url(world))
        data[f"a{second.pk}-narrative"] = "Twee aanvragen in voorbereiding."
        data[f"a{second.pk}-status_override"] = "on_track"
        data[f"a{second.pk}-override_reason"] = "De aanvragen gaan in juli de deur uit."
        data["from"] = str(second.pk)
        response = client.post(url(world), data)
        assert response.status_code == 302
        assert response["Location"].endswith(f"#activity-{second.pk}")
        update = QuarterReport.objects.get()
        assert (update.activity, update.quarter, update.status_override) == (second, 2, "on_track")
        assert AuditEntry.objects.filter(action="quarter_report.save").count() == 1

    def test_line_breaks_from_the_browser_are_no_change(self, world: World) -> None:
        write_progress(
            world.users["directeur"],
            world.activity,
            narrative="Regel een\nregel twee",
        )
        client = world.client("programmacoordinator")
        data = page_data(client, url(world))
        prefix = f"a{world.activity.pk}"
        data[f"{prefix}-narrative"] = data[f"initial-{prefix}-narrative"] = (
            "Regel een\r\nregel twee"
        )
        assert client.post(url(world), data).status_code == 302
        assert QuarterReport.objects.get().version == 1

    def test_an_override_without_reason_saves_nothing_and_keeps_her_text(
        self, world: World, second: Any
    ) -> None:
        client = world.client("programmacoordinator")
        data = page_data(client, url(world))
        data[f"a{world.activity.pk}-narrative"] = "Goed verlopen, zeven bijeenkomsten."
        data[f"a{second.pk}-status_override"] = "achieved"
        response = client.post(url(world), data)
        assert response.status_code == 400
        html = response.content.decode()
        assert 'id="error-summary"' in html
        assert "Geef de reden waarom de status afwijkt van de berekende." in html
        assert "Goed verlopen, zeven bijeenkomsten." in html
        assert not QuarterReport.objects.exists()

    def test_a_colleague_saving_the_same_activity_is_a_conflict(self, world: World) -> None:
        client = world.client("programmacoordinator")
        data = page_data(client, url(world))
        write_progress(
            world.users["directeur"],
            world.activity,
            narrative="Versie van de directeur",
        )
        data[f"a{world.activity.pk}-narrative"] = "Versie van de coördinator"
        response = client.post(url(world), data)
        assert response.status_code == 409
        html = response.content.decode()
        assert "Versie van de directeur" in html and "Versie van de coördinator" in html
        assert QuarterReport.objects.get().narrative == "Versie van de directeur"
        again = dict(data)
        again[f"a{world.activity.pk}-version"] = "1"  # the form now carries their version
        assert client.post(url(world), again).status_code == 302
        assert QuarterReport.objects.get().narrative == "Versie van de coördinator"

    def test_a_colleague_saving_another_activity_is_no_conflict(
        self, world: World, second: Any
    ) -> None:
        client = world.client("programmacoordinator")
        data = page_data(client, url(world))
        write_progress(
            world.users["directeur"],
            second,
            risks="Ziekte",
        )
        data[f"a{world.activity.pk}-risks"] = "Geen"
        assert client.post(url(world), data).status_code == 302
        assert QuarterReport.objects.get(activity=second).risks == "Ziekte"

    def test_each_activity_shows_its_history(self, world: World) -> None:
        first = write_progress(
            world.users["directeur"],
            world.activity,
            status_override="behind",
            override_reason="Partner weg",
        )
        write_progress(
            world.users["programmacoordinator"],
            world.activity,
            version=first.version,
            status_override="on_track",
            override_reason="Nieuwe partner",
        )
        html = world.client("programmacoordinator").get(url(world)).content.decode()
        assert "Geschiedenis (2 keer opgeslagen)" in html
        assert "<del>Achter</del> → <ins>Op koers</ins>" in html  # choices by their label

    def test_an_accounted_year_is_shown_but_not_changed(self, world: World) -> None:
        world.annual_plan.status = AnnualPlanStatus.ACCOUNTED
        world.annual_plan.save()
        client = world.client("directeur")
        data = page_data(client, url(world))
        html = client.get(url(world)).content.decode()
        assert "disabled" in html and "is verantwoord" in html
        data[f"a{world.activity.pk}-narrative"] = "Te laat"
        assert client.post(url(world), data).status_code == 400
        assert not QuarterReport.objects.exists()

    @pytest.mark.parametrize(("year", "quarter"), [(2030, 1), (2021, 5), (2021, 0)])
    def test_a_quarter_outside_the_plan_is_not_found(
        self, world: World, year: int, quarter: int
    ) -> None:
        address = reverse("plans:programme_progress", args=[world.programme.pk, year, quarter])
        assert world.client("programmacoordinator").get(address).status_code == 404

    def test_it_links_the_neighbouring_quarters(self, world: World) -> None:
        html = world.client("directeur").get(url(world, quarter=1)).content.decode()
        assert url(world, quarter=2) in html
        assert reverse("plans:programme_progress", args=[world.programme.pk, 2020, 4]) not in html


class TestWhoReachesTheQuarterPage:
    def test_anonymous_visitors_are_sent_to_sign_in(self, world: World) -> None:
        response = Client().get(url(world))
        assert response.status_code == 302 and "/account/inloggen/" in response["Location"]

    @pytest.mark.parametrize("role", ["medewerker", "toezicht", "opdrachtgever", "regio"])
    def test_other_roles_are_refused(self, world: World, role: str) -> None:
        assert world.client(role).get(url(world)).status_code == 403

    def test_the_coordinator_of_another_programme_is_refused(self, world: World) -> None:
        response = world.client("programmacoordinator").get(
            url(world, programme=world.unfunded_programme)
        )
        assert response.status_code == 403

    def test_another_organisation_does_not_find_it(self, world: World) -> None:
        assert world.client("outsider").get(url(world)).status_code == 404

    def test_a_refused_post_writes_nothing(self, world: World) -> None:
        prefix = f"a{world.activity.pk}"
        world.client("medewerker").post(
            url(world), {f"{prefix}-narrative": "x", f"{prefix}-version": "0"}
        )
        assert not QuarterReport.objects.exists()


class TestTheActivityPage:
    def test_it_shows_the_computed_status_beside_the_override_with_the_reason(
        self, world: World
    ) -> None:
        RealisationFactory(indicator=world.indicator, value=7)
        write_progress(
            world.users["programmacoordinator"],
            world.activity,
            narrative="Zeven bijeenkomsten gehouden.",
            risks="Subsidie onzeker.",
            status_override="behind",
            override_reason="De opkomst was laag.",
        )
        address = reverse("plans:activity", args=[world.activity.pk]) + "?peildatum=2021-06-30"
        html = world.client("opdrachtgever").get(address).content.decode()
        progress = html.split('id="progress-heading"')[1].split("</section>")[0]
        assert "Voortgang in Q2 2021" in progress
        assert 'status--achieved">Behaald' in progress  # computed
        assert 'status--behind">Achter' in progress  # her override
        assert "De opkomst was laag." in progress and "Zeven bijeenkomsten" in progress
        assert world.users["programmacoordinator"].last_name not in progress

    def test_staff_see_who_wrote_it_and_the_coordinator_a_link_to_write(self, world: World) -> None:
        write_progress(
            world.users["programmacoordinator"],
            world.activity,
            quarter=1,
            narrative="Gestart.",
        )
        address = reverse("plans:activity", args=[world.activity.pk]) + "?peildatum=2021-05-01"
        html = world.client("programmacoordinator").get(address).content.decode()
        assert world.users["programmacoordinator"].last_name in html
        assert url(world) in html  # the quarter of the reference date
        assert url(world) not in world.client("medewerker").get(address).content.decode()

    def test_the_programme_page_links_the_quarter(self, world: World) -> None:
        address = reverse("plans:programme", args=[world.programme.pk]) + "?peildatum=2021-08-01"
        html = world.client("programmacoordinator").get(address).content.decode()
        assert url(world, quarter=3) in html
