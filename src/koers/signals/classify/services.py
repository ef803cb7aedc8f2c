"""Asking for a training of the classifier (staff who manage signals).
`classifier_training_request` makes a waiting model and, once the transaction commits,
enqueues the worker's task (`tasks.train_classifier`, which calls
`training.classifier_train_execute`)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.audit import audit_write
from koers.signals.access import may_manage_signals
from koers.signals.classify.tasks import train_classifier
from koers.signals.classify.training import STALE_AFTER
from koers.signals.models import ClassifierModel, TrainingStatus


@transaction.atomic
def classifier_training_request(
    *, actor: Any, holder_id: int, remote_addr: str | None = None
) -> ClassifierModel:
    """A waiting model of the holder, trained by the worker after this transaction commits
    on every signal a person interpreted so far. Refused (PermissionDenied) unless `actor`
    manages the holder's signals; refused (ValidationError) while another training of the
    holder waits or runs (unless it was lost: older than `STALE_AFTER`)."""
    if not may_manage_signals(actor, holder_id):
        raise PermissionDenied
    now = timezone.now()
    busy = (
        ClassifierModel.objects.filter(holder_id=holder_id)
        .select_for_update()
        .filter(status__in=[TrainingStatus.QUEUED, TrainingStatus.RUNNING])
    )
    if any(now - m.requested_at < STALE_AFTER for m in busy):
        raise ValidationError(
            _("A training is already waiting or running; this page shows it when it is done.")
        )
    model = ClassifierModel.objects.create(
        holder_id=holder_id, requested_at=now, status=TrainingStatus.QUEUED
    )
    audit_write(
        actor=actor,
        action="classifier.train_requested",
        instance=model,
        remote_addr=remote_addr,
        organisation_id=holder_id,
    )
    transaction.on_commit(lambda: train_classifier.enqueue(model.pk))
    return model
