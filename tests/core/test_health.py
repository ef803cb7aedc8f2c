"""`/gezondheid/` (koers.core.health): the states for the load balancer and a monitor, the
figures for the installation administrator; its failure modes made for real: a worker that
stopped (a task waiting, periodic jobs not put on the queue), a failed task, a migration
pending, a disk nearly full."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from koers.core import health, schedule
from koers.core.models import ScheduledRun
from koers.privacy.tasks import enforce_retention_task
from tests.accounts.factories import MembershipFactory, UserFactory
from tests.conftest import World, verified_client

URL = "/gezondheid/"
DETAILS = "/gezondheid/details/"


def _public() -> tuple[int, dict[str, Any]]:
    response = Client().get(URL)
    return response.status_code, response.json()


def _worker_ran(now: dt.datetime | None = None) -> None:
    """Every periodic job put on the queue just now, as a running worker does."""
    for job in schedule.registered():
        ScheduledRun.objects.update_or_create(
            name=job.name, defaults={"last_enqueued_at": now or timezone.now()}
        )


def _queued(minutes_ago: int, status: str = TaskResultStatus.READY) -> DBTaskResult:
    enforce_retention_task.enqueue()
    task = DBTaskResult.objects.latest("enqueued_at")
    at = timezone.now() - dt.timedelta(minutes=minutes_ago)
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=at, status=status, finished_at=at if status != TaskResultStatus.READY else None
    )
    return task


@pytest.mark.django_db
def test_a_running_installation_is_ok_with_no_figures_in_public() -> None:
    _worker_ran()
    status, body = _public()
    assert status == 200
    assert body == {
        "status": "ok",
        "checks": {
            "database": "ok",
            "migrations": "ok",
            "worker": "ok",
            "tasks": "ok",
            "periodic_jobs": "ok",
            "disk": "ok",
        },
    }


@pytest.mark.django_db
def test_a_stopped_worker_shows_as_a_waiting_task_and_late_jobs() -> None:
    _worker_ran(timezone.now() - dt.timedelta(days=3))  # the daily jobs: three days ago
    _queued(minutes_ago=40)

    status, body = _public()

    assert status == 200  # the server still serves: degraded, for the monitor
    assert body["status"] == "degraded"
    assert body["checks"]["worker"] == "late"
    assert body["checks"]["periodic_jobs"] == "late"
    details = health.health().detailed()["checks"]
    assert details["worker"]["queued"] == 1
    assert details["worker"]["oldest_queued_seconds"] >= 40 * 60
    assert "privacy.retention" in details["periodic_jobs"]["late"]


@pytest.mark.django_db
def test_a_failed_task_is_reported_for_a_day() -> None:
    _worker_ran()
    _queued(minutes_ago=5, status=TaskResultStatus.FAILED)
    status, body = _public()
    assert (status, body["status"], body["checks"]["tasks"]) == (200, "degraded", "failed")
    failed = health.health().detailed()["checks"]["tasks"]["failed_last_day"]
    assert failed == {enforce_retention_task.module_path: 1}

    DBTaskResult.objects.update(finished_at=timezone.now() - dt.timedelta(days=2))
    assert _public()[1]["checks"]["tasks"] == "ok"


@pytest.mark.django_db(transaction=True)
def test_a_pending_migration_makes_the_server_unavailable(one_pending: str) -> None:
    status, body = _public()
    assert status == 503
    assert body["status"] == "error"
    assert body["checks"]["migrations"] == "pending"
    assert one_pending in health.health().detailed()["checks"]["migrations"]["newest_not_applied"]


@pytest.mark.django_db
def test_a_disk_nearly_full_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    _worker_ran()
    # The threshold above any real disk: every place counts as nearly full.
    monkeypatch.setattr(health, "DISK_LOW_BYTES", 2**62)
    status, body = _public()
    assert (status, body["checks"]["disk"]) == (200, "low")
    assert health.health().detailed()["checks"]["disk"]["low"] == ["data", "uploads", "backups"]


def test_the_figures_are_for_the_installation_administrator_only(world: World) -> None:
    administrator = MembershipFactory(
        user=UserFactory(username="beheer-installatie"),
        organisation=world.own,
        role="installatiebeheerder",
    ).user
    _worker_ran()
    response = verified_client(administrator).get(DETAILS)
    assert response.status_code == 200
    checks = response.json()["checks"]
    assert checks["disk"]["data"]["free_bytes"] > 0
    assert checks["periodic_jobs"]["jobs"]["privacy.retention"]["every_seconds"] == 86400

    for role in ("beheerder", "directeur", "opdrachtgever"):
        assert world.client(role).get(DETAILS).status_code == 403
    assert Client().get(DETAILS).status_code == 302  # to the sign-in


def _job(name: str) -> schedule.PeriodicJob:
    return next(job for job in schedule.registered() if job.name == name)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # Monday 7 December 2026 (winter time) and Monday 29 March 2027 (summer time began
        # the day before): the weekly reminders are due at 07:00 local time either way.
        ("2026-12-07 06:59", "2026-11-30 07:00"),
        ("2026-12-07 07:00", "2026-12-07 07:00"),
        ("2026-12-10 12:00", "2026-12-07 07:00"),
        ("2027-03-29 07:30", "2027-03-29 07:00"),
    ],
)
def test_weekly_jobs_are_due_at_a_fixed_local_time(now: str, expected: str) -> None:
    reminders = _job("relations.action_reminders")
    moment = timezone.make_aware(dt.datetime.fromisoformat(now))
    assert timezone.localtime(reminders.last_time(moment)) == timezone.make_aware(
        dt.datetime.fromisoformat(expected)
    )
    assert reminders.every == dt.timedelta(days=7)


@pytest.mark.django_db
def test_a_job_is_late_only_once_its_time_has_passed_by_the_grace() -> None:
    retention = _job("privacy.retention")  # daily at 03:00
    day = timezone.make_aware(dt.datetime(2026, 12, 8, 3, 0))
    _worker_ran(day - dt.timedelta(days=1))  # every job ran at 03:00 the day before
    for minutes, late in ((5, False), (11, True)):
        check = health.health(day + dt.timedelta(minutes=minutes)).detailed()
        assert (retention.name in check["checks"]["periodic_jobs"]["late"]) is late
