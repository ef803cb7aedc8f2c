"""The worker's part of the classifier: train on the holder's interpreted signals and store
the model with its figures (seconds to a minute on 20,000 signals, so never in a request).

The examples are the humans' choices: a signal counts once a person interpreted it
(`interpreted_at`), with the category she chose, whatever was suggested. Deactivated
categories are not learnt (they are never suggested); a signal under a deactivated
sub-category of an active main category still teaches its main category."""

from __future__ import annotations

import datetime as dt
import logging
import time
import tracemalloc

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from koers.core.audit import audit_write
from koers.signals.classify import engine
from koers.signals.models import ClassifierModel, Signal, TrainingStatus

logger = logging.getLogger(__name__)

# A training still "running" after this long was lost with its worker; asking again is allowed.
STALE_AFTER = dt.timedelta(hours=1)


def labelled_examples(holder_id: int) -> list[engine.Example]:
    """The holder's interpreted signals as examples (one query)."""
    rows = (
        Signal.objects.held_by(holder_id)
        .filter(interpreted_at__isnull=False, category__isnull=False)
        .values_list(
            "description",
            "category_id",
            "category__active",
            "category__parent_id",
            "category__parent__active",
        )
        .order_by("pk")
    )
    examples = []
    for text, category_id, active, parent_id, parent_active in rows.iterator(chunk_size=2000):
        if parent_id is None:
            if active:
                examples.append(engine.Example(text, category_id))
        elif parent_active:
            examples.append(engine.Example(text, parent_id, category_id if active else None))
    return examples


def classifier_train_execute(model_id: int) -> ClassifierModel:
    """Train the waiting model `model_id` (the worker's task). A model that is not waiting
    any more (done, or taken by another worker) is left alone. A ready model becomes the
    one in use, in the same transaction that stores it; too few examples or a failure
    leave the model in use as it was."""
    with transaction.atomic():
        model = ClassifierModel.objects.select_for_update().get(pk=model_id)
        if model.status != TrainingStatus.QUEUED:
            return model
        model.status = TrainingStatus.RUNNING
        model.save(update_fields=["status"])
    try:
        examples = labelled_examples(model.holder_id)
        tracing = not tracemalloc.is_tracing()
        if tracing:
            tracemalloc.start()
        started = time.perf_counter()
        try:
            outcome = engine.train(examples, min_per_category=settings.SIGNALS_MIN_PER_CATEGORY)
            seconds = time.perf_counter() - started
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            if tracing:
                tracemalloc.stop()
        _store(model, outcome, labelled=len(examples), seconds=seconds, peak=peak)
    except Exception as error:
        logger.exception("Training classifier %s failed", model_id)
        ClassifierModel.objects.filter(pk=model_id).update(
            status=TrainingStatus.FAILED, message=str(error)[:500], trained_at=timezone.now()
        )
        model.refresh_from_db()
    return model


def _store(
    model: ClassifierModel, outcome: engine.Outcome, *, labelled: int, seconds: float, peak: int
) -> None:
    with transaction.atomic():
        model.trained_at = timezone.now()
        model.signal_count = labelled
        model.metrics = outcome.metrics
        model.seconds = round(seconds, 3)
        model.peak_memory_mb = round(peak / 2**20, 1)
        fields = ["trained_at", "signal_count", "metrics", "seconds", "peak_memory_mb", "status"]
        if outcome.ready:
            ClassifierModel.objects.filter(holder_id=model.holder_id).filter(active=True).exclude(
                pk=model.pk
            ).update(active=False)
            model.status = TrainingStatus.READY
            model.parameters = outcome.parameters
            model.active = True
            fields += ["parameters", "active"]
        else:
            model.status = TrainingStatus.TOO_FEW
        model.save(update_fields=fields)
        audit_write(
            actor=None,
            action="classifier.trained",
            instance=model,
            after={"status": model.status, "signals": labelled, "used": outcome.used},
            organisation_id=model.holder_id,
        )


# A weekly retraining only when people interpreted at least this many signals since the
# model in use was trained (a handful does not change a model; a training costs a minute).
RETRAIN_AFTER_NEW = 20


def classifier_retrain_due() -> list[ClassifierModel]:
    """The weekly job: train again, for every organisation whose people interpreted at
    least `RETRAIN_AFTER_NEW` signals since its model in use was trained (or that has no
    model yet and has that many), unless a training of it waits or runs. Each training is
    run here, in the worker, one after the other; returns the models trained."""
    now = timezone.now()
    busy = set(
        ClassifierModel.objects.filter(
            status__in=[TrainingStatus.QUEUED, TrainingStatus.RUNNING],
            requested_at__gt=now - STALE_AFTER,
        ).values_list("holder_id", flat=True)
    )
    trained_at = dict(
        ClassifierModel.objects.filter(active=True).values_list("holder_id", "trained_at")
    )
    interpreted = Signal.objects.filter(interpreted_at__isnull=False, category__isnull=False)
    holders = set(interpreted.values_list("holder_id", flat=True).distinct())
    done = []
    for holder_id in sorted(holders - busy):
        since = trained_at.get(holder_id)
        fresh = interpreted.filter(holder_id=holder_id)
        if since is not None:
            fresh = fresh.filter(interpreted_at__gt=since)
        if fresh.count() < RETRAIN_AFTER_NEW:
            continue
        model = ClassifierModel.objects.create(
            holder_id=holder_id, requested_at=now, status=TrainingStatus.QUEUED
        )
        done.append(classifier_train_execute(model.pk))
    return done
