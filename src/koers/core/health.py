"""What `/gezondheid/` reports: whether this installation can serve, and what needs a look.

Each check has a state ("ok" or a word for what is wrong) and details with the figures. The
public answer (for the load balancer and a monitor) gives the states only; the installation
administrator's detailed view gives the figures too (`koers.accounts.views.health_details`).

- **database**: it answers. Down, the other checks are not run.
- **migrations**: none pending (`koers migrate` is its own step at an upgrade). Pending, the
  checks of the task queue are not run (its tables may be missing).
- **worker**: no task has waited on the queue longer than `WORKER_LATE_AFTER`.
- **tasks**: no background task failed in the last day (a failed document or mail).
- **periodic_jobs**: each job the apps register was put on the queue for its most recent
  time (daily or weekly, `koers.core.schedule`), at the latest `SCHEDULE_GRACE` after it.
- **disk**: the data directory, the uploads and the backups each have at least
  `DISK_LOW_BYTES` and `DISK_LOW_SHARE` free.

A database that does not answer or a pending migration makes the answer 503: this server
cannot serve. The rest make it "degraded" with 200: it serves, but someone should look.
"""

from __future__ import annotations

import datetime as dt
import functools
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Count, Max, Min
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from koers.core import schedule
from koers.core.models import ScheduledRun

WORKER_LATE_AFTER = dt.timedelta(minutes=15)
SCHEDULE_GRACE = dt.timedelta(minutes=10)
FAILURES_WITHIN = dt.timedelta(days=1)
DISK_LOW_BYTES = 1024**3
DISK_LOW_SHARE = 0.05

OK = "ok"


@dataclass(frozen=True)
class Check:
    name: str
    state: str
    # The server cannot serve while this is not ok (the answer is 503).
    fatal: bool = False
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.state == OK


@dataclass(frozen=True)
class Health:
    checks: list[Check]

    @property
    def status(self) -> str:
        if any(check.fatal and not check.ok for check in self.checks):
            return "error"
        return OK if all(check.ok for check in self.checks) else "degraded"

    @property
    def http_status(self) -> int:
        return 503 if self.status == "error" else 200

    def public(self) -> dict[str, Any]:
        return {"status": self.status, "checks": {c.name: c.state for c in self.checks}}

    def detailed(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "checks": {c.name: {"state": c.state, **c.details} for c in self.checks},
        }


def health(now: dt.datetime | None = None, *, figures: bool = False) -> Health:
    """The checks; with `figures`, also what only the details show and costs more to read
    (each periodic job's last finished run), which a probe every few seconds should not pay."""
    now = now or timezone.now()
    database = _database()
    if not database.ok:
        return Health([database])
    migrations = _migrations()
    if not migrations.ok:  # the queue's tables may not be there yet
        return Health([database, migrations, _disk()])
    return Health([database, migrations, *_queue(now), _periodic_jobs(now, figures), _disk()])


def pending_migrations() -> list[str]:
    """The migrations the database lacks, as "app.name", in the order they would run."""
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


@functools.cache
def _newest_migrations() -> frozenset[tuple[str, str]]:
    """Each app's newest migrations on disk, read once per process (the code does not change
    under a running server; an upgrade restarts it)."""
    return frozenset(MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes())


def _database() -> Check:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any failure to answer is the finding
        return Check("database", "unavailable", fatal=True)
    return Check("database", OK, fatal=True)


def _migrations() -> Check:
    # The newest migration of every app applied means all are (each depends on those before):
    # one query, where planning the whole graph would cost the health request tens of ms.
    applied = MigrationRecorder(connections[DEFAULT_DB_ALIAS]).applied_migrations()
    missing = sorted(f"{app}.{name}" for app, name in _newest_migrations() - applied.keys())
    state = "pending" if missing else OK
    return Check("migrations", state, fatal=True, details={"newest_not_applied": missing})


def _queue(now: dt.datetime) -> list[Check]:
    # Ready to run now (not those enqueued to run later), as the worker picks them.
    found = (
        DBTaskResult.objects.ready()
        .order_by()
        .aggregate(count=Count("id"), oldest=Min("enqueued_at"))
    )
    waited = (now - found["oldest"]).total_seconds() if found["oldest"] else 0
    worker = Check(
        "worker",
        "late" if waited > WORKER_LATE_AFTER.total_seconds() else OK,
        details={"queued": found["count"], "oldest_queued_seconds": round(waited)},
    )
    failures = DBTaskResult.objects.filter(
        status=TaskResultStatus.FAILED, finished_at__gte=now - FAILURES_WITHIN
    )
    failed = dict(
        failures.order_by().values_list("task_path").annotate(count=Count("id")).order_by()
    )
    tasks = Check(
        "tasks",
        "failed" if failed else OK,
        details={"failed_last_day": dict(sorted(failed.items()))},
    )
    return [worker, tasks]


def _periodic_jobs(now: dt.datetime, figures: bool) -> Check:
    jobs = schedule.registered()
    enqueued = dict(ScheduledRun.objects.values_list("name", "last_enqueued_at"))
    finished = (
        {}
        if not figures
        else dict(
            DBTaskResult.objects.filter(
                status=TaskResultStatus.SUCCESSFUL,
                task_path__in=[job.task.module_path for job in jobs],
            )
            .order_by()
            .values_list("task_path")
            .annotate(last=Max("finished_at"))
            .order_by()
        )
    )
    details: dict[str, Any] = {}
    late = []
    for job in sorted(jobs, key=lambda job: job.name):
        last = enqueued.get(job.name)
        # Late: not put on the queue for a time that passed more than the grace ago.
        if job.is_due(last, now - SCHEDULE_GRACE):
            late.append(job.name)
        done = finished.get(job.task.module_path)
        details[job.name] = {
            "every_seconds": round(job.every.total_seconds()),
            "last_due_at": job.last_time(now).isoformat(),
            "last_enqueued_at": last.isoformat() if last else None,
            "last_finished_at": done.isoformat() if done else None,
        }
    return Check("periodic_jobs", "late" if late else OK, details={"jobs": details, "late": late})


def _disk() -> Check:
    places = {
        "data": Path(settings.DATA_DIR),
        "uploads": Path(settings.MEDIA_ROOT),
        "backups": Path(settings.DATA_DIR) / "backups",
    }
    details: dict[str, Any] = {}
    low = []
    for name, path in places.items():
        usage = shutil.disk_usage(_existing(path))
        details[name] = {"free_bytes": usage.free, "total_bytes": usage.total}
        if usage.free < DISK_LOW_BYTES or usage.free < DISK_LOW_SHARE * usage.total:
            low.append(name)
    return Check("disk", "low" if low else OK, details={**details, "low": low})


def _existing(path: Path) -> Path:
    """`path`, or the nearest folder above it that exists (uploads and backups are made on
    first use)."""
    while not path.exists() and path.parent != path:
        path = path.parent
    return path
