"""Training the classifier in the worker: what it learns from (the humans' choices, active
categories), the model in use replaced only by a ready one, too few or a failure said and
stored, who may ask for a training, and one training at a time."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from koers.core.models import AuditEntry
from koers.signals.classify import engine
from koers.signals.classify.services import classifier_training_request
from koers.signals.classify.training import classifier_train_execute, labelled_examples
from koers.signals.models import ClassifierModel, TrainingStatus
from tests.signals.classify_examples import labelled_signals
from tests.signals.factories import CategoryFactory, SignalFactory

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def immediate(settings: Any) -> None:
    settings.TASKS = IMMEDIATE


def train_now(world: Any, capture: Any, role: str = "programmacoordinator") -> ClassifierModel:
    with capture(execute=True):
        model = classifier_training_request(actor=world.users[role], holder_id=world.own.pk)
    model.refresh_from_db()
    return model


def test_a_training_in_the_worker_makes_a_ready_model_the_one_in_use(
    world: Any, immediate: None, django_capture_on_commit_callbacks: Any
) -> None:
    categories = labelled_signals(world.own)
    model = train_now(world, django_capture_on_commit_callbacks)
    assert model.status == TrainingStatus.READY
    assert model.active
    assert model.signal_count == 98
    assert model.parameters
    assert model.seconds is not None and model.seconds > 0
    assert model.peak_memory_mb is not None and model.peak_memory_mb > 0
    names = ("Wachtlijsten", "Eenzaamheid", "Mantelzorg")
    mains = {str(categories[name].pk) for name in names}
    assert mains <= set(model.metrics["main"]["categories"])
    assert set(
        AuditEntry.objects.filter(organisation_id=world.own.pk).values_list("action", flat=True)
    ) >= {"classifier.train_requested", "classifier.trained"}


def test_a_newer_ready_model_replaces_the_one_in_use(
    world: Any, immediate: None, django_capture_on_commit_callbacks: Any
) -> None:
    labelled_signals(world.own, per_theme=10)
    first = train_now(world, django_capture_on_commit_callbacks)
    second = train_now(world, django_capture_on_commit_callbacks, role="directeur")
    first.refresh_from_db()
    assert second.active and not first.active
    assert ClassifierModel.objects.filter(holder=world.own, active=True).count() == 1


def test_too_few_signals_is_said_and_the_model_in_use_stays(
    world: Any, immediate: None, django_capture_on_commit_callbacks: Any
) -> None:
    earlier = ClassifierModel.objects.create(
        holder=world.own, requested_at=timezone.now(), status=TrainingStatus.READY, active=True
    )
    waiting: Any = CategoryFactory(holder=world.own, name="Wachtlijsten")
    SignalFactory.create_batch(
        12, holder=world.own, category=waiting, interpreted_at=timezone.now()
    )
    model = train_now(world, django_capture_on_commit_callbacks)
    earlier.refresh_from_db()
    assert model.status == TrainingStatus.TOO_FEW
    assert not model.active and not model.parameters
    assert model.metrics["counts"] == {str(waiting.pk): 12}
    assert earlier.active


def test_it_learns_the_humans_choice_not_the_suggestion(world: Any) -> None:
    lonely: Any = CategoryFactory(holder=world.own, name="Eenzaamheid")
    waiting: Any = CategoryFactory(holder=world.own, name="Wachtlijsten")
    SignalFactory(
        holder=world.own,
        description="Wacht al een jaar",
        category=waiting,
        suggested_category=lonely,
        suggestion_confidence=0.9,
        interpreted_at=timezone.now(),
    )
    assert labelled_examples(world.own.pk) == [engine.Example("Wacht al een jaar", waiting.pk)]


def test_only_interpreted_signals_of_the_holder_in_active_categories_are_learnt(
    world: Any,
) -> None:
    now = timezone.now()
    main: Any = CategoryFactory(holder=world.own, name="Mantelzorg")
    sub: Any = CategoryFactory(holder=world.own, name="Respijtzorg", parent=main)
    retired_sub: Any = CategoryFactory(holder=world.own, name="Oud", parent=main, active=False)
    retired_main: Any = CategoryFactory(holder=world.own, name="Vroeger", active=False)
    under_retired: Any = CategoryFactory(holder=world.own, name="Onder", parent=retired_main)
    SignalFactory(holder=world.own, description="sub", category=sub, interpreted_at=now)
    SignalFactory(holder=world.own, description="oud", category=retired_sub, interpreted_at=now)
    SignalFactory(holder=world.own, description="weg", category=retired_main, interpreted_at=now)
    SignalFactory(holder=world.own, description="onder", category=under_retired, interpreted_at=now)
    SignalFactory(holder=world.own, description="niet geduid", category=main)  # public, say
    SignalFactory(holder=world.own, description="geen categorie", interpreted_at=now)
    other: Any = CategoryFactory(holder=world.other_org, name="Mantelzorg")
    SignalFactory(holder=world.other_org, description="ander", category=other, interpreted_at=now)
    assert labelled_examples(world.own.pk) == [
        engine.Example("sub", main.pk, sub.pk),
        engine.Example("oud", main.pk, None),
    ]


def test_a_failed_training_is_stored_as_failed_and_the_model_in_use_stays(
    world: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = ClassifierModel.objects.create(
        holder=world.own, requested_at=timezone.now(), status=TrainingStatus.READY, active=True
    )
    model = ClassifierModel.objects.create(holder=world.own, requested_at=timezone.now())

    def broken(*args: Any, **kwargs: Any) -> None:
        raise MemoryError("out of memory")

    monkeypatch.setattr(engine, "train", broken)
    done = classifier_train_execute(model.pk)
    earlier.refresh_from_db()
    assert done.status == TrainingStatus.FAILED
    assert done.message == "out of memory"
    assert earlier.active and not done.active


def test_a_model_that_is_not_waiting_is_left_alone(world: Any) -> None:
    model = ClassifierModel.objects.create(
        holder=world.own, requested_at=timezone.now(), status=TrainingStatus.RUNNING
    )
    assert classifier_train_execute(model.pk).status == TrainingStatus.RUNNING


@pytest.mark.parametrize("role", ["medewerker", "bedrijfsvoering", "opdrachtgever", "outsider"])
def test_only_those_who_manage_the_holders_signals_may_ask_for_a_training(
    world: Any, role: str
) -> None:
    with pytest.raises(PermissionDenied):
        classifier_training_request(actor=world.users[role], holder_id=world.own.pk)
    assert not ClassifierModel.objects.exists()


def test_a_second_training_while_one_waits_is_refused(world: Any) -> None:
    classifier_training_request(actor=world.users["directeur"], holder_id=world.own.pk)
    with pytest.raises(ValidationError) as refused:
        classifier_training_request(
            actor=world.users["programmacoordinator"], holder_id=world.own.pk
        )
    assert "al" in refused.value.messages[0] or "already" in refused.value.messages[0]
    assert ClassifierModel.objects.count() == 1


def test_a_training_lost_for_over_an_hour_does_not_block_a_new_one(world: Any) -> None:
    lost = timezone.now() - dt.timedelta(hours=1, minutes=1)
    ClassifierModel.objects.create(
        holder=world.own, requested_at=lost, status=TrainingStatus.RUNNING
    )
    classifier_training_request(actor=world.users["directeur"], holder_id=world.own.pk)
    assert ClassifierModel.objects.filter(status=TrainingStatus.QUEUED).count() == 1


def test_another_organisations_waiting_training_does_not_block(world: Any) -> None:
    ClassifierModel.objects.create(holder=world.other_org, requested_at=timezone.now())
    classifier_training_request(actor=world.users["directeur"], holder_id=world.own.pk)
    assert ClassifierModel.objects.filter(holder=world.own).count() == 1


def test_the_weekly_retraining_is_registered() -> None:
    import datetime as dt

    from koers.core import schedule

    job = next(j for j in schedule.registered() if j.name == "signals.classifier_retrain")
    assert job.every == dt.timedelta(days=7)


def test_the_weekly_retraining_trains_only_where_enough_was_interpreted_since(
    world: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from koers.signals.classify import training

    trained: list[int] = []

    def fake_execute(model_id: int) -> ClassifierModel:
        trained.append(ClassifierModel.objects.get(pk=model_id).holder_id)
        return ClassifierModel.objects.get(pk=model_id)

    monkeypatch.setattr(training, "classifier_train_execute", fake_execute)
    last_week = timezone.now() - dt.timedelta(days=7)
    ClassifierModel.objects.create(
        holder=world.own,
        requested_at=last_week,
        trained_at=last_week,
        status=TrainingStatus.READY,
        active=True,
    )
    own: Any = CategoryFactory(holder=world.own)
    other: Any = CategoryFactory(holder=world.other_org)
    SignalFactory.create_batch(
        30, holder=world.own, category=own, interpreted_at=last_week - dt.timedelta(days=1)
    )
    SignalFactory.create_batch(
        training.RETRAIN_AFTER_NEW - 1,
        holder=world.own,
        category=own,
        interpreted_at=timezone.now(),
    )
    SignalFactory.create_batch(
        training.RETRAIN_AFTER_NEW,
        holder=world.other_org,
        category=other,
        interpreted_at=timezone.now(),
    )
    assert len(training.classifier_retrain_due()) == 1
    assert trained == [world.other_org.pk]  # own: one short of the threshold since last week
    SignalFactory(holder=world.own, category=own, interpreted_at=timezone.now())
    trained.clear()
    ClassifierModel.objects.filter(holder=world.other_org).delete()
    training.classifier_retrain_due()
    assert sorted(trained) == sorted([world.own.pk, world.other_org.pk])


def test_the_weekly_retraining_leaves_a_holder_whose_training_waits(
    world: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from koers.signals.classify import training

    monkeypatch.setattr(training, "classifier_train_execute", lambda pk: pytest.fail("trained"))
    category: Any = CategoryFactory(holder=world.own)
    SignalFactory.create_batch(
        training.RETRAIN_AFTER_NEW,
        holder=world.own,
        category=category,
        interpreted_at=timezone.now(),
    )
    ClassifierModel.objects.create(holder=world.own, requested_at=timezone.now())
    assert training.classifier_retrain_due() == []
