"""Periodic jobs, put on the task queue by the task worker: no cron, no extra service.

Apps register a `PeriodicJob` in ready(): every day at a fixed local time, or every week on
a weekday at one (the reminders on Monday at 07:00), not "every 24 hours from whenever the
worker started". `koers worker` checks once a minute which jobs are due (their most recent
time has passed since they were last put on the queue) and enqueues them; the row lock on
`ScheduledRun` makes sure that with several workers each job is enqueued once per time. A
worker that was down catches up once, not once per missed time. Installations that prefer
cron can run the same jobs with their own commands (`koers retention`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import threading
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, close_old_connections, transaction
from django.utils import timezone

from koers.core.models import ScheduledRun

logger = logging.getLogger(__name__)


MONDAY, SUNDAY = 0, 6


@dataclass(frozen=True)
class PeriodicJob:
    """Every day at `at` (local time), or with `weekday` (0 = Monday) every week then."""

    name: str
    task: Any  # a django-tasks Task
    at: dt.time
    weekday: int | None = None

    @property
    def every(self) -> dt.timedelta:
        return dt.timedelta(days=1 if self.weekday is None else 7)

    def last_time(self, now: dt.datetime) -> dt.datetime:
        """The most recent moment at or before `now` the job was due."""
        day = timezone.localtime(now).date()
        if self.weekday is not None:
            day -= dt.timedelta(days=(day.weekday() - self.weekday) % 7)
        due = timezone.make_aware(dt.datetime.combine(day, self.at))
        if due > now:
            due = timezone.make_aware(dt.datetime.combine(day - self.every, self.at))
        return due

    def is_due(self, last_enqueued_at: dt.datetime | None, now: dt.datetime) -> bool:
        return last_enqueued_at is None or last_enqueued_at < self.last_time(now)


_JOBS: dict[str, PeriodicJob] = {}


def register(job: PeriodicJob) -> None:
    _JOBS[job.name] = job


def registered() -> list[PeriodicJob]:
    return list(_JOBS.values())


def enqueue_due(now: dt.datetime | None = None) -> list[str]:
    """Enqueue every job whose period has passed; returns their names."""
    now = now or timezone.now()
    enqueued = []
    for job in registered():
        with contextlib.suppress(IntegrityError):  # another worker created it just now
            ScheduledRun.objects.get_or_create(name=job.name)
        with transaction.atomic():
            run = ScheduledRun.objects.select_for_update().get(name=job.name)
            if not job.is_due(run.last_enqueued_at, now):
                continue
            job.task.enqueue()
            run.last_enqueued_at = now
            run.save(update_fields=["last_enqueued_at"])
            enqueued.append(job.name)
    return enqueued


def run_forever(stop: threading.Event, interval: float = 60.0) -> None:
    """The scheduler loop the worker runs in a background thread until `stop` is set."""
    while not stop.is_set():
        try:
            for name in enqueue_due():
                logger.info("Scheduled job %s enqueued.", name)
        except Exception:  # the worker must go on; the next minute tries again
            logger.exception("Scheduling periodic jobs failed.")
        finally:
            close_old_connections()
        stop.wait(interval)
