"""The pool's today. An installation that stands on a reference date (KOERS_REFERENCE_DATE,
the same setting as the progress pages' peildatum; the demo stands on 15 October 2021)
sees its pool, its open shifts, its call-backs and its upcoming placements as on that day;
otherwise the real today. Secrets' expiry, audit entries, decisions' timestamps and mail
times always follow the real clock."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from koers.core.reference import default_reference


def today() -> dt.date:
    return default_reference()


# An installation standing on a reference date stands on it at this hour, whatever the
# real time of day: what is still to come (open shifts) is then the same all day.
REFERENCE_HOUR = dt.time(9)


def now() -> dt.datetime:
    """The real moment, or 09:00 on the reference date when the installation has one."""
    if not settings.REFERENCE_DATE:
        return timezone.localtime()
    return timezone.make_aware(dt.datetime.combine(today(), REFERENCE_HOUR))
