"""Writes to opportunities and quotes: record and change one, send the quote, and decide it.

The steps: kans (opportunity) → offerte (quote sent) → gegund (won) or verloren (lost, with
the reason). A quote can be withdrawn to an opportunity again, to revise it; a lost one
can be reopened. Sending a quote stores a `Quote`: its number (per organisation and year,
in order, never used twice), its figures and the Word document as sent, so later changes
never rewrite what the client received; a revision is a new quote with a new number.
Winning one creates the project in the programme it serves, with the quote's hours and
amount as its budgets: a quote to a partner is work for that partner, so the
co-financing rule of projects (the programme pays at most half) applies to its hours.

Each service checks the actor's rights, runs in a transaction and keeps an audit entry.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext as _

from koers.accounts.models import Membership
from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, snapshot
from koers.core.reference import default_reference
from koers.core.versioning import lock_for_edit
from koers.directory.models import Organisation
from koers.relations.models import Opportunity, OpportunityStatus, Quote, QuoteTemplate
from koers.relations.opportunities import quotes
from koers.relations.opportunities.access import may_win
from koers.relations.opportunities.quotes import VALIDITY_DAYS, quote_document
from koers.work import rules

S = OpportunityStatus
OPPORTUNITY_FIELDS = [
    "organisation",
    "contact",
    "programme",
    "title",
    "description",
    "hours",
    "programme_hours",
    "amount",
    "vat_rate",
    "owner",
    "expected_on",
    "starts_on",
    "ends_on",
]
# What the client received: fixed while the quote is out (withdraw it to change them).
QUOTED_FIELDS = frozenset(
    {"organisation", "contact", "title", "description", "hours", "amount", "vat_rate"}
)
AUDITED = [*OPPORTUNITY_FIELDS, "status", "current_quote", "decided_on", "lost_reason"]
AUDITED += ["project"]


def _require(actor: Any, holder_id: int) -> None:
    if not has_capability(actor, Capability.EDIT_PERSONS, Scope(organisation_id=holder_id)):
        raise PermissionDenied


def _check(holder_id: int, values: dict[str, Any]) -> None:
    programme = values.get("programme")
    if programme is not None and programme.plan.organisation_id != holder_id:
        raise PermissionDenied
    contact = values.get("contact")
    if contact is not None and contact.holder_id != holder_id:
        raise PermissionDenied
    owner = values.get("owner")
    if (
        owner is not None
        and not Membership.objects.filter(organisation_id=holder_id, user=owner).exists()
    ):
        raise ValidationError({"owner": _("The owner is a colleague.")})
    if values.get("organisation") is not None and values["organisation"].pk == holder_id:
        raise ValidationError({"organisation": _("A quote goes to another organisation.")})
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if starts and ends and ends < starts:
        raise ValidationError({"ends_on": _("The end lies before the start.")})
    # Found out now rather than when the won quote's project is refused.
    rules.check_co_financing(
        partner=values.get("organisation"),
        hours_budget=values.get("hours"),
        programme_hours=values.get("programme_hours"),
    )


def _audit(actor: Any, action: str, record: Opportunity, before: Any, ip: str | None) -> None:
    audit_write(
        actor=actor,
        action=action,
        instance=record,
        before=before,
        after=snapshot(record, AUDITED),
        remote_addr=ip,
        organisation_id=record.holder_id,
    )


@transaction.atomic
def opportunity_save(
    *,
    actor: Any,
    holder_id: int,
    values: dict[str, Any],
    opportunity: Opportunity | None = None,
    expected_version: int | None = None,
    on: dt.date | None = None,
    is_example: bool = False,
    remote_addr: str | None = None,
) -> Opportunity:
    """Record an opportunity or change one. A decided one does not change; while the quote
    is out, what the client received does not change either (withdraw the quote first)."""
    _require(actor, holder_id)
    _check(holder_id, values)
    before = None
    if opportunity is None:
        opportunity = Opportunity(
            holder_id=holder_id,
            created_by=actor,
            created_on=on or default_reference(),
            is_example=is_example,
        )
    else:
        opportunity = lock_for_edit(opportunity, expected_version)
        if opportunity.holder_id != holder_id:
            raise PermissionDenied
        if not opportunity.is_open:
            raise ValidationError(_("A decided opportunity does not change; reopen it first."))
        before = snapshot(opportunity, AUDITED)
        if opportunity.status == S.QUOTED:
            changed = [
                name
                for name in QUOTED_FIELDS
                if name in values and values[name] != getattr(opportunity, name)
            ]
            if changed:
                raise ValidationError(
                    _(
                        "The quote has been sent: its client, text, hours and amount stay as "
                        "sent. Withdraw the quote to change them."
                    )
                )
    for name, value in values.items():
        setattr(opportunity, name, value)
    opportunity.full_clean(exclude=["project", "created_by", "owner"])
    opportunity.save()
    _audit(
        actor,
        "opportunity.saved" if before else "opportunity.created",
        opportunity,
        before,
        remote_addr,
    )
    return opportunity


def _next_quote_number(holder_id: int, year: int) -> str:
    """YYYY-NNN per organisation and year, in order. The organisation's row is locked first
    so two quotes sent at the same moment do not take the same number."""
    Organisation.objects.select_for_update().filter(pk=holder_id).first()
    taken = Quote.objects.filter(holder_id=holder_id, number__startswith=f"{year}-").values_list(
        "number", flat=True
    )
    numbers = [int(text.split("-", 1)[1]) for text in taken if text.split("-", 1)[1].isdigit()]
    return f"{year}-{max(numbers, default=0) + 1:03d}"


def _locked(opportunity: Opportunity) -> Opportunity:
    return (
        Opportunity.objects.select_for_update(of=("self",))
        .select_related("holder", "organisation", "current_quote")
        .get(pk=opportunity.pk)
    )


@transaction.atomic
def quote_send(
    *,
    actor: Any,
    opportunity: Opportunity,
    on: dt.date,
    valid_until: dt.date | None = None,
    remote_addr: str | None = None,
) -> Opportunity:
    """Send the quote: it gets its number, and its figures and document are kept as sent."""
    opportunity = _locked(opportunity)
    _require(actor, opportunity.holder_id)
    live = opportunity.quotes.filter(withdrawn_on__isnull=True).first()
    if live is not None:  # one quote stands at a time (the constraint on Quote holds it too)
        raise ValidationError(
            format_html(
                '{} <a href="{}">{}</a>',
                _(
                    "Quote %(number)s of this opportunity was sent on %(date)s and has not "
                    "been withdrawn; a second one is not made."
                )
                % {"number": live.number, "date": date_format(live.sent_on)},
                reverse("relations:quote_document", args=[live.pk]),
                _("Open quote %(number)s") % {"number": live.number},
            ),
            code="duplicate",
        )
    if opportunity.status != S.OPPORTUNITY:
        raise ValidationError(_("Only an opportunity can be sent as a quote."))
    missing = [
        str(getattr(Opportunity._meta.get_field(name), "verbose_name", name))
        for name in ("description", "hours", "amount")
        if getattr(opportunity, name) in (None, "")
    ]
    if missing:
        raise ValidationError(_("A quote needs %(fields)s first.") % {"fields": ", ".join(missing)})
    assert opportunity.hours is not None and opportunity.amount is not None  # checked above
    valid_until = valid_until or on + dt.timedelta(days=VALIDITY_DAYS)
    if valid_until < on:
        raise ValidationError({"valid_until": _("A quote is valid from the day it is sent.")})
    before = snapshot(opportunity, AUDITED)
    quote = Quote(
        opportunity=opportunity,
        holder_id=opportunity.holder_id,
        number=_next_quote_number(opportunity.holder_id, on.year),
        sent_on=on,
        valid_until=valid_until,
        hours=opportunity.hours,
        amount=opportunity.amount,
        vat_rate=opportunity.vat_rate,
        sent_by=actor,
    )
    document = quote_document(opportunity, number=quote.number, on=on, valid_until=valid_until)
    name = f"offerte-{quote.number}-{slugify(opportunity.organisation.name)[:40]}.docx"
    quote.document.save(name, ContentFile(document), save=False)
    quote.save()
    opportunity.status, opportunity.current_quote = S.QUOTED, quote
    opportunity.save(update_fields=["status", "current_quote"])
    _audit(actor, "opportunity.quoted", opportunity, before, remote_addr)
    return opportunity


@transaction.atomic
def quote_withdraw(
    *,
    actor: Any,
    opportunity: Opportunity,
    reason: str,
    on: dt.date | None = None,
    remote_addr: str | None = None,
) -> Opportunity:
    """Take a sent quote back, to revise the opportunity; the withdrawn quote stays with
    its number and document, marked withdrawn."""
    opportunity = _locked(opportunity)
    _require(actor, opportunity.holder_id)
    quote = opportunity.current_quote
    if opportunity.status != S.QUOTED or quote is None:
        raise ValidationError(_("Only a sent quote can be withdrawn."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the quote is withdrawn.")})
    before = snapshot(opportunity, AUDITED)
    quote.withdrawn_on, quote.withdrawn_reason = on or default_reference(), reason.strip()
    quote.save(update_fields=["withdrawn_on", "withdrawn_reason"])
    opportunity.status, opportunity.current_quote = S.OPPORTUNITY, None
    opportunity.save(update_fields=["status", "current_quote"])
    _audit(actor, "opportunity.withdrawn", opportunity, before, remote_addr)
    return opportunity


@transaction.atomic
def opportunity_lose(
    *,
    actor: Any,
    opportunity: Opportunity,
    reason: str,
    on: dt.date,
    remote_addr: str | None = None,
) -> Opportunity:
    """Record that the client said no (or that we stopped): the reason is required, as the
    pipeline's lessons are in the reasons."""
    opportunity = _locked(opportunity)
    _require(actor, opportunity.holder_id)
    if not opportunity.is_open:
        raise ValidationError(_("This opportunity has been decided already."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why it was lost.")})
    before = snapshot(opportunity, AUDITED)
    opportunity.status, opportunity.decided_on = S.LOST, on
    opportunity.lost_reason = reason.strip()
    opportunity.save()
    _audit(actor, "opportunity.lost", opportunity, before, remote_addr)
    return opportunity


@transaction.atomic
def opportunity_reopen(
    *, actor: Any, opportunity: Opportunity, remote_addr: str | None = None
) -> Opportunity:
    """A lost opportunity comes back (the client returned): it is an opportunity again."""
    opportunity = _locked(opportunity)
    _require(actor, opportunity.holder_id)
    if opportunity.status != S.LOST:
        raise ValidationError(_("Only a lost opportunity can be reopened."))
    before = snapshot(opportunity, AUDITED)
    quote = opportunity.current_quote
    if quote is not None:
        # The lost quote is history; a new quote for the reopened opportunity gets a new number.
        quote.withdrawn_on = default_reference()
        quote.withdrawn_reason = _("Lost: %(reason)s") % {"reason": opportunity.lost_reason}
        quote.save(update_fields=["withdrawn_on", "withdrawn_reason"])
    opportunity.status, opportunity.decided_on, opportunity.lost_reason = S.OPPORTUNITY, None, ""
    opportunity.current_quote = None
    opportunity.save()
    _audit(actor, "opportunity.reopened", opportunity, before, remote_addr)
    return opportunity


@transaction.atomic
def quote_win(
    *,
    actor: Any,
    opportunity: Opportunity,
    on: dt.date,
    code: str = "",
    handover_by: dt.date | None = None,
    remote_addr: str | None = None,
) -> Opportunity:
    """The client accepted the quote: it is won, and its project is created (in the
    programme it serves; without a programme, as a separate project that needs the date
    by which it is handed over or ended)."""
    from koers.work.services import project_save

    opportunity = _locked(opportunity)
    _require(actor, opportunity.holder_id)
    if opportunity.status != S.QUOTED:
        raise ValidationError(_("Only a sent quote can be won."))
    if not may_win(actor, opportunity):
        raise ValidationError(
            _(
                "Winning the quote creates a project; ask someone who may add projects to "
                "this programme (its coordinator, the director or operations)."
            )
        )
    sent = opportunity.current_quote
    if sent is not None and on < sent.sent_on:
        raise ValidationError({"on": _("A quote is won after it was sent.")})
    client = opportunity.organisation
    project = project_save(
        actor=actor,
        organisation_id=opportunity.holder_id,
        values={
            "programme": opportunity.programme,
            "handover_by": handover_by if opportunity.programme is None else None,
            "code": code,
            "title": opportunity.title,
            "funder": client,
            "partner": client,
            "municipality": client.municipality,
            "starts_on": opportunity.starts_on or on,
            "ends_on": opportunity.ends_on,
            "hours_budget": opportunity.hours,
            "programme_hours": opportunity.programme_hours,
            "money_budget": opportunity.amount,
        },
        remote_addr=remote_addr,
    )
    before = snapshot(opportunity, AUDITED)
    opportunity.status, opportunity.decided_on, opportunity.project = S.WON, on, project
    opportunity.save()
    _audit(actor, "opportunity.won", opportunity, before, remote_addr)
    return opportunity


@transaction.atomic
def quote_template_store(
    *, actor: Any, holder_id: int, document: Any, remote_addr: str | None = None
) -> QuoteTemplate:
    """Store the organisation's own quote template; refused when it names placeholders
    Koers does not know (a typo would otherwise go out to a client as typed)."""
    if not has_capability(actor, Capability.ADMINISTER, Scope(organisation_id=holder_id)):
        raise PermissionDenied
    try:
        unknown = quotes.unknown_placeholders(document)
    except ValidationError:
        raise  # too large to parse: its own message
    except Exception as error:  # python-docx raises several kinds for a damaged file
        raise ValidationError(_("This is not a Word document Koers can read.")) from error
    if unknown:
        raise ValidationError(
            _("The template has placeholders Koers does not know: %(names)s.")
            % {"names": ", ".join(f"{{{name}}}" for name in unknown)}
        )
    document.seek(0)
    record = QuoteTemplate.objects.filter(holder_id=holder_id).first() or QuoteTemplate(
        holder_id=holder_id
    )
    record.document.save("offerte-sjabloon.docx", ContentFile(document.read()), save=False)
    record.save()
    audit_write(
        actor=actor,
        action="quote_template.stored",
        instance=record,
        after={"document": record.document.name},
        remote_addr=remote_addr,
        organisation_id=holder_id,
    )
    return record
