"""The demo atlas: example initiatives in all six municipalities and all seven WEL themes,
each point inside its municipality, linked to the directory's theme partners, and a
collaboration network for 2020 and 2021 in which one broker's loss splits the 2021 network.

The network checks compute connected groups here, in plain Python, on purpose: they check
the demo's data, not the atlas's analysis (which has its own tests on known graphs)."""

from __future__ import annotations

import pytest

from koers.atlas.models import Collaboration, Initiative, Theme, TieSource
from koers.core.geo import municipality_code_at
from koers.demo.atlas import link_pg_indicator
from koers.demo.constants import OWN, REFERENCE_DATE
from koers.demo.directory_organisations import MUNICIPALITIES
from koers.demo.seed_data import atlas as seed
from koers.directory.models import Organisation, Position
from koers.plans.models import Indicator, Plan, Source
from koers.relations.models import Event

Node = tuple[str, int]  # ("i", initiative pk) or ("o", organisation pk)


@pytest.fixture
def demo(demo_db: dict[str, int]) -> None:
    """The shared demo (tests/shared_demo.py)."""


def network(year: int) -> dict[Node, set[Node]]:
    """The undirected network of the ties active in `year`, every initiative a node."""
    graph: dict[Node, set[Node]] = {
        ("i", pk): set() for pk in Initiative.objects.values_list("pk", flat=True)
    }
    rows = Collaboration.objects.active_in(year).values_list(
        "from_initiative", "from_organisation", "to_initiative", "to_organisation"
    )
    for from_initiative, from_organisation, to_initiative, to_organisation in rows:
        a = ("i", from_initiative) if from_initiative else ("o", from_organisation)
        b = ("i", to_initiative) if to_initiative else ("o", to_organisation)
        graph.setdefault(a, set()).add(b)
        graph.setdefault(b, set()).add(a)
    return graph


def groups(graph: dict[Node, set[Node]], without: Node | None = None) -> list[set[Node]]:
    """The connected groups of `graph`, leaving out `without`."""
    seen: set[Node] = {without} if without else set()
    found = []
    for start in graph:
        if start in seen:
            continue
        group, todo = {start}, [start]
        seen.add(start)
        while todo:
            for neighbour in graph[todo.pop()]:
                if neighbour not in seen:
                    seen.add(neighbour)
                    group.add(neighbour)
                    todo.append(neighbour)
        found.append(group)
    return found


def largest_share(graph: dict[Node, set[Node]], without: Node | None = None) -> float:
    """The share of initiatives in the group with the most initiatives."""
    initiatives = sum(1 for node in graph if node[0] == "i")
    return max(sum(1 for n in g if n[0] == "i") for g in groups(graph, without)) / initiatives


def group_of(graph: dict[Node, set[Node]], node: Node, without: Node) -> set[Node]:
    return next(g for g in groups(graph, without) if node in g)


def test_example_initiatives_cover_every_municipality_and_theme_inside_their_borders(
    demo: None,
) -> None:
    initiatives = list(
        Initiative.objects.select_related("municipality", "holder").prefetch_related("themes")
    )
    assert 30 <= len(initiatives) <= 40
    assert {i.municipality.code for i in initiatives} == {code for code, _ in MUNICIPALITIES}
    assert {t.slug for i in initiatives for t in i.themes.all()} == set(
        Theme.objects.values_list("slug", flat=True)
    )
    assert Theme.objects.count() == 7
    assert all(i.is_example and i.holder.slug == OWN for i in initiatives)
    for initiative in initiatives:
        assert initiative.latitude is not None and initiative.longitude is not None
        found = municipality_code_at(float(initiative.latitude), float(initiative.longitude))
        assert found == initiative.municipality.code, initiative.name
        assert initiative.website == ""
        assert initiative.target_groups and initiative.description
        assert sum(initiative.serves().values()) >= 1
    public = [i.is_public for i in initiatives]
    assert any(public) and not all(public)
    stale = {i.name for i in initiatives if i.is_stale_on(REFERENCE_DATE)}
    assert 0 < len(stale) < len(initiatives) / 2
    assert set(Initiative.objects.stale_on(REFERENCE_DATE).values_list("name", flat=True)) == stale


def test_initiatives_that_are_directory_organisations_link_to_them_with_their_persons(
    demo: None,
) -> None:
    names = {o.name: o for o in Organisation.objects.all()}
    linked = Initiative.objects.filter(organisation__isnull=False).select_related(
        "organisation", "contact"
    )
    assert linked.count() == 4
    for initiative in Initiative.objects.select_related("organisation"):
        # An initiative named as a directory organisation is that organisation: not a copy.
        if initiative.name in names:
            assert initiative.organisation == names[initiative.name]
    for initiative in linked:
        assert initiative.contact is not None and initiative.contact.purpose
        assert Position.objects.filter(
            person=initiative.contact, organisation=initiative.organisation, ended_on__isnull=True
        ).exists()
    assert not Initiative.objects.filter(organisation__isnull=True, contact__isnull=False).exists()
    partners = {
        "ggd-flevoland",
        "kunstlink",
        "sportservice-flevoland",
        "jeugdfonds-sport-en-cultuur",
        "ivn",
        "staatsbosbeheer",
        "flevomeer-bibliotheek",
        "huis-voor-taal",
        "medrie",
        "ozo-verbindzorg",
        "humanitas",
    }
    ends = set(
        Collaboration.objects.filter(from_organisation__isnull=False).values_list(
            "from_organisation__slug", flat=True
        )
    ) | set(
        Collaboration.objects.filter(to_organisation__isnull=False).values_list(
            "to_organisation__slug", flat=True
        )
    )
    assert partners <= ends


def test_the_ties_are_dated_sourced_and_partly_derived_from_the_meetings(demo: None) -> None:
    ties = list(Collaboration.objects.all())
    assert all(tie.is_example and tie.holder.slug == OWN for tie in ties)
    derived = [tie for tie in ties if tie.derivation]
    entered = [tie for tie in ties if not tie.derivation]
    assert len(entered) == len(seed.TIES)
    assert all(tie.source_note.startswith("Voorbeeldgegevens: ") for tie in entered)
    assert {tie.source for tie in entered} >= {
        TieSource.CONVERSATION,
        TieSource.SURVEY,
        TieSource.EVENT,
    }
    assert any(tie.is_internal for tie in ties) and not all(tie.is_internal for tie in ties)
    # Every two co-organisers of each meeting held by the reference date, once.
    held = Event.objects.filter(date__lte=REFERENCE_DATE).prefetch_related("co_organisers")
    expected = {
        (f"event:{event.pk}", frozenset((a.pk, b.pk)))
        for event in held
        for a in event.co_organisers.all()
        for b in event.co_organisers.all()
        if a.pk < b.pk
    }
    assert len(expected) >= 4
    assert {
        (tie.derivation, frozenset((tie.from_organisation_id, tie.to_organisation_id)))
        for tie in derived
    } == expected
    assert all(tie.source == TieSource.EVENT and tie.theme_id for tie in derived)
    # No two ties between the same two parties.
    pairs = [frozenset((tie.from_party, tie.to_party)) for tie in ties]
    assert len(pairs) == len(set(pairs))


def test_the_2021_network_differs_from_2020_and_splits_without_its_broker(demo: None) -> None:
    in_2020 = set(Collaboration.objects.active_in(2020).values_list("pk", flat=True))
    in_2021 = set(Collaboration.objects.active_in(2021).values_list("pk", flat=True))
    assert in_2021 - in_2020 and in_2020 - in_2021
    assert Collaboration.objects.filter(ended_on__year=2020).count() >= 3

    broker = ("o", Organisation.objects.get(slug=seed.BROKER).pk)
    almere = ("i", Initiative.objects.get(name="Maatjesproject Almere").pk)
    urk = ("i", Initiative.objects.get(name="Vrijwilligerspool Urk").pk)
    graph = network(2021)
    assert len(groups(graph, without=broker)) > len(groups(graph))
    assert largest_share(graph) > 0.85
    assert largest_share(graph, without=broker) < 0.6
    assert urk not in group_of(graph, almere, without=broker)
    # It is the broker: nobody else's loss takes as many initiatives out of the largest group.
    shares = {node: largest_share(graph, without=node) for node in graph}
    assert min(shares, key=lambda node: shares[node]) == broker
    # In 2020 Humanitas's project in Urk still linked the two halves.
    assert urk in group_of(network(2020), almere, without=broker)

    isolated = {
        Initiative.objects.get(pk=pk).name for (kind, pk), ties in graph.items() if not ties
    }
    assert {spec.name for spec in seed.INITIATIVES if spec.key in seed.ISOLATED} <= isolated
    assert 3 <= len(isolated) <= 5


def test_pg_2_1_is_prepared_to_count_the_initiatives_in_the_atlas(demo: None) -> None:
    plan = Plan.objects.get(organisation__slug=OWN)
    indicator = link_pg_indicator(plan)
    assert indicator is not None
    assert indicator.activity.code == "PG-2.1" and indicator.activity.year == 2021
    assert indicator.source == Source.DERIVED and indicator.measure == "atlas.initiatives"
    assert indicator.note.startswith("Voorbeeldgegevens")
    assert link_pg_indicator(plan) == indicator
    # Once in 2021; the demo's 2022 plan, drafted from 2021, carries it over.
    assert Indicator.objects.filter(measure="atlas.initiatives", activity__year=2021).count() == 1
