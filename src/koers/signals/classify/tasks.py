"""The worker's task of the classifier: a training (too long for a request)."""

from __future__ import annotations

from django_tasks import task

from koers.signals.classify.training import classifier_train_execute


@task()
def train_classifier(model_id: int) -> str:
    """Train and store model `model_id`; returns its status."""
    return str(classifier_train_execute(model_id).status)


@task()
def retrain_classifiers() -> int:
    """The weekly retraining (`training.classifier_retrain_due`); returns how many trained."""
    from koers.signals.classify.training import classifier_retrain_due

    return len(classifier_retrain_due())
