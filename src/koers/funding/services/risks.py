"""Writes to the risk register, the earmarked reserves and the figures a text states."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from koers.accounts.policy import Scope
from koers.core.audit import audit_write, snapshot
from koers.core.versioning import lock_for_edit
from koers.funding.access import require_manage_funding
from koers.funding.models import EarmarkedReserve, ReserveAddition, Risk, StatedFigure

RISK_FIELDS = [
    "programme",
    "title",
    "description",
    "probability",
    "impact",
    "scenario",
    "owner",
    "measures",
    "review_on",
    "source",
]
FIGURES = ("probability", "impact")


@transaction.atomic
def risk_save(
    *,
    actor: Any,
    organisation_id: int,
    values: dict[str, Any],
    risk: Risk | None = None,
    expected_version: int | None = None,
    is_example: bool = False,
    remote_addr: str | None = None,
) -> Risk:
    """Add a risk to the organisation's register, or change one (version-checked: a save
    by someone else in between raises ConflictError). A programme must be the
    organisation's own. Example figures (`is_example`, the demo's) stay labelled so until
    someone changes the probability or the impact."""
    require_manage_funding(actor, Scope(organisation_id=organisation_id))
    programme = values.get("programme")
    if programme is not None and programme.plan.organisation_id != organisation_id:
        raise PermissionDenied
    before = None
    if risk is None:
        risk = Risk(organisation_id=organisation_id, is_example=is_example)
    else:
        if risk.organisation_id != organisation_id:
            raise PermissionDenied
        risk = lock_for_edit(risk, expected_version)
        before = snapshot(risk, RISK_FIELDS)
        if any(name in values and values[name] != getattr(risk, name) for name in FIGURES):
            risk.is_example = False
    for name, value in values.items():
        setattr(risk, name, value)
    risk.full_clean()
    risk.save()
    audit_write(
        actor=actor,
        action="risk.saved" if before else "risk.created",
        instance=risk,
        before=before,
        after=snapshot(risk, RISK_FIELDS),
        remote_addr=remote_addr,
    )
    return risk


RESERVE_FIELDS = ["name", "purpose", "ceiling", "opening_year", "opening_balance", "source"]


def _additions(reserve: EarmarkedReserve) -> dict[str, str]:
    return {str(a.year): str(a.amount) for a in reserve.additions.all()}


@transaction.atomic
def earmarked_reserve_store(
    *,
    actor: Any,
    organisation_id: int,
    values: dict[str, Any],
    additions: dict[int, Decimal],
    reserve: EarmarkedReserve | None = None,
    expected_version: int | None = None,
    adding: bool = False,
    is_example: bool = False,
    remote_addr: str | None = None,
) -> EarmarkedReserve:
    """Store an earmarked reserve with its planned additions per year (replacing those it
    had); the audit entry keeps what they were. Without `reserve` it is found by name (the
    demo's loading), or with `adding` made new (a name in use is refused); with `reserve`
    it is changed, version-checked (a save by someone else in between raises
    ConflictError). A planned balance above the ceiling is allowed: the page flags it."""
    require_manage_funding(actor, Scope(organisation_id=organisation_id))
    if reserve is not None:
        if reserve.organisation_id != organisation_id:
            raise PermissionDenied
        reserve = lock_for_edit(reserve, expected_version)
        created = False
    elif adding:
        reserve = EarmarkedReserve(
            organisation_id=organisation_id, opening_year=values["opening_year"]
        )
        created = True
    else:
        reserve, created = EarmarkedReserve.objects.select_for_update().get_or_create(
            organisation_id=organisation_id,
            name=values["name"],
            defaults={"opening_year": values["opening_year"]},
        )
        if not created:
            reserve.version += 1
    before = None if created else {**snapshot(reserve, RESERVE_FIELDS), **_additions(reserve)}
    for name, value in values.items():
        setattr(reserve, name, value)
    reserve.is_example = is_example
    reserve.full_clean()
    reserve.save()
    reserve.additions.all().delete()
    rows = [
        ReserveAddition(reserve=reserve, year=year, amount=amount)
        for year, amount in sorted(additions.items())
    ]
    for row in rows:
        row.full_clean()
    ReserveAddition.objects.bulk_create(rows)
    audit_write(
        actor=actor,
        action="earmarked_reserve.stored",
        instance=reserve,
        before=before,
        after={**snapshot(reserve, RESERVE_FIELDS), **_additions(reserve)},
        remote_addr=remote_addr,
    )
    return reserve


STATED_FIGURE_FIELDS = [
    "subject",
    "stated",
    "stated_source",
    "compared",
    "compared_source",
    "basis",
    "order",
]


@transaction.atomic
def stated_figure_store(
    *, actor: Any, organisation_id: int, values: dict[str, Any], remote_addr: str | None = None
) -> StatedFigure:
    """Keep a figure a document states in its text beside the figure it is compared with
    (by subject: stored again, it is replaced)."""
    require_manage_funding(actor, Scope(organisation_id=organisation_id))
    figure, created = StatedFigure.objects.select_for_update().get_or_create(
        organisation_id=organisation_id,
        subject=values["subject"],
        defaults={k: v for k, v in values.items() if k != "subject"},
    )
    before = None if created else snapshot(figure, STATED_FIGURE_FIELDS)
    for name, value in values.items():
        setattr(figure, name, value)
    figure.full_clean()
    figure.save()
    audit_write(
        actor=actor,
        action="stated_figure.stored",
        instance=figure,
        before=before,
        after=snapshot(figure, STATED_FIGURE_FIELDS),
        remote_addr=remote_addr,
    )
    return figure
