"""The demo's signals and client support (issue 20): the category tree, example signals over
2020–2021 in the six municipalities (one theme rising in the third quarter of 2021), the
meetings with the province and the agenda items taken there, the OCO schemes with their
clients, cases, contacts and volunteers, and the classifier trained on the signals.

The facts and counts are in `seed_data.signals`. Like the demo's other invented volumes,
signals, cases and their contacts are bulk-loaded as example data (every text says
"voorbeeldgegevens"), with one audit entry on the holder ("demo.example_data") rather than
one per record claiming a user typed it in. Their texts hold no personal data, so they are
not run through the scrubber (which would load `deduce` in every test that builds the
demo). The same seeded `random.Random` makes the same demo every time.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from koers.accounts.models import User
from koers.core.models import Municipality
from koers.core.privacy import LawfulBasis
from koers.demo.constants import REFERENCE_DATE
from koers.demo.directory import loaded
from koers.demo.seed_data import signals as seed
from koers.directory.models import Organisation, Person
from koers.plans.models import Activity, Indicator, Plan, Source
from koers.signals.categories.services import categories_seed
from koers.signals.models import (
    AgendaItem,
    AgendaStep,
    Case,
    CaseContact,
    CaseType,
    Category,
    Client,
    Meeting,
    Signal,
    SupportVolunteer,
)
from koers.signals.weeks import IsoWeek

Theme = tuple[str, str | None]


def build_signals(
    plan: Plan,
    users: dict[str, User],
    organisations: dict[str, Organisation],
    municipalities: dict[str, Municipality],
    note: Any,
) -> None:
    """Signals and client support of the plan's organisation, once."""
    holder = plan.organisation
    if Signal.objects.filter(holder=holder).exists():
        return
    rng = random.Random(20)  # issue 20: the same signals on every build
    categories = _categories(holder)
    signals = _signals(holder, users, categories, municipalities, rng)
    meetings = _meetings(holder, organisations)
    items = _agenda(holder, users, signals, categories, meetings)
    case_types = _case_types(holder, plan)
    clients, cases, contacts = _cases(holder, users, case_types, municipalities, signals, rng)
    volunteers = _volunteers(holder, case_types)
    loaded(
        holder,
        note,
        **{
            "signal categories": len(categories),
            "signals": len(signals),
            "meetings": len(meetings),
            "agenda items": items,
            "kinds of client support": len(case_types),
            "clients": clients,
            "client support cases": cases,
            "contacts in cases": contacts,
            "volunteers in client support": volunteers,
        },
    )
    derive_indicators(plan)
    train_classifier(holder)


# --- categories ----------------------------------------------------------------------------


def _categories(holder: Organisation) -> dict[Theme, Category]:
    """The holder's tree by (main, sub) and (main, None): the seeds' themes, made by the
    categories' own seeding service."""
    categories_seed(holder)
    tree: dict[Theme, Category] = {}
    for category in Category.objects.filter(holder=holder).select_related("parent"):
        if category.parent_id:
            tree[(category.parent.name, category.name)] = category  # type: ignore[union-attr,unused-ignore]
        else:
            tree[(category.name, None)] = category
    return tree


def _category_of(categories: dict[Theme, Category], theme: Theme) -> Category:
    """The sub-category of `theme`, or its main category when the tree lacks that sub."""
    main, sub = theme
    return categories.get((main, sub)) or categories[(main, None)]


# --- signals -------------------------------------------------------------------------------


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _quarter_days(year: int, number: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, 3 * number - 2, 1)
    following = dt.date(year + (number == 4), 1 if number == 4 else 3 * number + 1, 1)
    return first, min(following - dt.timedelta(days=1), REFERENCE_DATE - dt.timedelta(days=1))


def _signals(
    holder: Organisation,
    users: dict[str, User],
    categories: dict[Theme, Category],
    municipalities: dict[str, Municipality],
    rng: random.Random,
) -> list[Signal]:
    themes = list(seed.TEXTS)
    interpreters = [users["coordinator-vi"], users["medewerker"]]
    drawn: list[tuple[dt.date, Theme]] = []
    for year, number in seed.QUARTERS:
        first, last = _quarter_days(year, number)
        share = ((last - first).days + 1) / 91
        count = round(seed.SIGNALS_PER_QUARTER * min(share, 1))
        for _ in range(count):
            main = _pick(rng, seed.THEME_WEIGHTS)
            theme = rng.choice([t for t in themes if t[0] == main])
            drawn.append((first + dt.timedelta(days=rng.randrange((last - first).days)), theme))
        if (year, number) == seed.RISING_QUARTER:
            rising = [t for t in themes if t[0] == seed.RISING_THEME]
            for _ in range(seed.RISING_EXTRA):
                day = first + dt.timedelta(days=rng.randrange((last - first).days))
                drawn.append((day, rng.choice(rising)))
    drawn.sort(key=lambda pair: pair[0])
    zone = timezone.get_current_timezone()
    rows = []
    for index, (day, theme) in enumerate(drawn):
        law, target_group, phrases = seed.TEXTS[theme]
        text = " ".join(
            part
            for part in (
                rng.choice(seed.OPENERS),
                rng.choice(phrases) + ".",
                rng.choice(seed.CLOSERS),
                seed.EXAMPLE,
            )
            if part
        )
        week = IsoWeek.of(day)
        interpreted = index < len(drawn) - seed.NOT_INTERPRETED
        when = dt.datetime.combine(day + dt.timedelta(days=3), dt.time(10), tzinfo=zone)
        rows.append(
            Signal(
                holder=holder,
                iso_year=week.year,
                iso_week=week.week,
                quarter=week.quarter,
                channel=_pick(rng, seed.CHANNEL_WEIGHTS),
                law=law,
                category=_category_of(categories, theme) if interpreted else None,
                target_group=target_group,
                municipality=municipalities[_pick(rng, seed.MUNICIPALITY_WEIGHTS)],
                sentiment=_pick(rng, seed.SENTIMENT_WEIGHTS),
                description=text,
                interpreted_at=when if interpreted else None,
                interpreted_by=rng.choice(interpreters) if interpreted else None,
            )
        )
    return Signal.objects.bulk_create(rows)


# --- agenda --------------------------------------------------------------------------------


def _meetings(holder: Organisation, organisations: dict[str, Organisation]) -> list[Meeting]:
    return [
        Meeting.objects.create(
            holder=holder,
            kind="provincie",
            title=title,
            held_on=held_on,
            with_organisation=organisations.get("provincie-flevoland"),
        )
        for title, held_on in seed.MEETINGS
    ]


def _agenda(
    holder: Organisation,
    users: dict[str, User],
    signals: Sequence[Signal],
    categories: dict[Theme, Category],
    meetings: list[Meeting],
) -> int:
    """The agenda items with their dated steps; each bundles the signals of its theme from
    its quarters. Written directly (the agenda's service is part D of issue 20)."""
    for spec in seed.AGENDA_ITEMS:
        main, sub = spec["theme"]
        wanted = (
            {categories[(main, sub)].pk}
            if sub is not None and (main, sub) in categories
            else {c.pk for (m, _s), c in categories.items() if m == main}
        )
        bundled = [
            signal
            for signal in signals
            if signal.category_id in wanted
            and (signal.iso_year, signal.quarter) in set(spec["quarters"])
        ]
        steps = spec["steps"]
        item = AgendaItem.objects.create(
            holder=holder,
            title=spec["title"],
            question=spec["question"],
            meeting=meetings[spec["meeting"]],
            status=steps[-1][0],
            response=spec["response"],
            feedback=spec["feedback"],
            fed_back_to=spec["fed_back_to"],
        )
        item.signals.set(bundled)
        AgendaStep.objects.bulk_create(
            AgendaStep(item=item, status=status, on=on, by=users["coordinator-vi"], note=text)
            for status, on, text in steps
        )
    return len(seed.AGENDA_ITEMS)


# --- client support ------------------------------------------------------------------------


def _case_types(holder: Organisation, plan: Plan) -> list[CaseType]:
    activities = {
        a.code: a
        for a in Activity.objects.filter(
            programme__plan=plan, code__in=[code for _n, code, _l, _r in seed.CASE_TYPES]
        )
    }
    return [
        CaseType.objects.create(
            holder=holder,
            name=name,
            activity=activities[code],
            law=law,
            retention_months=months,
            active=code != "VI-2.6",  # OCO Dronten was wound down in 2021
        )
        for name, code, law, months in seed.CASE_TYPES
    ]


def _month_days(month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(REFERENCE_DATE.year, month, 1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, min(following - dt.timedelta(days=1), REFERENCE_DATE - dt.timedelta(days=1))


class _CaseBook:
    """Cases drawn month by month so that exactly the month's number of different clients
    had a contact in it: open cases continue (or close), new ones are opened for the rest."""

    def __init__(
        self,
        holder: Organisation,
        supporters: list[User],
        municipalities: list[Municipality],
        rng: random.Random,
    ) -> None:
        self.holder, self.supporters, self.places, self.rng = (
            holder,
            supporters,
            municipalities,
            rng,
        )
        self.clients: list[Client] = []
        self.cases: list[Case] = []
        self.contacts: list[tuple[int, CaseContact]] = []  # (case index, contact)

    def client(self, law: str) -> Client:
        reference = f"C-{len(self.clients) + 1:04d}"
        client = Client(
            holder=self.holder,
            reference=reference,
            birth_band=_pick(self.rng, seed.BIRTH_BANDS),
            municipality=self.rng.choice(self.places),
            law=law,
        )
        self.clients.append(client)
        return client

    def run(self, case_type: CaseType, per_month: dict[int, int], *, wind_down: bool) -> None:
        """`wind_down`: the scheme stops after its last month; every case is closed."""
        rng = self.rng
        open_cases: list[int] = []
        for month, wanted in per_month.items():
            first, last = _month_days(month)
            seen: list[int] = []
            for index in list(open_cases):
                if len(seen) < wanted and rng.random() < 0.55:
                    seen.append(index)
                else:
                    self._close(index, first - dt.timedelta(days=1))
                    open_cases.remove(index)
            while len(seen) < wanted:
                day = first + dt.timedelta(days=rng.randrange((last - first).days + 1))
                seen.append(self._open(case_type, day))
                open_cases.append(seen[-1])
            for index in seen:
                opened = self.cases[index].opened_on
                start = max(first, opened)
                for _ in range(rng.choice((1, 1, 2, 3))):
                    day = start + dt.timedelta(days=rng.randrange((last - start).days + 1))
                    self._contact(index, day)
        for index in open_cases:
            if wind_down or rng.random() < 0.4:
                self._close(index, max(self._days(index)))

    def _open(self, case_type: CaseType, day: dt.date) -> int:
        self.cases.append(
            Case(
                holder=self.holder,
                case_type=case_type,
                client=self.client(case_type.law),
                question=f"{self.rng.choice(seed.QUESTIONS[case_type.law])} {seed.EXAMPLE}",
                supporter=self.rng.choice(self.supporters),
                opened_on=day,
            )
        )
        return len(self.cases) - 1

    def _contact(self, index: int, day: dt.date) -> None:
        self.contacts.append(
            (
                index,
                CaseContact(
                    on=day,
                    minutes=self.rng.choice((15, 20, 30, 45, 60, 90)),
                    form=_pick(self.rng, seed.CONTACT_FORMS),
                ),
            )
        )

    def _days(self, index: int) -> list[dt.date]:
        return [c.on for i, c in self.contacts if i == index] or [self.cases[index].opened_on]

    def _close(self, index: int, day: dt.date) -> None:
        case = self.cases[index]
        case.closed_on = max(day, max(self._days(index)))
        case.outcome = _pick(self.rng, seed.OUTCOMES)

    def save(self) -> None:
        Client.objects.bulk_create(self.clients)
        Case.objects.bulk_create(self.cases)
        for index, contact in self.contacts:
            contact.case = self.cases[index]
        CaseContact.objects.bulk_create([contact for _index, contact in self.contacts])


def _cases(
    holder: Organisation,
    users: dict[str, User],
    case_types: list[CaseType],
    municipalities: dict[str, Municipality],
    signals: Sequence[Signal],
    rng: random.Random,
) -> tuple[int, int, int]:
    """Clients, cases and contacts of 2021; some OCO signals were raised from the cases."""
    wlz, dronten = case_types
    book = _CaseBook(holder, [users["medewerker"]], list(municipalities.values()), rng)
    book.run(wlz, seed.WLZ_CLIENTS_PER_MONTH, wind_down=False)
    dronten_book = _CaseBook(holder, [users["medewerker"]], [municipalities["dronten"]], rng)
    dronten_book.clients = book.clients  # one numbering of the holder's pseudonyms
    dronten_book.run(dronten, seed.DRONTEN_CLIENTS_PER_MONTH, wind_down=True)
    book.cases += dronten_book.cases
    offset = len(book.cases) - len(dronten_book.cases)
    book.contacts += [(offset + i, contact) for i, contact in dronten_book.contacts]
    book.save()
    # The OCO conversations' signals of 2021 came from cases of the same quarter.
    oco = [s for s in signals if s.channel == "oco" and s.iso_year == 2021]
    for signal in oco[::3]:
        quarter_cases = [
            case
            for case in book.cases
            if case.case_type_id == wlz.pk and (case.opened_on.month - 1) // 3 + 1 == signal.quarter
        ]
        if quarter_cases:
            rng.choice(quarter_cases).raised_signals.add(signal)
    return len(book.clients), len(book.cases), len(book.contacts)


def _volunteers(holder: Organisation, case_types: list[CaseType]) -> int:
    persons = Person.objects.bulk_create(
        Person(
            holder=holder,
            first_name=first,
            infix=infix,
            last_name=last,
            purpose=seed.VOLUNTEER_PURPOSE,
            lawful_basis=LawfulBasis.CONSENT,
            consent_given_on=started,
            is_example=True,
        )
        for first, infix, last, _scheme, started, _ended in seed.VOLUNTEERS
    )
    SupportVolunteer.objects.bulk_create(
        SupportVolunteer(
            holder=holder,
            person=person,
            case_type=case_types[scheme],
            started_on=started,
            ended_on=ended,
        )
        for person, (_f, _i, _l, scheme, started, ended) in zip(
            persons, seed.VOLUNTEERS, strict=True
        )
    )
    return len(persons)


# --- the plan's indicator and the classifier ----------------------------------------------


def derive_indicators(plan: Plan) -> None:
    """ "20 unieke cliënten per maand" counts itself: the mean per month of the different
    clients in OCO Wlz's cases (target 20), rather than 240 entered over the year."""
    for prefix, measure in seed.DERIVED_INDICATORS:
        Indicator.objects.filter(activity__programme__plan=plan, title__startswith=prefix).update(
            source=Source.DERIVED, measure=measure, measure_params={}
        )


def train_classifier(holder: Organisation) -> str:
    """Train the holder's classifier on the demo's interpreted signals, as the worker would;
    its status."""
    from koers.signals.classify.training import classifier_train_execute
    from koers.signals.models import ClassifierModel, TrainingStatus

    model = ClassifierModel.objects.create(
        holder=holder, requested_at=timezone.now(), status=TrainingStatus.QUEUED
    )
    return str(classifier_train_execute(model.pk).status)
