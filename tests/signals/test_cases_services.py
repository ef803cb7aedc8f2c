"""The rules of client support's write paths that no page shows on its own: a pseudonym
never reads as a name, the dates of a case and its contacts keep their order, and retention
removes closed cases (with their contacts and links, never the signals) and then the
clients left without a case, at the boundary of each kind's retention."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from koers.core.models import AuditEntry
from koers.signals.cases.pseudonyms import checked_pseudonym
from koers.signals.cases.retention import cases_retention_enforce, months_after
from koers.signals.cases.services import case_create
from koers.signals.models import Case, CaseContact, Client, Signal
from tests.signals.factories import (
    CaseContactFactory,
    CaseFactory,
    CaseTypeFactory,
    ClientFactory,
    SignalFactory,
)


@pytest.mark.parametrize(
    "reference", ["JdV", "J.d.V.", "AB", "M.K.", "2021-017", "OCO-12", "C-0001", "ab 12"]
)
def test_initials_and_numbers_are_pseudonyms(reference: str) -> None:
    assert checked_pseudonym(f"  {reference} ") == reference


@pytest.mark.parametrize(
    "reference", ["Jan", "Piet12", "Jansen", "de Vries", "Ayşe", "Noor", "mo@x.nl", "jan"]
)
def test_what_reads_as_a_name_is_refused(reference: str) -> None:
    with pytest.raises(ValidationError):
        checked_pseudonym(reference)


def test_a_supporter_opens_a_case_only_in_her_own_organisation(world: Any) -> None:
    other_type = CaseTypeFactory(holder=world.other_org, activity=world.other_activity)
    with pytest.raises(PermissionDenied):
        case_create(
            actor=world.users["medewerker"],
            holder=world.other_org,
            case_type=other_type,
            question="Vraag",
            opened_on=dt.date(2021, 3, 1),
            client=ClientFactory(holder=world.other_org),
        )
    assert not Case.objects.exists()


def test_a_kind_no_longer_in_use_takes_no_new_case(world: Any) -> None:
    retired = CaseTypeFactory(holder=world.own, activity=world.activity, active=False)
    with pytest.raises(ValidationError):
        case_create(
            actor=world.users["medewerker"],
            holder=world.own,
            case_type=retired,
            question="Vraag",
            opened_on=dt.date(2021, 3, 1),
            client=ClientFactory(holder=world.own),
        )


def test_months_after_keeps_the_end_of_a_short_month() -> None:
    assert months_after(dt.date(2021, 1, 31), 1) == dt.date(2021, 2, 28)
    assert months_after(dt.date(2020, 11, 30), 3) == dt.date(2021, 2, 28)
    assert months_after(dt.date(2021, 3, 15), 24) == dt.date(2023, 3, 15)


class TestRetention:
    def test_a_closed_case_goes_the_day_after_its_retention_not_on_it(self, world: Any) -> None:
        kind = CaseTypeFactory(holder=world.own, activity=world.activity, retention_months=12)
        case = CaseFactory(
            holder=world.own,
            case_type=kind,
            supporter=world.users["medewerker"],
            closed_on=dt.date(2021, 6, 30),
            outcome="opgelost",
        )
        assert cases_retention_enforce(dt.date(2022, 6, 30)).cases == 0
        assert Case.objects.filter(pk=case.pk).exists()
        removed = cases_retention_enforce(dt.date(2022, 7, 1))
        assert (removed.cases, removed.clients) == (1, 1)
        assert not Case.objects.exists()

    def test_contacts_and_links_go_with_the_case_the_signal_and_open_cases_stay(
        self, world: Any
    ) -> None:
        kind = CaseTypeFactory(holder=world.own, activity=world.activity, retention_months=1)
        client = ClientFactory(holder=world.own)
        closed = CaseFactory(
            holder=world.own,
            case_type=kind,
            client=client,
            supporter=world.users["medewerker"],
            closed_on=dt.date(2021, 3, 31),
            outcome="informatie",
        )
        CaseContactFactory(case=closed, on=dt.date(2021, 3, 5))
        signal = SignalFactory(holder=world.own)
        closed.raised_signals.add(signal)
        still_open = CaseFactory(
            holder=world.own, case_type=kind, client=client, supporter=world.users["medewerker"]
        )
        removed = cases_retention_enforce(dt.date(2022, 1, 1))
        assert (removed.cases, removed.clients) == (1, 0)
        assert list(Case.objects.all()) == [still_open]
        assert not CaseContact.objects.exists()
        assert Signal.objects.filter(pk=signal.pk).exists()
        assert Client.objects.filter(pk=client.pk).exists()
        entry = AuditEntry.objects.get(action="case.removed_by_retention")
        assert entry.actor_id is None

    def test_each_kind_keeps_its_own_retention_and_running_twice_changes_nothing(
        self, world: Any
    ) -> None:
        short = CaseTypeFactory(holder=world.own, activity=world.activity, retention_months=6)
        long = CaseTypeFactory(holder=world.own, activity=world.activity, retention_months=60)
        for kind in (short, long):
            CaseFactory(
                holder=world.own,
                case_type=kind,
                supporter=world.users["medewerker"],
                closed_on=dt.date(2021, 3, 15),
                outcome="opgelost",
            )
        assert cases_retention_enforce(dt.date(2022, 1, 1)).cases == 1
        assert cases_retention_enforce(dt.date(2022, 1, 1)).cases == 0
        assert list(Case.objects.values_list("case_type", flat=True)) == [long.pk]

    def test_the_daily_job_is_registered(self) -> None:
        from koers.core import schedule

        assert "signals.cases_retention" in {job.name for job in schedule.registered()}
