"""The daily removal of residents' contact records past their retention (run by the worker
through `koers.core.schedule`)."""

from __future__ import annotations

import logging

from django_tasks import task

from koers.core.reference import default_reference
from koers.signals.entry.services import signal_contact_retention_enforce

logger = logging.getLogger(__name__)


@task()
def expire_signal_contacts_task() -> int:
    removed = signal_contact_retention_enforce(today=default_reference())
    logger.info("Residents' contact records past their retention removed: %s", removed)
    return removed
