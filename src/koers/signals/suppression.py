"""Small numbers hidden: a count of fewer than `SIGNALS_SMALL_COUNT` (5) signals could point
to a person in a small village, so every view and export of signal figures shown outside
the holder's staff, and the analysis pages for staff too, show it as "< 5" instead.

`visible(count)` is the count or None; a template shows None as `suppressed_label`. Totals
are computed from the unsuppressed counts in the database, and hidden too when small."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _


def threshold() -> int:
    return int(settings.SIGNALS_SMALL_COUNT)


def visible(count: int | None) -> int | None:
    """`count`, or None when it is above zero and below the threshold. Zero is shown: that
    nothing came in points to nobody."""
    if count is None:
        return None
    return None if 0 < count < threshold() else count


def suppressed_label() -> str:
    return str(_("< %(threshold)s") % {"threshold": threshold()})
