"""Which qualification a role needs and when it counts: the Python rule (the matcher) and
the database rule (the pool's counts, the measures) agree on every day around the
boundaries, and an expired qualification stops counting the day after its last day."""

from __future__ import annotations

import datetime as dt

import pytest

from koers.matching.models import Candidate, CareRole, QualificationKind
from koers.matching.qualifying import (
    is_valid_on,
    qualifies_for_role,
    qualifies_for_role_q,
    valid_on_q,
)
from tests.conftest import World
from tests.matching.factories import CandidateFactory, QualificationFactory

K = QualificationKind
START, END = dt.date(2021, 3, 1), dt.date(2021, 3, 31)
DAYS = [
    START - dt.timedelta(days=1),
    START,
    START + dt.timedelta(days=1),
    END,
    END + dt.timedelta(days=1),
]

# (kind, valid_from, valid_until) per candidate.
HOLDINGS = [
    [(K.BIG, START, END)],
    [(K.BIG, None, END)],
    [(K.BIG, START, None)],
    [(K.BIG, None, None)],
    [(K.DIPLOMA_VIG, START, END)],
    [(K.DIPLOMA_HELPENDE, None, None)],
    [(K.VOG, None, None)],
    [(K.DIPLOMA_VIG, None, START - dt.timedelta(days=1)), (K.BIG, END, None)],
    [],
]


@pytest.fixture
def pool(world: World) -> list[Candidate]:
    made = []
    for holding in HOLDINGS:
        candidate = CandidateFactory(holder=world.own)
        for kind, starts, ends in holding:
            QualificationFactory(
                candidate=candidate, kind=kind, valid_from=starts, valid_until=ends
            )
        made.append(candidate)
    return made


@pytest.mark.parametrize("role", [*CareRole.values])
@pytest.mark.parametrize("day", DAYS)
def test_python_and_database_agree(pool: list[Candidate], role: str, day: dt.date) -> None:
    in_python = {
        candidate.pk
        for candidate in pool
        if qualifies_for_role(role, list(candidate.qualifications.all()), day)
    }
    in_database = set(
        Candidate.objects.filter(pk__in=[c.pk for c in pool])
        .filter(qualifies_for_role_q(role, day))
        .values_list("pk", flat=True)
    )
    assert in_python == in_database


def test_a_qualification_counts_through_its_last_day_and_not_after(world: World) -> None:
    candidate = CandidateFactory(holder=world.own)
    qualification = QualificationFactory(
        candidate=candidate, kind=K.BIG, valid_from=START, valid_until=END
    )
    assert not is_valid_on(qualification, START - dt.timedelta(days=1))
    assert is_valid_on(qualification, START)
    assert is_valid_on(qualification, END)
    assert not is_valid_on(qualification, END + dt.timedelta(days=1))
    counted = qualification.__class__.objects.filter(valid_on_q(END + dt.timedelta(days=1)))
    assert not counted.exists()
    assert qualification.__class__.objects.filter(valid_on_q(END)).exists()


def test_a_nurse_needs_big_a_carer_also_takes_the_vig_diploma(world: World) -> None:
    candidate = CandidateFactory(holder=world.own)
    QualificationFactory(candidate=candidate, kind=K.DIPLOMA_VIG)
    held = list(candidate.qualifications.all())
    assert qualifies_for_role(CareRole.VERZORGENDE, held, START)
    assert not qualifies_for_role(CareRole.VERPLEEGKUNDIGE, held, START)
    # A role without a rule needs no qualification.
    assert qualifies_for_role(CareRole.GASTVROUW, [], START)
