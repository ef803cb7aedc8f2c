"""A moment as people read it: "18 maart 2021, 14:05", in local time (the audit trail and
the access log keep UTC; whoever reads them in the admin reads Amsterdam time)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.formats import date_format


def timestamp(moment: dt.datetime) -> str:
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    return date_format(local, "DATETIME_FORMAT")
