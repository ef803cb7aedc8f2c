"""Periodic jobs, put on the task queue by the task worker: no cron, no extra service.

Apps register a `PeriodicJob` in ready(). `koers worker` checks once a minute which
jobs are due and enqueues them; the row lock on `ScheduledRun` makes sure that with
several workers each job is enqueued once per period. Installations that prefer cron
can run the same jobs with their own commands (`koers retention`).
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


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task: Any  # a django-tasks Task
    every: dt.timedelta


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
            if run.last_enqueued_at is not None and now - run.last_enqueued_at < job.every:
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
