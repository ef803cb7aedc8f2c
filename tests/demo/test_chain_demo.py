"""The demo holds the seeds' facts around the activities where the seeds put them: target
dates, Versterken van Inwoners' tactical goals, WEL's standing tasks, partners per activity,
the plan's milestones and §3.6 Arbeidsmarktonderzoek (issue 17)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from koers.plans.models import (
    Activity,
    ActivityPartner,
    AnnualPlan,
    Milestone,
    Programme,
    StandingTask,
    TacticalGoal,
)
from tests.conftest import verified_client


@pytest.fixture
def demo(demo_db: dict[str, int]) -> dict[str, int]:
    return demo_db


def test_the_demo_holds_the_seeds_facts_around_the_activities(demo: dict[str, int]) -> None:
    pg, vi = Programme.objects.get(code="PG"), Programme.objects.get(code="VI")
    # "eind 2023 gezondheid en leefstijl … op de agenda" (001 r. 705); "in 2025" (r. 1408)
    assert (pg.target_date, pg.target_precision) == (dt.date(2023, 12, 31), "year")
    assert (vi.target_date, vi.target_precision) == (dt.date(2025, 12, 31), "year")
    # "In mei 2021 … besluiten of we doorgaan" (r. 4304, 4340)
    decision = Activity.objects.get(code="VI-2.4", year=2021)
    assert (decision.target_date, decision.target_precision) == (dt.date(2021, 5, 31), "month")

    goals = list(TacticalGoal.objects.filter(programme=vi).order_by("order"))
    assert [(g.line, g.target_year) for g in goals] == [(None, 2025)] * 3
    assert goals[0].text.startswith("In 2025 zijn voor heel Flevoland de ervaringen")
    assert "gelijkwaardige gesprekspartner" in goals[1].text
    assert "Flevolandse Patiënten Federatie is de kernpartner" in goals[2].text
    assert not TacticalGoal.objects.exclude(programme=vi).exists()

    roles = set(StandingTask.objects.filter(programme=pg).values_list("role", flat=True))
    assert {
        "Secretarisfunctie",
        "Trekker werkgroep communicatie",
        "Trekker Academie WEL",
        "Organisator bijeenkomsten",
    } <= roles
    assert set(StandingTask.objects.values_list("line__code", flat=True)) == {"PG-1"}

    partners = {
        (p.activity.code, p.organisation.slug, p.role)
        for p in ActivityPartner.objects.select_related("activity", "organisation")
    }
    assert {
        ("PG-1.1", "ggd-flevoland", "partner"),
        ("PG-2.1", "institute-for-positive-health", "partner"),
    } <= partners
    assert {
        ("VI-2.1", "zonmw", "financier"),
        ("VI-2.1", "windesheim", "financier"),
        ("VI-2.1", "provincie-flevoland", "financier"),
        ("VI-3.1", "fpf", "partner"),
        ("AO-3.17", "uwv", "partner"),
    } <= partners

    milestones = [
        (m.title, m.date, m.precision, m.done) for m in Milestone.objects.order_by("date")
    ]
    assert [(date, precision, done) for _t, date, precision, done in milestones] == [
        (dt.date(2020, 7, 1), "day", True),  # Raad van Toezicht (003; 000 r. 643)
        (dt.date(2021, 5, 31), "season", False),  # onderzoeker, voorjaar 2021 (r. 1774)
        (dt.date(2022, 1, 1), "day", False),  # Raad van Advies (r. 2174)
        (dt.date(2023, 4, 30), "day", False),  # eerste evaluatie (r. 2191)
        (dt.date(2024, 9, 30), "month", False),  # tweede evaluatie, september 2024 (r. 2199)
    ]
    assert "Raad van Toezicht" in milestones[0][0] and "Raad van Advies" in milestones[2][0]
    assert Milestone.objects.get(precision="season").activity.code == "AO-3.17"


def test_the_demo_has_arbeidsmarktonderzoek_as_a_2021_activity(demo: dict[str, int]) -> None:
    activity = Activity.objects.get(code="AO-3.17", year=2021)
    assert activity.programme.code == "AO"
    assert activity.line is not None and activity.line.code == "AO-3"
    assert activity.title == "Arbeidsmarktonderzoek"
    # JP2021 3.6 (001 r. 3960-3976): its text, and the outcome it states; it names no output.
    assert activity.description.startswith("Zoals in de programmalijnen is aangegeven")
    assert activity.description.endswith("uitbreiding van de onderzoeksfunctie.")
    assert activity.outcome == (
        "Een gezamenlijke analyse helpt het tripartiete netwerk ook om samenhangend beleid "
        "en inzet te kiezen."
    )
    assert not activity.indicators.exists()


def test_the_demo_pages_show_them(demo: dict[str, int]) -> None:
    from koers.accounts.models import User

    client = verified_client(User.objects.get(username="directeur"))
    vi = Programme.objects.get(code="VI")
    page = client.get(reverse("plans:programme", args=[vi.pk]) + "?jaar=2021").content.decode()
    assert "Tactische doelen" in page and "kernpartner van dit netwerk" in page
    pg = Programme.objects.get(code="PG")
    page = client.get(reverse("plans:programme", args=[pg.pk]) + "?jaar=2021").content.decode()
    assert "Doorlopende taken" in page and "Trekker Academie WEL" in page
    annual = AnnualPlan.objects.get(plan=pg.plan, year=2021)
    page = client.get(reverse("plans:annual_plan", args=[annual.pk])).content.decode()
    assert "voorjaar 2021" in page and "september 2024" in page and "30 april 2023" in page
    ggd = ActivityPartner.objects.filter(organisation__slug="ggd-flevoland").first()
    assert ggd is not None
    page = client.get(
        reverse("directory:organisation", args=[ggd.organisation_id])
    ).content.decode()
    assert "Partner in activiteiten" in page and "Versterking verbinding van partners" in page
