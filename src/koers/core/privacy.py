"""Declarations of personal data, the raw material of the register of processing.

Every model that holds personal data says so with a `personal_data` attribute: which
fields, about whom, why, on which lawful basis (AVG art. 6) and how long it is kept.
Models of other packages (sessions, sign-in attempts, two-factor devices) are declared
with `declare()` from the app that brought them in. `koers.privacy.register` turns the
declarations into the register shown in the application, and a test fails when a model
with personal-looking fields declares nothing — so the register cannot fall behind the code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class LawfulBasis(models.TextChoices):
    """The six grounds of AVG article 6(1)."""

    CONSENT = "consent", _("Consent (art. 6(1)(a))")
    CONTRACT = "contract", _("Performance of a contract (art. 6(1)(b))")
    LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation (art. 6(1)(c))")
    VITAL_INTERESTS = "vital_interests", _("Vital interests (art. 6(1)(d))")
    PUBLIC_TASK = "public_task", _("Public task (art. 6(1)(e))")
    LEGITIMATE_INTERESTS = "legitimate_interests", _("Legitimate interests (art. 6(1)(f))")


@dataclass(frozen=True)
class PersonalData:
    """What one model holds about people, and why."""

    subjects: str | Promise  # whose data: "contact persons", "users"
    fields: tuple[str, ...]
    purpose: str | Promise
    lawful_basis: LawfulBasis
    retention: str | Promise  # in words, as the register states it
    special_category: bool = False  # health and other data of AVG art. 9
    recipients: str | Promise = field(default="")


_EXTERNAL: dict[str, PersonalData] = {}


def declare(model_label: str, declaration: PersonalData) -> None:
    """Declare personal data held by a model Koers does not define (`app_label.model`)."""
    _EXTERNAL[model_label.lower()] = declaration


def declaration_of(model: type[models.Model]) -> PersonalData | None:
    own = model.__dict__.get("personal_data")
    if isinstance(own, PersonalData):
        return own
    return _EXTERNAL.get(model._meta.label_lower)
