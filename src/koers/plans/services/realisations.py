"""Recording and removing realisations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, context_of, snapshot
from koers.core.models import Municipality
from koers.core.uploads import validate_document
from koers.plans.access import programme_scope, require
from koers.plans.models import Indicator, Realisation, Source
from koers.plans.services.common import REALISATION_FIELDS
from koers.plans.validation import (
    refuse_if_accounted,
    validate_realisation_date,
    validate_value,
)

# --- realisations -----------------------------------------------------------------------


@transaction.atomic
def realisation_record(
    *,
    actor: Any,
    indicator: Indicator,
    date: dt.date,
    value: Decimal,
    municipality: Municipality | None = None,
    evidence_file: UploadedFile | None = None,
    evidence_url: str = "",
    note: str = "",
    is_example: bool = False,
    remote_addr: str | None = None,
) -> Realisation:
    """Record a measured value. Refuses values the unit cannot hold, dates outside the
    activity's year or in the future, and evidence files that are not allowed documents."""
    activity = indicator.activity
    require(actor, Capability.RECORD_REALISATION, activity.programme)
    if indicator.source == Source.DERIVED:
        raise ValidationError(
            {"value": _("This indicator is derived from records; it is not entered by hand.")}
        )
    refuse_if_accounted(activity)
    validate_value(indicator, value)
    validate_realisation_date(activity.programme, date, year=activity.year)
    if evidence_file is not None:
        try:
            validate_document(evidence_file)
        except ValidationError as error:
            raise ValidationError({"evidence_file": error.messages}) from error
    realisation = Realisation(
        indicator=indicator,
        date=date,
        value=value,
        municipality=municipality,
        evidence_url=evidence_url,
        note=note,
        recorded_by=actor,
        is_example=is_example,
    )
    if evidence_file is not None:
        realisation.evidence_file.save(evidence_file.name or "bewijs", evidence_file, save=False)
    try:
        realisation.save()
        audit_write(
            actor=actor,
            action="realisation.record",
            instance=realisation,
            context=context_of(activity),
            after=snapshot(realisation, REALISATION_FIELDS),
            remote_addr=remote_addr,
        )
    except BaseException:
        # The row is rolled back; the stored file must not outlive it.
        if realisation.evidence_file:
            realisation.evidence_file.delete(save=False)
        raise
    return realisation


@transaction.atomic
def realisation_delete(
    *, actor: Any, realisation: Realisation, remote_addr: str | None = None
) -> None:
    """Remove a realisation; its values stay in the audit trail."""
    activity = realisation.indicator.activity
    programme = activity.programme
    if not (
        realisation.recorded_by_id == actor.pk
        and has_capability(actor, Capability.RECORD_REALISATION, programme_scope(programme))
    ):
        require(actor, Capability.EDIT_PLAN, programme)
    refuse_if_accounted(activity)
    audit_write(
        actor=actor,
        action="realisation.delete",
        instance=realisation,
        context=context_of(activity),
        before=snapshot(realisation, REALISATION_FIELDS),
        remote_addr=remote_addr,
    )
    evidence = realisation.evidence_file
    realisation.delete()
    if evidence:
        # Only once the deletion is committed: a rollback keeps row and file together.
        name, storage = evidence.name, evidence.storage
        transaction.on_commit(lambda: storage.delete(name))
