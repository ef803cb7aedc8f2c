from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from koers.api.models import ApiCall

logger = logging.getLogger(__name__)


def prune_api_calls() -> int:
    """Remove the call log's records older than KOERS_API_LOG_RETENTION_DAYS."""
    cutoff = timezone.now() - dt.timedelta(days=settings.API_LOG_RETENTION_DAYS)
    removed, _by_model = ApiCall.objects.filter(at__lt=cutoff).delete()
    return removed


@task()
def prune_api_calls_task() -> int:
    removed = prune_api_calls()
    logger.info("API call log: %d records past their retention removed", removed)
    return removed
