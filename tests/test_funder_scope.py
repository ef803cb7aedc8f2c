"""A funder sees nothing of what she does not fund.

Generated from the permission matrix: every page and download that a funder's official
(`opdrachtgever`, the province; `regio`, Regio+) opens is requested as her in a world where
every programme she does NOT fund carries unmistakable markers — a unique name, activities,
indicators, events, communication items, products, advice, and money and hours with
distinctive figures (7,777.77 income, 1,777 hours …) in budget lines, expenses, time entries,
hours budgets, targets, realisations and advances — and where another funder's goal tree is
served by her own programme. No marker may appear, in the HTML or in the text of the Excel,
Word, PDF or iCalendar document. Her own programmes carry none of these figures, so a total
over all programmes would show the marker itself (a total leaks the others by subtraction).
Downloads with a kind in the URL are requested in every kind (the finance exports, every kind
of report and each of its documents).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import factory.django
import pytest
from django.urls import reverse
from django.utils import timezone

from koers.funding.export_views import EXPORTS
from koers.plans.models import Goal, Programme
from koers.reports.models import ReportKind
from tests.conftest import World
from tests.permission_matrix import ROLES, ROWS, Row, a_grant
from tests.plans.factories import (
    ActivityFactory,
    GoalFactory,
    IndicatorFactory,
    RealisationFactory,
    TargetFactory,
)
from tests.response_text import shown_text

FUNDERS = ["opdrachtgever", "regio"]

# Figures of the programmes she does not fund; none is a sum of the others.
INCOME = Decimal("7777.77")  # income planned from the programme's own funder
COST = Decimal("6666.66")  # material costs planned, charged to the programme's funder
HER_COST = Decimal("3333.33")  # personnel costs planned there, charged to HER organisation
EXPENSE = Decimal("5555.55")  # an expense charged to the programme's funder
HOURS = (Decimal("1000"), Decimal("777"))  # 1,777 hours registered on its activity
RATE = Decimal("40")  # so its personnel costs realised are 71,080.00
HOURS_BUDGET = Decimal("1555")
TARGET = Decimal("2468")
REALISED = Decimal("1357")
GRANTED = Decimal("17777.76")  # advances of 4,444.44, two of them paid
AGREED = Decimal("9876")  # a target agreed in HER grant for an indicator of that programme
MARKED_FIGURES = [
    INCOME,
    COST,
    HER_COST,
    EXPENSE,
    sum(HOURS),
    sum(HOURS) * RATE,
    HOURS_BUDGET,
    TARGET,
    REALISED,
    GRANTED,
    GRANTED / 4,
    AGREED,
]


def _subclasses(cls: type) -> list[type]:
    return [cls, *(sub for direct in cls.__subclasses__() for sub in _subclasses(direct))]


@pytest.fixture(autouse=True)
def _sequences_from_zero() -> None:
    """Factory names count on over all of a worker's tests ("Doel 1357" after 1,357 goals),
    so a name could spell a marker figure and pass for a leak; here every test counts from 0
    again (its records are rolled back after it, so the names stay unique)."""
    for factory_class in _subclasses(factory.django.DjangoModelFactory):
        if not factory_class._meta.abstract:
            factory_class.reset_sequence(0, force=True)


def spellings(value: Decimal) -> set[str]:
    """The ways a page or a document may write `value`: 7777.77, 7777,77, 7.777,77,
    7,777.77, 7 777,77 (and for whole numbers 1777, 1.777, 1,777 as well)."""
    whole, cents = f"{value:.2f}".split(".")
    groups = [whole[max(i - 3, 0) : i] for i in range(len(whole), 0, -3)][::-1]
    found = {f"{whole}.{cents}", f"{whole},{cents}"}
    for separator in (".", ",", " ", "\u00a0", "\u202f"):
        grouped = separator.join(groups)
        for point in {".", ","} - {separator}:
            found.add(f"{grouped}{point}{cents}")
        if cents == "00":
            found |= {whole, grouped}
    return found


@dataclass
class Marked:
    world: World
    role: str
    her: Any  # the funder organisation she acts for
    names: list[str]  # names and titles of what she does not fund


def _other_funder(world: World, her: Any) -> Any:
    return world.regio if her == world.province else world.province


def _mark_programme(world: World, her: Any, programme: Programme, n: int) -> list[str]:
    """Give a programme she does not fund its markers; return their names."""
    from koers.funding.models import BudgetLine, Expense, GrantIndicator
    from koers.plans.models import AdvisoryComment
    from koers.relations.models import CommunicationItem, Event
    from koers.work.models import CostRate, HoursBudget, Product, StaffProfile, TimeEntry

    name = f"Zebraprogramma {n}"
    programme.name = name
    programme.save(update_fields=["name"])
    activity = ActivityFactory(programme=programme, title=f"Zebra-activiteit {n}")
    indicator = IndicatorFactory(activity=activity, title=f"Zebra-indicator {n}")
    TargetFactory(indicator=indicator, value=TARGET)
    RealisationFactory(indicator=indicator, date=dt.date(2021, 4, 1), value=REALISED)
    event = f"Zebrabijeenkomst {n}"
    organisation = programme.plan.organisation
    for day in (dt.date(2021, 6, 10), timezone.localdate()):  # this year's, and the calendar's
        Event.objects.create(
            holder=organisation, programme=programme, activity=activity, title=event, date=day
        )
    CommunicationItem.objects.create(
        holder=organisation,
        programme=programme,
        date=dt.date(2021, 3, 1),
        channel="newsletter",
        title=f"Zebranieuwsbrief {n}",
    )
    Product.objects.create(
        activity=activity,
        title=f"Zebraproduct {n}",
        kind="report",
        link="https://example.org/zebra",
        registered_by=world.users["bedrijfsvoering"],
    )
    names = [name, activity.title, indicator.title, event, f"Zebranieuwsbrief {n}"]
    names.append(f"Zebraproduct {n}")
    if organisation != world.own:
        return names  # money and hours: those of the world's own organisation
    funder = programme.funders.first()
    lines = [
        ("income", "", funder, INCOME),
        ("cost", "material", funder, COST),
        ("cost", "personnel", her, HER_COST),
    ]
    for direction, cost_type, charged, amount in lines:
        BudgetLine.objects.create(
            organisation=world.own,
            programme=programme,
            year=2021,
            direction=direction,
            cost_type=cost_type,
            funder=charged,
            amount=amount,
        )
    Expense.objects.create(
        organisation=world.own,
        programme=programme,
        funder=funder,
        date=dt.date(2021, 5, 3),
        cost_type="material",
        amount=EXPENSE,
        description="Zaalhuur",
    )
    staff = world.users["medewerker"]
    profile, _ = StaffProfile.objects.get_or_create(
        user=staff, defaults={"organisation": world.own}
    )
    CostRate.objects.get_or_create(profile=profile, year=2021, defaults={"rate": RATE})
    for day, hours in zip((dt.date(2021, 2, 1), dt.date(2021, 5, 3)), HOURS, strict=True):
        TimeEntry.objects.create(
            user=staff, organisation=world.own, date=day, hours=hours, activity=activity
        )
    HoursBudget.objects.create(activity=activity, year=2021, hours=HOURS_BUDGET)
    _grant(world, funder, programme, f"Zebrasubsidie {n}")
    # Her own grant, and its agreed target, name this programme too: her money, but not a
    # programme she funds, so its figures stay out of her sight like all the others.
    mine = _grant(world, her, programme, f"Eigen subsidie {n}", Decimal("8000.00"))
    GrantIndicator.objects.create(grant=mine, indicator=indicator, year=2021, agreed_target=AGREED)
    AdvisoryComment.objects.create(
        annual_plan=world.annual_plan,
        programme=programme,
        author=world.users["toezicht"],
        text=f"Zebra-advies {n}",
    )
    return [*names, f"Zebrasubsidie {n}", f"Zebra-advies {n}"]


def _grant(
    world: World, funder: Any, programme: Programme, title: str, amount: Decimal = GRANTED
) -> Any:
    from koers.funding.models import Grant, GrantStatus
    from koers.funding.services._schedule_steps import schedule_make

    grant = Grant.objects.create(
        organisation=world.own,
        funder=funder,
        kind="projectsubsidie",
        title=title,
        status=GrantStatus.GRANTED,
        amount_requested=amount,
        amount_granted=amount,
        starts_on=dt.date(2021, 1, 1),
        ends_on=dt.date(2021, 12, 31),
    )
    grant.programmes.add(programme)
    schedule_make(None, grant, None)
    for advance in grant.advances.order_by("number")[:2]:
        advance.sent_on = advance.paid_on = advance.period_start
        advance.save()
    return grant


def _goals(world: World, her: Any, hers: list[Programme], not_hers: list[Programme]) -> None:
    """Another funder's goal tree, served by her programme as well as by the others; and her
    own goal served by a programme she does not fund."""
    root = GoalFactory(funder=_other_funder(world, her), code="Z", title="Zebradoel")
    child = GoalFactory(funder=root.funder, code="Z-1", title="Zebradoel-kind", parent=root)
    own_goal = GoalFactory(funder=her, code="E-1", title="Eigen doel")
    for programme in hers:
        programme.goals.add(child)
    for programme in not_hers:
        programme.goals.add(child, own_goal)


def _other_trees(her: Any) -> list[str]:
    """Titles of every goal in a tree whose top goal belongs to another funder."""
    goals = {goal.pk: goal for goal in Goal.objects.all()}

    def root(goal: Goal) -> Goal:
        while goal.parent_id is not None:
            goal = goals[goal.parent_id]
        return goal

    return [goal.title for goal in goals.values() if root(goal).funder_id != her.pk]


@pytest.fixture
def marked(request: Any, world: World) -> Marked:
    """The world marked for the funder role given as the parameter."""
    role = request.param
    her = world.province if role == "opdrachtgever" else world.regio
    programmes = list(Programme.objects.order_by("pk"))
    hers = [p for p in programmes if p.funders.filter(pk=her.pk).exists()]
    not_hers = [p for p in programmes if p not in hers]
    assert hers and not_hers
    names: list[str] = []
    for n, programme in enumerate(not_hers, start=1):
        names += _mark_programme(world, her, programme, n)
    _goals(world, her, hers, not_hers)
    return Marked(world, role, her, names)


# --- the pages and downloads: the matrix's rows, in every kind ---------------------------------


def _sent_report(world: World, kind: str) -> Any:
    """A report of `kind` for the province, sent, with its three documents made."""
    from koers.reports import services
    from koers.reports.tasks import make_document

    actor = world.users["directeur"]
    report = services.report_prepare(
        actor=world.users["bedrijfsvoering"],
        plan=world.plan,
        kind=kind,
        year=2021,
        quarter=3,
        last_year=2021,
        grant=a_grant(world, granted=True) if kind == ReportKind.ACCOUNTABILITY else None,
    )
    for step in (services.report_review, services.report_sign, services.report_send):
        report = step(actor=actor, report=report)
    for document in report.documents.all():
        make_document.call(document.pk)
    return report


def _reports(world: World) -> list[tuple[int]]:
    return [(_sent_report(world, kind).pk,) for kind in ReportKind.values]


def _documents(world: World) -> list[tuple[int]]:
    return [
        (document.pk,)
        for kind in ReportKind.values
        for document in _sent_report(world, kind).documents.order_by("format")
    ]


# Rows whose URL names one of several kinds: requested in each, from the system's own lists.
KINDS = {
    "funding:export": lambda world: [(kind,) for kind in EXPORTS],
    "reports:report": _reports,
    "reports:document_download": _documents,
}


def _rows(role: str) -> list[Row]:
    """The pages and downloads she may open: those the matrix gives her (200), and those
    of a kind she opens for the objects in her scope (404 for the row's own object)."""
    column = ROLES.index(role)
    return [
        row
        for row in ROWS
        if row.method == "GET" and not row.public and row.expected[column] in (200, 404)
    ]


CASES = [
    pytest.param(role, row, id=f"{role}-{row.name}[{row.what}]")
    for role in FUNDERS
    for row in _rows(role)
]
EACH_FUNDER = pytest.mark.parametrize("marked", FUNDERS, indirect=True)


def _requests(row: Row, world: World, role: str) -> list[tuple[str, frozenset[int]]]:
    """Each URL to request for `row`, with the answers allowed: the row's own as the matrix
    says; the same page for every other object of its kind (hers: 200; not: 404); a row
    with a kind in its URL in every kind."""
    own_query = row.query_for(world)
    separator = "&" if "?" in own_query else "?"
    query = own_query + separator + "jaar=2021&peildatum=2021-10-15"
    expected = row.expected[ROLES.index(role)]
    if row.name in KINDS:  # a kind she may not see at all (the financial position): 403
        return [
            (reverse(row.name, args=list(args)) + query, frozenset({expected, 403}))
            for args in KINDS[row.name](world)
        ]
    found = row.target(world) if row.target else None  # builds the row's object once
    if not hasattr(found, "_meta"):
        args = list(found) if isinstance(found, tuple) else []
        return [(reverse(row.name, args=args) + query, frozenset({expected}))]
    own = reverse(row.name, args=[found.pk]) + query
    others = type(found)._default_manager.exclude(pk=found.pk).values_list("pk", flat=True)
    # The admin refuses her before it looks (403) where she is related to the record's
    # organisation (she funds it, docs/tenancy.md); elsewhere it is not found (404).
    elsewhere = (
        frozenset({200, 403, 404}) if row.name.startswith("admin:") else frozenset({200, 404})
    )
    return [(own, frozenset({expected}))] + [
        (reverse(row.name, args=[pk]) + query, elsewhere) for pk in others.order_by("pk")
    ]


def _forbidden(marked: Marked) -> set[str]:
    texts = set(marked.names) | set(_other_trees(marked.her))
    for value in MARKED_FIGURES:
        texts |= spellings(value)
    return texts


def _leaks(
    client: Any, url: str, forbidden: set[str], allowed: frozenset[int] = frozenset({200})
) -> list[str]:
    """What of `forbidden` the page or document at `url` shows (nothing when refused)."""
    response = client.get(url)
    assert response.status_code in allowed, url
    if response.status_code != 200:
        return []
    shown = shown_text(response)
    return [f"{url}: {text!r}" for text in sorted(forbidden) if text in shown]


@pytest.mark.parametrize(("marked", "row"), CASES, indirect=["marked"])
def test_no_page_or_download_shows_what_she_does_not_fund(marked: Marked, row: Row) -> None:
    world = marked.world
    client = world.client(marked.role)
    requests = _requests(row, world, marked.role)  # may add objects, such as goals
    forbidden = _forbidden(marked)
    leaks = [leak for url, allowed in requests for leak in _leaks(client, url, forbidden, allowed)]
    assert not leaks, "\n".join(leaks)


@EACH_FUNDER
def test_her_own_calendar_holds_only_the_events_she_funds(marked: Marked) -> None:
    from koers.relations.contacts.services import calendar_feed_renew

    user = marked.world.users[marked.role]
    url = reverse("relations:calendar", args=[calendar_feed_renew(user=user)])
    assert not _leaks(marked.world.client(marked.role), url, _forbidden(marked))


@EACH_FUNDER
def test_the_markers_are_there_for_the_staff(marked: Marked) -> None:
    """So the tests above can fail: the organisation's director is shown the markers on the
    budget, goals, events, annual plan, finance export and her calendar."""
    from koers.relations.contacts.services import calendar_feed_renew

    director = marked.world.users["directeur"]
    client = marked.world.client("directeur")
    budget = reverse("funding:budget") + "?jaar=2021&peildatum=2021-10-15"
    expected = {
        budget: ["Zebraprogramma 1", "1.777", "71.080,00", "3.333,33", "1.555"],
        reverse("plans:goals"): ["Zebradoel", "Zebradoel-kind"],
        reverse("relations:events") + "?jaar=2021": ["Zebrabijeenkomst 1"],
        reverse("plans:annual_plan", args=[marked.world.annual_plan.pk]): ["Zebra-advies 1"],
        reverse("funding:export", args=["subsidies"]): ["Zebrasubsidie 1", "Zebra-indicator 1"],
        reverse("relations:calendar", args=[calendar_feed_renew(user=director)]): [
            "Zebrabijeenkomst 1"
        ],
    }
    missing = {
        url: [text for text in texts if text not in shown_text(client.get(url))]
        for url, texts in expected.items()
    }
    assert missing == {url: [] for url in expected}
