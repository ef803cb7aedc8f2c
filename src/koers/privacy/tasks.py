from __future__ import annotations

import logging
from dataclasses import asdict
from typing import Any

from django_tasks import task

from koers.privacy.services import retention_enforce

logger = logging.getLogger(__name__)


@task()
def enforce_retention_task() -> dict[str, Any]:
    report = asdict(retention_enforce())
    logger.info("Retention applied: %s", report)
    return report
