"""A fixed-window rate limit kept in the database (see RateLimitHit)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from koers.core.models import RateLimitHit


@transaction.atomic
def allow(key: str, *, limit: int, window: dt.timedelta) -> bool:
    """Record a use of `key` and say whether it stays within `limit` uses per `window`.

    A refused use is not recorded, so waiting out the window always helps.
    """
    since = timezone.now() - window
    RateLimitHit.objects.filter(key=key, at__lt=since).delete()
    if RateLimitHit.objects.filter(key=key, at__gte=since).count() >= limit:
        return False
    RateLimitHit.objects.create(key=key)
    return True
