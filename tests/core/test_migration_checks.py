"""A migration that adds a unique constraint first checks the rows there are: it stops,
naming the clashing rows, and deletes nothing (koers.core.migration_checks)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import Q

from koers.core.migration_checks import DuplicateRowsError, refuse_duplicates
from koers.relations.models import EmployerMembership
from tests.directory.factories import OrganisationFactory


class _Editor:
    connection = connection


def _memberships(world: Any) -> tuple[Any, Any]:
    employer = OrganisationFactory(kind="care")
    first = EmployerMembership.objects.create(
        holder=world.own, organisation=employer, started_on=dt.date(2019, 1, 1)
    )
    second = EmployerMembership.objects.create(
        holder=world.own,
        organisation=employer,
        started_on=dt.date(2020, 1, 1),
        ended_on=dt.date(2020, 6, 30),
    )
    return first, second


def test_rows_that_would_clash_stop_the_migration_and_are_named(world: Any) -> None:
    first, second = _memberships(world)
    check = refuse_duplicates("relations.EmployerMembership", ["holder", "organisation"])
    with pytest.raises(DuplicateRowsError) as stopped:
        check(apps, _Editor())
    assert f"ids [{first.pk}, {second.pk}]" in str(stopped.value)
    assert EmployerMembership.objects.count() == 2  # nothing deleted


def test_rows_outside_the_condition_do_not_clash(world: Any) -> None:
    _memberships(world)
    check = refuse_duplicates(
        "relations.EmployerMembership", ["holder", "organisation"], Q(ended_on__isnull=True)
    )
    check(apps, _Editor())  # one running, one ended: no clash
