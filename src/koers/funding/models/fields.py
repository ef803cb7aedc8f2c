"""The one money type of Koers: euros as `Decimal` with two places."""

from __future__ import annotations

from typing import Any

from django.db import models


def money_field(verbose_name: Any, **kwargs: Any) -> Any:
    """Euros with two places, the one money type of Koers."""
    return models.DecimalField(verbose_name, max_digits=14, decimal_places=2, **kwargs)
