"""Checks every way into signals shares: the staff form, the public form and a case's "raise
a signal" refuse the same values with the same messages."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from koers.core.models import Municipality
from koers.directory.models import Organisation
from koers.signals.models import Category
from koers.signals.region import in_region


def validate_signal_values(
    *, holder: Organisation, category: Category | None, municipality: Municipality | None
) -> None:
    """Refuse a category the holder does not keep (or no longer uses) and a municipality
    outside the installation's region."""
    errors: dict[str, str] = {}
    if category is not None and (category.holder_id != holder.pk or not category.active):
        errors["category"] = _("This category does not exist (any more).")
    if municipality is not None and not in_region(municipality):
        errors["municipality"] = _(
            "%(name)s is outside the region whose signals are collected here."
        ) % {"name": municipality.name}
    if errors:
        raise ValidationError(errors)
