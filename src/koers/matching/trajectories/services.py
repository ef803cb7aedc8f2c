"""Writes to trajectories: add or change one, with a person from the holder's directory or a
new one (added to the directory with consent as her lawful basis), in one transaction with
its audit entry, at the version she opened."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.core.audit import audit_write, snapshot
from koers.core.privacy import LawfulBasis
from koers.core.versioning import lock_for_edit
from koers.directory.models import Organisation
from koers.directory.persons.services import person_create
from koers.matching.models import Trajectory
from koers.matching.trajectories.queries import may_manage_trajectories

TRAJECTORY_FIELDS = ["kind", "person", "employer", "started_on", "ended_on", "outcome", "note"]


@transaction.atomic
def trajectory_save(
    *,
    actor: Any,
    holder_id: int,
    values: dict[str, Any],
    new_person: dict[str, Any] | None = None,
    trajectory: Trajectory | None = None,
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> Trajectory:
    """Add a trajectory or change one. `new_person` (first_name, infix, last_name, email,
    consent_given_on) is added to the holder's directory first and becomes its person; a
    person of another holder, or an end before the start, is refused."""
    if not may_manage_trajectories(actor, holder_id):
        raise PermissionDenied
    started, ended = values.get("started_on"), values.get("ended_on")
    if started and ended and ended < started:
        raise ValidationError({"ended_on": _("The end lies before the start; change one of them.")})
    person = values.get("person")
    if person is not None and person.holder_id != holder_id:
        raise ValidationError(_("This person is not in your organisation's directory."))
    before = None
    if trajectory is None:
        trajectory = Trajectory(holder_id=holder_id, created_by=actor)
    else:
        trajectory = lock_for_edit(trajectory, expected_version)
        if trajectory.holder_id != holder_id:
            raise PermissionDenied
        before = snapshot(trajectory, TRAJECTORY_FIELDS)
    if new_person is not None:
        values = {
            **values,
            "person": person_create(
                actor=actor,
                holder=Organisation.objects.get(pk=holder_id),
                remote_addr=remote_addr,
                purpose=str(Trajectory.personal_data.purpose),
                lawful_basis=LawfulBasis.CONSENT,
                **new_person,
            ),
        }
    for name, value in values.items():
        setattr(trajectory, name, value)
    trajectory.full_clean()
    trajectory.save()
    audit_write(
        actor=actor,
        action="trajectory.saved" if before else "trajectory.created",
        instance=trajectory,
        before=before,
        after=snapshot(trajectory, TRAJECTORY_FIELDS),
        remote_addr=remote_addr,
        organisation_id=holder_id,
    )
    return trajectory
