"""The daily job that removes residents' contact requests once their retention has passed."""

from __future__ import annotations

import logging

from django_tasks import task

from koers.atlas.public.services import contact_request_retention_enforce

logger = logging.getLogger(__name__)


@task()
def expire_contact_requests_task() -> int:
    removed = contact_request_retention_enforce()
    logger.info("Contact requests past their retention removed: %s", removed)
    return removed
