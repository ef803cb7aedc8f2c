"""Issue 17, item 4: seed facts the demo lacked or had wrong — each where the seed puts it.

- the 2019 reference of the hours KPIs on the capacity page (001 §5.2);
- OCO Almere's stand at the start of 2021: "ruim 65" volunteers, "nu 13" covenant partners
  (001 r. 4267-4273);
- Lelystad and Urk's process support in 2020, not 2021 (001 r. 2734-2742);
- the organisations and networks the seeds name (see demo/directory_partners.py and
  demo/relations_networks.py for each passage).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from koers.demo import builder
from koers.directory.models import Organisation, OrganisationKind
from koers.plans import queries
from koers.plans.models import Activity, QuarterReport, Realisation
from koers.relations.models import Network
from tests.conftest import verified_client


@pytest.fixture
def demo(demo_db: dict[str, int]) -> None:
    """The shared demo (tests/shared_demo.py)."""


def test_the_capacity_page_shows_2019_as_the_reference_beside_the_targets(db: Any) -> None:
    """001 §5.2: "Referentie-jaar 2019 … 18117 20258 21013 22374 24173 … 64% 74% 77% 78%
    80%" — the reference year as data, shown as realised, the others as targets."""
    from koers.accounts.models import User
    from koers.work.models import HoursTarget

    builder.build(realisations=False)
    rows = list(
        HoursTarget.objects.filter(organisation__slug="cmo-flevoland")
        .order_by("year")
        .values_list("year", "direct_hours", "direct_share", "is_reference")
    )
    assert rows == [
        (2019, Decimal(18117), Decimal(64), True),
        (2021, Decimal(20258), Decimal(74), False),
        (2022, Decimal(21013), Decimal(77), False),
        (2023, Decimal(22374), Decimal(78), False),
        (2024, Decimal(24173), Decimal(80), False),
    ]
    client = verified_client(User.objects.get(username="directeur"))
    page = client.get(reverse("work:capacity"), {"peildatum": "2021-10-15"}).content.decode()
    table = page.split('id="plan-years-heading"')[1].split("</section>")[0]
    shown = [" ".join(row.split()) for row in table.split("<tr>")[2:]]
    assert len(shown) == 5
    assert all(s in shown[0] for s in ("2019", "referentiejaar (gerealiseerd)", "18.117", "64%"))
    for row, (year, hours, share) in zip(
        shown[1:],
        [(2021, "20.258", 74), (2022, "21.013", 77), (2023, "22.374", 78), (2024, "24.173", 80)],
        strict=True,
    ):
        assert all(s in row for s in (str(year), "streefwaarde", hours, f"{share}%")), row


@pytest.mark.parametrize(
    ("title", "stand"),
    [
        ("Netwerk van 65 vrijwillige ervaringsdeskundigen", Decimal(65)),
        ("13 convenantpartners", Decimal(13)),
    ],
)
def test_oco_almere_starts_2021_at_the_seeds_stand_and_grows_from_there(
    demo: None, title: str, stand: Decimal
) -> None:
    """001 r. 4267: "OCO Almere is een netwerk van ruim 65 …"; r. 4273: "Er zijn nu 13
    convenantpartners". The demo's example readings said 63 and 6."""
    readings = list(
        Realisation.objects.filter(
            indicator__title=title, indicator__activity__code="VI-2.3"
        ).order_by("date", "pk")
    )
    assert readings, title
    first = readings[0]
    assert first.date <= dt.date(2021, 1, 31) and first.value == stand
    values = [r.value for r in readings]
    assert min(values) >= stand
    assert values == sorted(values) and values[-1] > stand  # growing from the seed's stand
    activity = Activity.objects.get(code="VI-2.3", year=2021)
    [row] = [
        r
        for r in queries.activity_indicators(activity, builder.REFERENCE_DATE)
        if r.indicator.title == title
    ]
    assert row.progress.realised >= stand


def test_the_q3_narrative_puts_lelystad_and_urk_in_2020(demo: None) -> None:
    """001 r. 2734-2742: the process support with Lelystad and Urk began "het afgelopen
    jaar" (2020); the other four follow in 2021 and 2022."""
    narrative = QuarterReport.objects.get(
        activity__code="PG-2.1", activity__year=2021, quarter=3
    ).narrative
    assert "Lelystad en Urk in 2020" in narrative
    assert "In Lelystad en Urk is de procesbegeleiding afgerond" not in narrative
    assert "Dronten en Zeewolde zijn benaderd voor 2022" in narrative


ORGANISATIONS = [
    ("Ministerie van Volksgezondheid, Welzijn en Sport", OrganisationKind.FUNDER),
    ("Stadmakerij", OrganisationKind.PARTNER),
    ("10 dorpenoverleg", OrganisationKind.RESIDENTS),
    ("Fries Sociaal Planbureau", OrganisationKind.PARTNER),
    ("Patiëntenfederatie Nederland", OrganisationKind.RESIDENTS),
    ("GHOR Flevoland", OrganisationKind.CARE),
    ("Win4all", OrganisationKind.PARTNER),
    ("Werkplaats Sociaal Domein", OrganisationKind.PARTNER),
    # there before issue 17, under their own spelling
    ("Lokale Actiegroep Leader", OrganisationKind.FUNDER),
    ("GGD Flevoland", OrganisationKind.CARE),
    ("Regionaal Werkbedrijf Flevoland", OrganisationKind.PARTNER),
]


def test_the_directory_holds_each_organisation_the_seeds_name(demo: None) -> None:
    """One build for all of them (the demo build is what costs); the failure names each."""
    found = dict(
        Organisation.objects.filter(name__in=[n for n, _k in ORGANISATIONS]).values_list(
            "name", "kind"
        )
    )
    assert {name: found.get(name) for name, _kind in ORGANISATIONS} == dict(ORGANISATIONS)


def test_the_short_names_are_the_seeds(demo: None) -> None:
    shorts = dict(
        Organisation.objects.filter(
            slug__in=["ministerie-van-vws", "fries-sociaal-planbureau", "ghor-flevoland"]
        ).values_list("slug", "short_name")
    )
    assert shorts == {
        "ministerie-van-vws": "Ministerie van VWS",
        "fries-sociaal-planbureau": "FSP",
        "ghor-flevoland": "GGD/GHOR",
    }


# (name, programme, kind, CMO's role, member since)
NETWORKS = [
    (
        "Ronde Tafel Eenzaamheid Lelystad",
        "PG",
        "regional",
        "deelnemer",
        dt.date(2019, 1, 1),
    ),
    ("RAAT Flevoland", "AO", "regional", "procesbegeleider", dt.date(2019, 1, 1)),
    (
        "Denktank Zorg en Welzijn (Regionaal Werkbedrijf Flevoland)",
        "AO",
        "working_group",
        "deelnemer",
        dt.date(2020, 1, 1),
    ),
    (
        "Extra handen voor de zorg: stuurgroep Covid-19",
        "AO",
        "regional",
        "deelnemer",
        dt.date(2020, 4, 1),
    ),
    ("Extra handen voor de zorg: regiegroep", "AO", "regional", "deelnemer", dt.date(2020, 4, 1)),
    (
        "Extra handen voor de zorg: werkgroep personeel",
        "AO",
        "working_group",
        "procesbegeleider",
        dt.date(2020, 4, 1),
    ),
    ("Lokale Actiegroep (LAG) Leader", "VI", "regional", "deelnemer", dt.date(2020, 1, 1)),
]


def test_each_network_is_cmos_with_the_role_the_seed_gives(demo: None) -> None:
    names = [spec[0] for spec in NETWORKS]
    networks = Network.objects.filter(name__in=names, holder__slug="cmo-flevoland")
    found = {
        n.name: (n.name, n.programme.code if n.programme else "", n.kind, n.role, n.joined_on)
        for n in networks.select_related("programme")
    }
    assert [found.get(name) for name in names] == NETWORKS
    assert not networks.filter(is_example=False).exists()
    assert not networks.filter(representatives__isnull=True).exists()


def test_the_ronde_tafel_network_has_its_participants_in_the_directory(demo: None) -> None:
    """003 r. 121 names ten participants; they are tagged with the network's name."""
    network = Network.objects.get(name="Ronde Tafel Eenzaamheid Lelystad")
    assert Organisation.objects.filter(tags__name=network.name).count() == 10


def test_the_national_networks_stay_the_seeds_three(demo: None) -> None:
    """None of the added networks is national: "Zichtbaarheid in tenminste 3" still counts
    Alles is Gezondheid, the RIVM network and Missie Mentaal."""
    assert Network.objects.filter(kind="national").count() == 3
