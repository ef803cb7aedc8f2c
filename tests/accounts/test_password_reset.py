"""Asking for a password reset does the same work for an address with an account as for
one without, so neither the answer nor its timing tells them apart (issue 14, finding 11).
The mail itself is the task worker's (`send_password_reset`)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from koers.accounts.roles import Role
from koers.accounts.tasks import send_password_reset
from tests.accounts.factories import MembershipFactory

KNOWN = "bekend@example.org"
UNKNOWN = "onbekend@example.org"


def run_queued_tasks() -> list[Any]:
    """Run every task waiting for the worker, as the worker would; their return values."""
    results = []
    for queued in DBTaskResult.objects.order_by("enqueued_at"):
        arguments = queued.args_kwargs
        results.append(queued.task.call(*arguments["args"], **arguments["kwargs"]))
        queued.delete()
    return results


def shape(sql: str) -> str:
    """The statement without its values (literals, numbers, savepoint names), to compare work."""
    return re.sub(r"'[^']*'|\bs\d+_x\d+\b|\b\d+\b|%s", "?", sql)


@pytest.fixture
def member(db: Any) -> Any:
    user = MembershipFactory(role=Role.TOEZICHT).user
    user.email = KNOWN
    user.save(update_fields=["email"])
    return user


def request_reset(email: str, address: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = Client(REMOTE_ADDR=address).post(
            reverse("accounts:password_reset"), {"email": email}
        )
    return response.status_code, [shape(query["sql"]) for query in queries.captured_queries]


def test_a_known_and_an_unknown_address_take_the_same_steps(member: Any) -> None:
    known_status, known_work = request_reset(KNOWN, "10.0.0.1")
    known_tasks = DBTaskResult.objects.count()
    unknown_status, unknown_work = request_reset(UNKNOWN, "10.0.0.2")
    assert known_status == unknown_status == 302
    assert known_work == unknown_work  # the same statements, in the same order
    assert known_tasks == 1 and DBTaskResult.objects.count() == 2  # one task each
    assert not any("accounts_user" in statement for statement in known_work)
    assert mail.outbox == []  # nothing is sent during the request


def test_the_worker_mails_a_known_address_in_the_language_asked_in(member: Any) -> None:
    english = Client()
    english.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english.post(reverse("accounts:password_reset"), {"email": KNOWN.upper()})
    Client().post(reverse("accounts:password_reset"), {"email": UNKNOWN})
    assert run_queued_tasks() == [1, 0]
    [message] = mail.outbox
    assert message.to == [KNOWN]
    assert "You asked for a new password" in message.body
    assert "http://testserver/account/wachtwoord-herstellen/" in message.body


def test_an_inactive_account_gets_no_mail(member: Any) -> None:
    member.is_active = False
    member.save(update_fields=["is_active"])
    assert send_password_reset.call(KNOWN, "koers.example", True, "nl") == 0
    assert mail.outbox == []


def test_the_retention_run_removes_finished_reset_tasks_after_a_day(member: Any) -> None:
    import datetime as dt

    from django.utils import timezone

    from koers.privacy.services import retention_enforce

    for email in (KNOWN, UNKNOWN, "derde@example.org"):
        Client().post(reverse("accounts:password_reset"), {"email": email})
    old_finished, new_finished, waiting = DBTaskResult.objects.order_by("enqueued_at")
    DBTaskResult.objects.filter(pk=old_finished.pk).update(
        finished_at=timezone.now() - dt.timedelta(days=1, minutes=1)
    )
    DBTaskResult.objects.filter(pk=new_finished.pk).update(
        finished_at=timezone.now() - dt.timedelta(hours=23)
    )
    assert retention_enforce().password_reset_tasks_removed == 1
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {new_finished.pk, waiting.pk}


def test_finished_task_results_are_kept_a_month(db: Any, settings: Any) -> None:
    """Every task's record, not only the password reset's: a finished one older than
    KOERS_TASK_RESULT_RETENTION_DAYS goes; a recent or a waiting one stays."""
    import datetime as dt

    from django.utils import timezone

    from koers.privacy.services import retention_enforce

    settings.TASK_RESULT_RETENTION_DAYS = 30
    for email in (KNOWN, UNKNOWN, "derde@example.org"):
        Client().post(reverse("accounts:password_reset"), {"email": email})
    old, recent, waiting = DBTaskResult.objects.order_by("enqueued_at")
    DBTaskResult.objects.filter(pk=old.pk).update(
        task_path="koers.reports.tasks.make_document",
        finished_at=timezone.now() - dt.timedelta(days=31),
    )
    DBTaskResult.objects.filter(pk=recent.pk).update(
        task_path="koers.reports.tasks.make_document",
        finished_at=timezone.now() - dt.timedelta(days=29),
    )
    report = retention_enforce()
    assert (report.task_results_removed, report.password_reset_tasks_removed) == (1, 0)
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
