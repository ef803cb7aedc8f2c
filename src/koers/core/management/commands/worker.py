"""`koers worker`: the database-backed task worker, plus the scheduler of periodic jobs."""

from __future__ import annotations

import threading
from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from koers.core import schedule


class Command(DatabaseWorkerCommand):
    help = "Run the task worker; it also enqueues periodic jobs (retention, reminders) when due."

    def handle(self, *args: Any, **options: Any) -> None:
        stop = threading.Event()
        scheduler = threading.Thread(
            target=schedule.run_forever, args=(stop,), name="koers-scheduler", daemon=True
        )
        scheduler.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
