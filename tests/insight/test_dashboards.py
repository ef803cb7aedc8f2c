"""The dashboards: an area's tiles against Flevoland and the Netherlands, per 1,000
inhabitants, with their source and period; the benchmark of the municipalities with its map
and downloads; the labour market by flow; notes on figures; the choice of key figures."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.accounts.roles import Role
from koers.core.models import AuditEntry
from koers.insight.importing import import_table
from koers.insight.models import Dataset, FigureNote, ImportMethod, KeyFigure, LabourFlow
from koers.insight.statline import read_table
from tests.accounts.factories import MembershipFactory
from tests.conftest import verified_client
from tests.insight.statline_files import odata_folder, row, six_municipalities
from tests.plans.factories import PlanFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

ROWS = [
    row("GM0034", "2020JJ00", 214715, 105000),
    row("GM0034", "2021JJ00", 216000, 107000),
    row("GM0995", "2021JJ00", 78600, "x"),
    row("GM0303", "2021JJ00", 41800, 21000),
    row("PV24", "2021JJ00", 428000, 213000),
    row("NL01", "2021JJ00", 17475415, 8670000),
]


@pytest.fixture
def dataset(tmp_path: Path) -> Dataset:
    six_municipalities()
    folder = odata_folder(tmp_path / "03759ned", ROWS, typed=False)
    import_table(read_table(folder), method=ImportMethod.COMMAND, dry_run=False)
    return Dataset.objects.get()


@pytest.fixture
def figures(dataset: Dataset) -> tuple[KeyFigure, KeyFigure]:
    inhabitants = dataset.topics.get(key="BevolkingOp1Januari_1")
    men = dataset.topics.get(key="Mannen_2")
    return (
        KeyFigure.objects.create(topic=inhabitants, position=0),
        KeyFigure.objects.create(
            topic=men,
            denominator=inhabitants,
            per=1000,
            flow=LabourFlow.INFLOW,
            position=1,
        ),
    )


def client_as(role: Role) -> Client:
    return verified_client(MembershipFactory(role=role).user)


def tiles_of(html: str) -> list[str]:
    """Each tile's HTML: the include closes its item at the start of a line, its inner lists'
    items are indented."""
    return [chunk.split("\n</li>")[0] for chunk in html.split('<li class="tile">')[1:]]


def test_an_area_shows_its_latest_figures_against_flevoland_and_the_country(
    figures: tuple[KeyFigure, KeyFigure],
) -> None:
    response = client_as(Role.OPDRACHTGEVER).get(reverse("insight:area", args=["GM0034"]))

    html = response.content.decode()
    assert response.status_code == 200
    tiles = response.context["dashboard"].tiles
    assert [t.text for t in tiles] == ["216.000", "495,4"]  # 107000 / 216000 * 1000
    assert [(c.name, c.text) for c in tiles[0].comparisons] == [
        ("Flevoland", "428.000"),
        ("Nederland", "17.475.415"),
    ]
    assert [b.label for b in tiles[0].bars] == ["2020", "2021"]
    assert "Mannen per 1.000 bevolking op 1 januari" in html
    assert "Wat de programma's hier deden in" in html


def test_every_figure_on_a_dashboard_names_its_source_table_and_period(
    figures: tuple[KeyFigure, KeyFigure],
) -> None:
    """Each tile of every Flevoland area and of the labour-market page carries the table's id
    and the period of its value, whatever the figure."""
    client = client_as(Role.MEDEWERKER)
    pages = [reverse("insight:area", args=[code]) for code in ("GM0034", "GM0303", "PV24", "NL01")]
    pages.append(reverse("insight:labour_market"))
    seen = 0
    for url in pages:
        response = client.get(url)
        html = response.content.decode()
        tiles = tiles_of(html)
        for tile in tiles:
            assert "tabel 03759ned" in tile
            assert re.search(r"\b20(20|21)\b", tile)
            seen += 1
    assert seen >= 8


def test_a_secret_value_is_not_a_zero_and_the_tile_takes_the_last_real_value(
    figures: tuple[KeyFigure, KeyFigure],
) -> None:
    response = client_as(Role.DIRECTEUR).get(reverse("insight:area", args=["GM0995"]))
    texts = {t.label: t.text for t in response.context["dashboard"].tiles}
    assert texts == {"Bevolking op 1 januari": "78.600"}  # men: only "x", so no tile
    assert [f.pk for f in response.context["dashboard"].without_figures] == [figures[1].pk]


def test_an_unknown_region_is_404_and_the_dashboard_counts_no_queries_per_figure(
    dataset: Dataset,
) -> None:
    client = client_as(Role.DIRECTEUR)
    assert client.get(reverse("insight:area", args=["GM9999"])).status_code == 404
    assert client.get(reverse("insight:area", args=["XX01"])).status_code == 404
    topic = dataset.topics.first()
    assert topic is not None
    KeyFigure.objects.create(topic=topic, denominator=topic, per=1)
    url = reverse("insight:area", args=["GM0034"])
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    KeyFigure.objects.create(topic=dataset.topics.last(), denominator=topic, per=100)
    with CaptureQueriesContext(connection) as two:
        client.get(url)
    assert len(two) == len(one)


def test_the_benchmark_ranks_nothing_but_shows_every_municipality_with_a_map_and_downloads(
    figures: tuple[KeyFigure, KeyFigure],
) -> None:
    client = client_as(Role.TOEZICHT)
    query = {"kerncijfer": figures[0].pk}
    response = client.get(reverse("insight:benchmark"), query)

    found = response.context["benchmark"]
    assert found.period == "2021JJ00"
    assert [r.name for r in found.rows][:3] == ["Almere", "Dronten", "Lelystad"]
    assert [r.text for r in found.rows if r.name in ("Urk", "Zeewolde")] == ["—", "—"]
    chart = response.context["map"]
    assert chart is not None and len(chart.areas) == 6
    almere = next(a for a in chart.areas if a.code == "GM0034")
    urk = next(a for a in chart.areas if a.code == "GM0184")
    assert almere.colour != urk.colour and urk.text == "—"
    assert "Bron: CBS, Kadaster" in response.content.decode()

    csv = client.get(reverse("insight:benchmark_export", args=["csv"]), query)
    xlsx = client.get(reverse("insight:benchmark_export", args=["xlsx"]), query)
    text = csv.content.decode("utf-8-sig")
    assert "GM0034;Almere;216000" in text and "tabel 03759ned" in text
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    assert ("GM0995", "Lelystad", 78600) in list(book.worksheets[0].values)
    assert client.get(reverse("insight:benchmark_export", args=["pdf"]), query).status_code == 404


def test_the_area_download_holds_every_tile_with_its_source(
    figures: tuple[KeyFigure, KeyFigure],
) -> None:
    client = client_as(Role.COORDINATOR)
    csv = client.get(reverse("insight:area_export", args=["GM0034", "csv"]))
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 3
    assert all("tabel 03759ned" in line for line in lines[1:])
    xlsx = client.get(reverse("insight:area_export", args=["GM0034", "xlsx"]))
    values = list(openpyxl.load_workbook(io.BytesIO(xlsx.content)).worksheets[0].values)
    assert values[1][:4] == ("Bevolking op 1 januari", "aantal", "2021", 216000)


def test_the_labour_market_groups_the_figures_by_flow(
    figures: tuple[KeyFigure, KeyFigure],
) -> None:
    response = client_as(Role.OPDRACHTGEVER).get(reverse("insight:labour_market"))
    sections = {s.flow: s for s in response.context["sections"]}
    assert list(sections) == list(LabourFlow)
    assert [t.figure.figure.pk for t in sections[LabourFlow.INFLOW].tiles] == [figures[1].pk]
    assert all(not sections[flow].tiles for flow in LabourFlow if flow != LabourFlow.INFLOW)


# --- notes -------------------------------------------------------------------------------------


def notes_query(figure: KeyFigure, region: str = "GM0034", period: str = "2021JJ00") -> str:
    return f"?onderwerp={figure.topic_id}&regio={region}&periode={period}"


def test_staff_write_a_note_that_shows_on_the_dashboard_and_funders_may_not(
    figures: tuple[KeyFigure, KeyFigure],
) -> None:
    membership = MembershipFactory(role=Role.MEDEWERKER)
    staff = verified_client(membership.user)
    url = reverse("insight:notes") + notes_query(figures[0])

    refused = client_as(Role.OPDRACHTGEVER).post(url, {"text": "Groei door nieuwbouw."})
    empty = staff.post(url, {"text": ""})
    written = staff.post(url, {"text": "Groei door nieuwbouw in Almere Poort."})

    assert refused.status_code == 403
    assert empty.status_code == 400
    assert written.status_code == 302
    note = FigureNote.objects.get()
    assert note.organisation_id == membership.organisation_id
    assert AuditEntry.objects.filter(action="figure_note.written").count() == 1
    # A funder of its work reads the note, without the author's name; another
    # organisation's staff do not read it (a note is its organisation's, docs/tenancy.md).
    funder = MembershipFactory(role=Role.OPDRACHTGEVER)
    ProgrammeFactory(
        plan=PlanFactory(organisation=membership.organisation), funders=[funder.organisation]
    )
    area_url = reverse("insight:area", args=["GM0034"])
    area = verified_client(funder.user).get(area_url).content.decode()
    assert "Groei door nieuwbouw in Almere Poort." in area
    assert str(membership.user) not in area  # funders see no staff names
    colleague = MembershipFactory(role=Role.DIRECTEUR, organisation=membership.organisation)
    assert str(membership.user) in verified_client(colleague.user).get(area_url).content.decode()
    stranger = client_as(Role.DIRECTEUR).get(area_url).content.decode()
    assert "Groei door nieuwbouw" not in stranger


def test_a_note_on_a_figure_that_is_not_there_is_404(figures: tuple[KeyFigure, KeyFigure]) -> None:
    client = client_as(Role.MEDEWERKER)
    for query in (
        notes_query(figures[0], period="1999JJ00"),
        notes_query(figures[0], region="GM9999"),
        "?onderwerp=x&regio=GM0034&periode=2021JJ00",
        "",
    ):
        assert client.get(reverse("insight:notes") + query).status_code == 404


def test_a_note_is_removed_by_its_author_after_asking_and_not_by_another_organisation(
    figures: tuple[KeyFigure, KeyFigure],
) -> None:
    from tests.confirming import post_confirmed

    membership = MembershipFactory(role=Role.MEDEWERKER)
    staff = verified_client(membership.user)
    staff.post(reverse("insight:notes") + notes_query(figures[0]), {"text": "Een duiding."})
    note = FigureNote.objects.get()
    url = reverse("insight:note_remove", args=[note.pk])

    assert client_as(Role.DIRECTEUR).post(url).status_code == 404  # another organisation's
    asked = staff.post(url)
    assert asked.status_code == 200 and FigureNote.objects.exists()
    post_confirmed(staff, url)
    assert not FigureNote.objects.exists()
    assert AuditEntry.objects.filter(action="figure_note.removed").count() == 1


# --- the choice of key figures ------------------------------------------------------------------


def test_a_key_figure_with_a_breakdown_the_table_lacks_is_refused_with_the_reason(
    dataset: Dataset,
) -> None:
    client = client_as(Role.COORDINATOR)
    men = dataset.topics.get(key="Mannen_2")
    inhabitants = dataset.topics.get(key="BevolkingOp1Januari_1")
    url = reverse("insight:key_figure_create")
    base = {"topic": men.pk, "position": 0, "on_dashboard": "on"}

    wrong = client.post(url, {**base, "breakdown": "Geslacht=T001038"})
    half = client.post(url, {**base, "per": 1000})
    good = client.post(url, {**base, "denominator": inhabitants.pk, "per": 1000})
    twice = client.post(url, {**base})

    assert wrong.status_code == 400
    assert "geen waarden met die uitsplitsing" in wrong.content.decode()
    assert half.status_code == 400
    assert good.status_code == 302
    assert twice.status_code == 400
    assert KeyFigure.objects.count() == 1
    assert AuditEntry.objects.filter(action="key_figure.created").count() == 1
    assert client_as(Role.MEDEWERKER).get(url).status_code == 403


@pytest.mark.parametrize(
    "page",
    [
        ("insight:area", ["GM0034"]),
        ("insight:area", ["PV24"]),
        ("insight:benchmark", []),
        ("insight:labour_market", []),
        ("insight:index", []),
        ("insight:dataset", None),
    ],
)
def test_every_dashboard_page_stays_under_its_cap_of_queries(
    figures: tuple[KeyFigure, KeyFigure], page: tuple[str, list[str] | None]
) -> None:
    """A cap, not a count: the pages once read Flevoland's municipalities once per boundary
    (1,039 queries for the benchmark and every table page)."""
    name, args = page
    url = reverse(name, args=args if args is not None else [figures[0].topic.dataset_id])
    client = client_as(Role.DIRECTEUR)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert len(queries) <= 25, [q["sql"][:80] for q in queries.captured_queries][:5]
