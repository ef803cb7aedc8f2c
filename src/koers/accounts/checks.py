"""The two-factor waiver is for demos only: refused by the settings and by `check --deploy`.

This module is imported by the settings, so it must not import models or anything that
needs the app registry.
"""

from __future__ import annotations

from typing import Any

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

WAIVER_OUTSIDE_DEMO = (
    "KOERS_TWO_FACTOR_WAIVED is set without KOERS_DEMO: the two-factor requirement may "
    "only be waived in a demo installation."
)


def refuse_two_factor_waiver_outside_demo(*, waived: bool, demo: bool) -> None:
    """Raise ImproperlyConfigured when the waiver is set on anything but a demo."""
    if waived and not demo:
        raise ImproperlyConfigured(WAIVER_OUTSIDE_DEMO)


@checks.register(checks.Tags.security, deploy=True)
def two_factor_waiver_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    from django.conf import settings

    if getattr(settings, "TWO_FACTOR_WAIVED", False) and not getattr(settings, "DEMO_MODE", False):
        return [checks.Error(WAIVER_OUTSIDE_DEMO, id="koers.E001")]
    return []
