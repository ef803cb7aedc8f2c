"""Writes of client support: opening a case (with a client by pseudonym, new or known),
changing and closing it, adding a contact, raising a signal from it in one step, and keeping
the kinds of support and their volunteers. Each checks who may, runs in one transaction and
is audited; a case's client is never named (`pseudonyms`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.core.audit import audit_write, snapshot
from koers.core.reference import refuse_after_today
from koers.core.versioning import lock_for_edit
from koers.directory.models import Organisation
from koers.signals.access import may_open_case
from koers.signals.cases.pseudonyms import checked_pseudonym
from koers.signals.cases.rules import (
    may_keep_case_type,
    may_supervise_case,
    may_support,
    supporters_of,
)
from koers.signals.models import (
    Case,
    CaseContact,
    CaseType,
    Client,
    Signal,
    SupportVolunteer,
)
from koers.signals.models.choices import Channel
from koers.signals.region import in_region
from koers.signals.services import signal_record

# The audit log outlives a case (retention), so it keeps what was done, never what the
# client said: the question, the outcome's note and a contact's note stay out of it.
CASE_FIELDS = ["case_type", "client", "supporter", "opened_on"]
CLOSE_FIELDS = ["outcome", "closed_on"]
CLIENT_FIELDS = ["reference", "birth_band", "municipality", "law"]
CONTACT_FIELDS = ["on", "minutes", "form"]
CASE_TYPE_FIELDS = ["name", "activity", "law", "retention_months", "active"]
VOLUNTEER_FIELDS = ["person", "case_type", "started_on", "ended_on"]


def _check_client(holder: Organisation, client: Client) -> None:
    if client.holder_id != holder.pk:
        raise ValidationError({"client": _("This client is not one of your organisation's.")})


def _new_client(*, holder: Organisation, values: dict[str, Any]) -> Client:
    reference = checked_pseudonym(values.get("reference", ""))
    if Client.objects.filter(holder_id=holder.pk, reference__iexact=reference).exists():
        raise ValidationError(
            {
                "reference": _(
                    "This pseudonym is already in use for a client of a case you do not "
                    "support. Give another pseudonym."
                )
            }
        )
    municipality = values["municipality"]
    if not in_region(municipality):
        raise ValidationError(
            {
                "municipality": _(
                    "%(name)s is outside the region whose clients are supported here."
                )
                % {"name": municipality.name}
            }
        )
    client = Client(
        holder=holder,
        reference=reference,
        birth_band=values["birth_band"],
        municipality=municipality,
        law=values["law"],
    )
    client.full_clean(exclude=["holder"])
    client.save()
    return client


@transaction.atomic
def case_create(
    *,
    actor: Any,
    holder: Organisation,
    case_type: CaseType,
    question: str,
    opened_on: dt.date,
    client: Client | None = None,
    new_client: dict[str, Any] | None = None,
    remote_addr: str | None = None,
) -> Case:
    """A new case with her as its supporter, for a known client of the holder or a new
    one (`new_client`: reference, birth_band, municipality, law), whose pseudonym may not
    look like a name or be in use already. Only a kind of support in use may be chosen."""
    if not may_support(actor, holder.pk):
        raise PermissionDenied
    if case_type.holder_id != holder.pk or not case_type.active:
        raise ValidationError({"case_type": _("This kind of client support is not in use.")})
    refuse_after_today(opened_on, "opened_on")
    if client is None and new_client is None:
        raise ValidationError({"client": _("Choose a client or give a new pseudonym.")})
    if client is not None:
        _check_client(holder, client)
    else:
        client = _new_client(holder=holder, values=new_client or {})
    case = Case(
        holder=holder,
        case_type=case_type,
        client=client,
        question=question,
        supporter=actor,
        opened_on=opened_on,
    )
    case.full_clean(exclude=["holder", "supporter"])
    case.save()
    audit_write(
        actor=actor,
        action="case.opened",
        instance=case,
        after=snapshot(case, CASE_FIELDS),
        remote_addr=remote_addr,
    )
    return case


@transaction.atomic
def case_save(
    *,
    actor: Any,
    case: Case,
    values: dict[str, Any],
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> Case:
    """Change a case's kind, question and opening date, and its client's birth band,
    municipality and law (`values`: case_type, question, opened_on, birth_band,
    municipality, law). Whoever may open the case may change it."""
    if not may_open_case(actor, case):
        raise PermissionDenied
    case = lock_for_edit(case, expected_version)
    case_type: CaseType = values["case_type"]
    if case_type.holder_id != case.holder_id:
        raise ValidationError({"case_type": _("This kind of client support is not in use.")})
    refuse_after_today(values["opened_on"], "opened_on")
    if case.closed_on is not None and values["opened_on"] > case.closed_on:
        raise ValidationError({"opened_on": _("A case cannot be opened after it was closed.")})
    first_contact = case.contacts.order_by("on").values_list("on", flat=True).first()
    if first_contact is not None and values["opened_on"] > first_contact:
        raise ValidationError(
            {"opened_on": _("The case has a contact before this date; it was opened earlier.")}
        )
    client = case.client
    client_before = snapshot(client, CLIENT_FIELDS)
    if values["municipality"] != client.municipality and not in_region(values["municipality"]):
        raise ValidationError(
            {
                "municipality": _(
                    "%(name)s is outside the region whose clients are supported here."
                )
                % {"name": values["municipality"].name}
            }
        )
    for name in ("birth_band", "municipality", "law"):
        setattr(client, name, values[name])
    client.full_clean(exclude=["holder"])
    client.save(update_fields=["birth_band", "municipality", "law"])
    before = {**snapshot(case, CASE_FIELDS), **client_before}
    case.case_type = case_type
    case.question = values["question"]
    case.opened_on = values["opened_on"]
    case.full_clean(exclude=["holder", "supporter", "client"])
    case.save(update_fields=["case_type", "question", "opened_on", "version"])
    audit_write(
        actor=actor,
        action="case.saved",
        instance=case,
        before=before,
        after={**snapshot(case, CASE_FIELDS), **snapshot(client, CLIENT_FIELDS)},
        remote_addr=remote_addr,
    )
    return case


@transaction.atomic
def case_close(
    *,
    actor: Any,
    case: Case,
    outcome: str,
    closed_on: dt.date,
    outcome_note: str = "",
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> Case:
    """Close a case with its outcome on `closed_on` (not before it opened or its last
    contact, not in the future). Its retention is counted from that day."""
    if not may_open_case(actor, case):
        raise PermissionDenied
    case = lock_for_edit(case, expected_version)
    if case.closed_on is not None:
        raise ValidationError(_("This case is closed already."))
    refuse_after_today(closed_on, "closed_on")
    if closed_on < case.opened_on:
        raise ValidationError({"closed_on": _("A case cannot close before it was opened.")})
    last_contact = case.contacts.order_by("-on").values_list("on", flat=True).first()
    if last_contact is not None and closed_on < last_contact:
        raise ValidationError(
            {"closed_on": _("The case has a contact after this date; close it later.")}
        )
    before = snapshot(case, CLOSE_FIELDS)
    case.outcome, case.outcome_note, case.closed_on = outcome, outcome_note, closed_on
    case.full_clean(exclude=["holder", "supporter", "client", "case_type"])
    case.save(update_fields=[*CLOSE_FIELDS, "outcome_note", "version"])
    audit_write(
        actor=actor,
        action="case.closed",
        instance=case,
        before=before,
        after=snapshot(case, CLOSE_FIELDS),
        remote_addr=remote_addr,
    )
    return case


@transaction.atomic
def case_hand_over(
    *,
    actor: Any,
    case: Case,
    supporter: Any,
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> Case:
    """Give an open case another supporter of the same organisation (she leaves, or is
    away for long): done by whoever supervises the case. The case, its client and contacts
    stay as they are; the former supporter no longer opens it."""
    if not may_supervise_case(actor, case):
        raise PermissionDenied
    case = lock_for_edit(case, expected_version)
    if case.closed_on is not None:
        raise ValidationError(_("This case is closed; a closed case is not handed over."))
    if not supporters_of(case.holder_id).filter(pk=supporter.pk).exists():
        raise ValidationError(
            {"supporter": _("Choose a colleague of this organisation who gives client support.")}
        )
    if supporter.pk == case.supporter_id:
        raise ValidationError({"supporter": _("She supports this case already.")})
    before = snapshot(case, ["supporter"])
    case.supporter = supporter
    case.save(update_fields=["supporter", "version"])
    audit_write(
        actor=actor,
        action="case.handed_over",
        instance=case,
        before=before,
        after=snapshot(case, ["supporter"]),
        remote_addr=remote_addr,
    )
    return case


@transaction.atomic
def case_contact_add(
    *,
    actor: Any,
    case: Case,
    on: dt.date,
    minutes: int,
    form: str,
    note: str = "",
    remote_addr: str | None = None,
) -> CaseContact:
    """A contact in an open case, on a day between its opening and today."""
    if not may_open_case(actor, case):
        raise PermissionDenied
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.closed_on is not None:
        raise ValidationError(_("This case is closed: a contact can no longer be added."))
    refuse_after_today(on, "on")
    if on < case.opened_on:
        raise ValidationError({"on": _("The case was opened after this date.")})
    contact = CaseContact(case=case, on=on, minutes=minutes, form=form, note=note)
    contact.full_clean(exclude=["case"])
    contact.save()
    audit_write(
        actor=actor,
        action="case.contact_added",
        instance=case,
        after=snapshot(contact, CONTACT_FIELDS),
        remote_addr=remote_addr,
    )
    return contact


@transaction.atomic
def case_signal_record(
    *,
    actor: Any,
    case: Case,
    received_on: dt.date,
    values: dict[str, Any],
    remote_addr: str | None = None,
) -> Signal:
    """A signal from what the client told, recorded through `signal_record` (scrubbed,
    dated by its week, checked against the region and the categories) as an OCO
    conversation, and linked to the case. The signal itself says nothing of the case."""
    if not may_open_case(actor, case):
        raise PermissionDenied
    signal = signal_record(
        actor=actor,
        holder=case.holder,
        received_on=received_on,
        values={**values, "channel": Channel.OCO},
        remote_addr=remote_addr,
    )
    case.raised_signals.add(signal)
    audit_write(
        actor=actor,
        action="case.signal_raised",
        instance=case,
        after={"signal": signal.pk},
        remote_addr=remote_addr,
    )
    return signal


@transaction.atomic
def case_type_save(
    *,
    actor: Any,
    holder: Organisation,
    values: dict[str, Any],
    case_type: CaseType | None = None,
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> CaseType:
    """Add or change a kind of client support (`values`: name, activity, law,
    retention_months, active). Its activity is one of the holder's that she supervises, and
    she must supervise the one it had before too."""
    activity = values["activity"]
    if activity.programme.plan.organisation_id != holder.pk:
        raise ValidationError({"activity": _("This activity is not one of your organisation's.")})
    if not may_keep_case_type(actor, holder.pk, activity.programme_id):
        raise PermissionDenied
    before = None
    if case_type is None:
        case_type = CaseType(holder=holder)
    else:
        if case_type.holder_id != holder.pk or not may_keep_case_type(
            actor, holder.pk, case_type.activity.programme_id
        ):
            raise PermissionDenied
        case_type = lock_for_edit(case_type, expected_version)
        before = snapshot(case_type, CASE_TYPE_FIELDS)
    if (
        CaseType.objects.filter(holder_id=holder.pk)
        .filter(name__iexact=values["name"].strip())
        .exclude(pk=case_type.pk)
        .exists()
    ):
        raise ValidationError({"name": _("There is already a kind of support with this name.")})
    for name in CASE_TYPE_FIELDS:
        setattr(case_type, name, values[name])
    case_type.name = case_type.name.strip()
    case_type.full_clean(exclude=["holder"])
    case_type.save()
    audit_write(
        actor=actor,
        action="case_type.saved" if before else "case_type.created",
        instance=case_type,
        before=before,
        after=snapshot(case_type, CASE_TYPE_FIELDS),
        remote_addr=remote_addr,
    )
    return case_type


@transaction.atomic
def volunteer_save(
    *,
    actor: Any,
    holder: Organisation,
    values: dict[str, Any],
    volunteer: SupportVolunteer | None = None,
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> SupportVolunteer:
    """Add or change a volunteer in client support (`values`: person from the holder's
    directory, case_type, started_on, ended_on). She keeps the kind of support."""
    case_type: CaseType = values["case_type"]
    if case_type.holder_id != holder.pk:
        raise ValidationError({"case_type": _("This kind of client support is not in use.")})
    if not may_keep_case_type(actor, holder.pk, case_type.activity.programme_id):
        raise PermissionDenied
    person = values["person"]
    if person is None or person.holder_id != holder.pk:
        raise ValidationError({"person": _("This person is not in your organisation's directory.")})
    started, ended = values["started_on"], values.get("ended_on")
    if ended is not None and ended < started:
        raise ValidationError({"ended_on": _("The end lies before the start; change one of them.")})
    before = None
    if volunteer is None:
        volunteer = SupportVolunteer(holder=holder)
    else:
        if volunteer.holder_id != holder.pk or not may_keep_case_type(
            actor, holder.pk, volunteer.case_type.activity.programme_id
        ):
            raise PermissionDenied
        volunteer = lock_for_edit(volunteer, expected_version)
        before = snapshot(volunteer, VOLUNTEER_FIELDS)
    for name in VOLUNTEER_FIELDS:
        setattr(volunteer, name, values.get(name))
    volunteer.full_clean(exclude=["holder"])
    volunteer.save()
    audit_write(
        actor=actor,
        action="volunteer.saved" if before else "volunteer.created",
        instance=volunteer,
        before=before,
        after=snapshot(volunteer, VOLUNTEER_FIELDS),
        remote_addr=remote_addr,
    )
    return volunteer
