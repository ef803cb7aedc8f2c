"""A fixed-window rate limit kept in the database (see RateLimitHit).

Two ways to use it: `allow` counts every use (a password reset request: each one costs
the server a mail), and `limit_reached` with `record` count only what the caller decides
to (wrong second-factor codes: an honest user entering her right code is never counted).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from koers.core.models import RateLimitHit


def limit_reached(key: str, *, limit: int, window: dt.timedelta) -> bool:
    """Whether `key` has had `limit` recorded uses in the last `window`; records nothing."""
    since = timezone.now() - window
    RateLimitHit.objects.filter(key=key, at__lt=since).delete()
    return RateLimitHit.objects.filter(key=key, at__gte=since).count() >= limit


def record(key: str) -> None:
    """Count one use of `key` (for `limit_reached`)."""
    RateLimitHit.objects.create(key=key)


@transaction.atomic
def allow(key: str, *, limit: int, window: dt.timedelta) -> bool:
    """Record a use of `key` and say whether it stays within `limit` uses per `window`.

    A refused use is not recorded, so waiting out the window always helps.
    """
    if limit_reached(key, limit=limit, window=window):
        return False
    record(key)
    return True
