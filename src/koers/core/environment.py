"""Reading settings from environment variables, refusing values that mean nothing.

Used by koers.settings before Django is set up, so nothing here may use the settings or
translations: the messages are in Dutch (the administrators') with the English after.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

TRUE = ("1", "true", "yes", "on")
FALSE = ("0", "false", "no", "off")


def env_bool(name: str, default: bool) -> bool:
    """The boolean in environment variable `name` (unset or blank: `default`).

    A value that is not one of TRUE or FALSE (case-insensitive) stops start-up: a typo
    such as `KOERS_HTTPS=ture` must not quietly switch a safeguard off.
    """
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if value.lower() in TRUE:
        return True
    if value.lower() in FALSE:
        return False
    accepted = "/".join(TRUE + FALSE)
    raise ImproperlyConfigured(
        f"{name}={value!r} is geen ja/nee-waarde; gebruik een van {accepted} "
        f"(of laat hem leeg voor de standaard). "
        f"{name}={value!r} is not a boolean; use one of {accepted} (or leave it empty)."
    )
