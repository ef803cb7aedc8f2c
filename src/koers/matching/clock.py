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


def now() -> dt.datetime:
    """The real moment, moved to the reference date when the installation has one (the
    time of day kept, so "after now" still moves during a demo's day)."""
    moment = timezone.localtime()
    if not settings.REFERENCE_DATE:
        return moment
    return moment.replace(year=today().year, month=today().month, day=today().day)
