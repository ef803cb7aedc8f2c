"""The stored network snapshot (service, task, command), its page, export and measures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from koers.atlas.models import (
    Collaboration,
    Initiative,
    NetworkSnapshot,
    NodeMetric,
    TieKind,
    TieSource,
)
from koers.atlas.network.services import snapshot_store
from koers.core.models import AuditEntry
from koers.plans.measures import get_measure
from tests.directory.factories import MunicipalityFactory, OrganisationFactory, PersonFactory


def initiative(world: Any, name: str, municipality: Any, **extra: Any) -> Initiative:
    return Initiative.objects.create(
        holder=world.own,
        name=name,
        kind="bewonersinitiatief",
        municipality=municipality,
        confirmed_on=dt.date(2021, 1, 1),
        **extra,
    )


def tie(world: Any, a: Any, b: Any, since: str = "2020-01-01", until: str | None = None) -> None:
    ends: dict[str, Any] = {}
    ends["from_initiative" if isinstance(a, Initiative) else "from_organisation"] = a
    ends["to_initiative" if isinstance(b, Initiative) else "to_organisation"] = b
    Collaboration.objects.create(
        holder=world.own,
        kind=TieKind.COLLABORATION,
        source=TieSource.CONVERSATION,
        started_on=dt.date.fromisoformat(since),
        ended_on=dt.date.fromisoformat(until) if until else None,
        **ends,
    )


@pytest.fixture
def atlas(world: Any) -> dict[str, Any]:
    """A path Buurtkracht – Taalhuis – GGD (a directory organisation that is also the
    initiative "GGD-loket": one node) – Sportclub, in 2021; Wandelgroep in Lelystad without
    a tie; in 2020 Buurtkracht was also tied to Wandelgroep (ended 2020)."""
    almere = MunicipalityFactory(code="GM0034", name="Almere")
    lelystad = MunicipalityFactory(code="GM0995", name="Lelystad")
    ggd = OrganisationFactory(name="GGD Flevoland")
    contact = PersonFactory(holder=world.own, first_name="Karin", last_name="Zwaluwstaart")
    a = initiative(world, "Buurtkracht", almere)
    b = initiative(world, "Taalhuis", almere, contact=contact)
    c = initiative(world, "GGD-loket", almere, organisation=ggd)
    d = initiative(world, "Sportclub", lelystad)
    e = initiative(world, "Wandelgroep", lelystad)
    tie(world, a, b)
    tie(world, b, ggd)  # to the organisation: the same node as the initiative GGD-loket
    tie(world, c, d, since="2021-03-01")
    tie(world, a, e, until="2020-12-31")
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "ggd": ggd, "contact": contact}


def test_snapshot_stores_the_years_figures(world: Any, atlas: dict[str, Any]) -> None:
    snapshot = snapshot_store(holder_id=world.own.pk, year=2021)
    # Nodes: the five initiatives (GGD is one with its initiative); ties a–b, b–c, c–d.
    assert (snapshot.node_count, snapshot.tie_count, snapshot.initiative_count) == (5, 3, 5)
    assert snapshot.isolated_count == 1  # Wandelgroep (its tie ended in 2020)
    # The path holds 4 of the 5 parties: 80%.
    assert snapshot.largest_group_share == Decimal("80.0")
    figures = {
        n.initiative.name: n
        for n in NodeMetric.objects.filter(snapshot=snapshot).select_related("initiative")
    }
    assert figures["Taalhuis"].is_articulation_point and figures["GGD-loket"].is_articulation_point
    assert not figures["Buurtkracht"].is_articulation_point
    # Betweenness of b on a path of 4 plus an isolated node: 2 pairs through b, normalised
    # by (5-1)(5-2)/2 = 6 → 1/3.
    assert figures["Taalhuis"].betweenness == pytest.approx(1 / 3)
    assert snapshot.ties.filter(is_bridge=True).count() == 3
    # Without the top broker (Taalhuis, first by name among equals): {GGD-loket, Sportclub}
    # is the largest group, 2 of 5 = 40%.
    assert snapshot.fragility["what_if"][0] == {
        "count": 1,
        "removed": [f"i{atlas['b'].pk}"],
        "share": 40.0,
    }
    # Since 2020: the tie to Wandelgroep ended, GGD-loket–Sportclub is new.
    assert snapshot.changes["new_count"] == 1 and snapshot.changes["lost_count"] == 1
    assert figures["Taalhuis"].x is not None
    assert AuditEntry.objects.filter(action="network.computed").count() == 1


def test_recomputing_replaces_the_year(world: Any, atlas: dict[str, Any]) -> None:
    first = snapshot_store(holder_id=world.own.pk, year=2021)
    tie(world, atlas["d"], atlas["e"])
    second = snapshot_store(holder_id=world.own.pk, year=2021)
    assert NetworkSnapshot.objects.filter(holder=world.own, year=2021).get() == second
    assert not NodeMetric.objects.filter(snapshot_id=first.pk).exists()
    assert second.tie_count == 4 and second.isolated_count == 0


def test_the_command_computes_a_year(world: Any, atlas: dict[str, Any]) -> None:
    call_command("network_snapshot", "--year", "2021", "--holder", str(world.own.pk), verbosity=0)
    assert NetworkSnapshot.objects.filter(holder=world.own, year=2021).exists()


def test_staff_recompute_through_the_worker(
    world: Any, atlas: dict[str, Any], settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        response = world.client("medewerker").post(
            reverse("atlas:network_recompute"), {"year": "2021"}
        )
    assert response.status_code == 302
    assert NetworkSnapshot.objects.filter(holder=world.own, year=2021).exists()
    assert AuditEntry.objects.filter(action="network.requested").exists()


def test_a_wrong_year_is_refused_and_nothing_is_queued(world: Any, atlas: dict[str, Any]) -> None:
    response = world.client("medewerker").post(
        reverse("atlas:network_recompute"), {"year": "twintig"}, follow=True
    )
    assert "Kies een jaar" in response.content.decode()
    assert not AuditEntry.objects.filter(action="network.requested").exists()


def test_funders_and_the_board_may_not_recompute(world: Any, atlas: dict[str, Any]) -> None:
    for role in ("opdrachtgever", "toezicht"):
        assert (
            world.client(role)
            .post(reverse("atlas:network_recompute"), {"year": "2021"})
            .status_code
            == 403
        )
    assert not NetworkSnapshot.objects.exists()


def _page(world: Any, role: str, holder: Any = None) -> str:
    query = f"&houder={holder.pk}" if holder else ""
    response = world.client(role).get(reverse("atlas:network") + "?jaar=2021" + query)
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_shows_brokers_fragility_and_changes(world: Any, atlas: dict[str, Any]) -> None:
    snapshot_store(holder_id=world.own.pk, year=2020)
    snapshot_store(holder_id=world.own.pk, year=2021)
    html = _page(world, "programmacoordinator")
    assert "<svg" in html and 'aria-labelledby="network-title network-desc"' in html
    assert "nog 40,0% van de initiatieven in de grootste groep" in html
    assert "Wandelgroep" in html  # isolated, under Lelystad
    assert "Karin Zwaluwstaart" in html  # staff who may see persons see the broker's contact
    assert "Opnieuw berekenen" in html


def test_funders_and_the_board_see_no_person(world: Any, atlas: dict[str, Any]) -> None:
    snapshot_store(holder_id=world.own.pk, year=2021)
    for role in ("opdrachtgever", "regio", "toezicht"):
        html = _page(world, role, world.own)  # the province funds two atlases: choose one
        assert "Taalhuis" in html
        assert "Zwaluwstaart" not in html
        assert "Opnieuw berekenen" not in html


def test_another_organisations_director_sees_her_own_empty_atlas(
    world: Any, atlas: dict[str, Any]
) -> None:
    snapshot_store(holder_id=world.own.pk, year=2021)
    html = _page(world, "outsider")
    assert "Taalhuis" not in html
    other = reverse("atlas:network") + f"?jaar=2021&houder={world.own.pk}"
    assert "Taalhuis" not in world.client("outsider").get(other).content.decode()


def test_the_page_reads_with_a_fixed_number_of_queries(
    world: Any, atlas: dict[str, Any], django_assert_max_num_queries: Any
) -> None:
    snapshot_store(holder_id=world.own.pk, year=2021)
    client = world.client("directeur")
    client.get(reverse("atlas:network") + "?jaar=2021")
    with django_assert_max_num_queries(22) as small:
        client.get(reverse("atlas:network") + "?jaar=2021&sorteer=naam")
    for n in range(40):
        tie(world, initiative(world, f"Extra {n}", atlas["a"].municipality), atlas["d"])
    snapshot_store(holder_id=world.own.pk, year=2021)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("atlas:network") + "?jaar=2021&sorteer=naam")


def test_graphml_export_carries_figures_and_no_person(world: Any, atlas: dict[str, Any]) -> None:
    snapshot_store(holder_id=world.own.pk, year=2021)
    address = reverse("atlas:network_graphml") + f"?jaar=2021&houder={world.own.pk}"
    response = world.client("opdrachtgever").get(address)
    assert response.status_code == 200
    text = response.content.decode()
    assert "<graphml" in text and "Taalhuis" in text and "betweenness" in text and "Almere" in text
    assert "Zwaluwstaart" not in text and "Karin" not in text
    assert (
        world.client("directeur").get(reverse("atlas:network_graphml") + "?jaar=2019").status_code
        == 404
    )


def _indicator(world: Any, measure: str, **params: Any) -> Any:
    world.indicator.measure = measure
    world.indicator.measure_params = params
    return world.indicator


def test_the_derived_measures(world: Any, atlas: dict[str, Any]) -> None:
    start, end = dt.date(2021, 1, 1), dt.date(2021, 12, 31)
    count = get_measure("atlas.initiatives")
    assert (
        count is not None and count.compute(_indicator(world, "atlas.initiatives"), start, end) == 5
    )
    narrowed = _indicator(world, "atlas.initiatives", municipality="GM0995")
    assert count.compute(narrowed, start, end) == 2
    ties = get_measure("atlas.collaborations")
    assert (
        ties is not None
        and ties.compute(_indicator(world, "atlas.collaborations"), start, end) == 3
    )
    share = get_measure("atlas.largest_group_share")
    isolated = get_measure("atlas.isolated_initiatives")
    assert share is not None and isolated is not None
    assert share.compute(world.indicator, start, end) is None  # nothing stored yet
    snapshot_store(holder_id=world.own.pk, year=2021)
    assert share.compute(world.indicator, start, end) == Decimal("80.0")
    assert isolated.compute(world.indicator, start, end) == 1
    assert isolated.records is not None
    assert [i.name for i in isolated.records(world.indicator, start, end)] == ["Wandelgroep"]
    # Another organisation's indicator never counts this atlas.
    assert count.compute(world.other_indicator, start, end) == 0


def test_the_request_refuses_whoever_may_not_change_that_atlas(world: Any) -> None:
    from django.core.exceptions import PermissionDenied

    from koers.atlas.network.tasks import snapshot_request

    for role in ("opdrachtgever", "toezicht", "outsider"):
        with pytest.raises(PermissionDenied):
            snapshot_request(actor=world.users[role], holder_id=world.own.pk, year=2021)
    assert not AuditEntry.objects.filter(action="network.requested").exists()
