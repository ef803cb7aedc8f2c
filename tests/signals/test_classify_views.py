"""The classifier's page and asking for a training: who sees and who may train (anonymous,
wrong role, another organisation), what the page says with no model, too few signals and
a model in use, a refused training answered with the page and its error summary (400), and
the page's queries independent of the number of signals."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.signals.models import ClassifierModel, TrainingStatus
from tests.signals.factories import CategoryFactory, SignalFactory

pytestmark = pytest.mark.django_db

PAGE = "signals:classifier"
TRAIN = "signals:classifier_train"


def a_model_in_use(world: Any) -> tuple[ClassifierModel, Any, Any]:
    waiting: Any = CategoryFactory(holder=world.own, name="Wachtlijsten")
    nursing: Any = CategoryFactory(holder=world.own, name="Verpleeghuis", parent=waiting)
    lonely: Any = CategoryFactory(holder=world.own, name="Eenzaamheid")
    model = ClassifierModel.objects.create(
        holder=world.own,
        requested_at=timezone.now(),
        trained_at=timezone.now(),
        status=TrainingStatus.READY,
        active=True,
        signal_count=40,
        seconds=1.5,
        peak_memory_mb=12.0,
        metrics={
            "main": {
                "accuracy": 0.875,
                "categories": {
                    str(waiting.pk): {
                        "precision": 0.9,
                        "recall": 0.8,
                        "support": 5,
                        "labelled": 25,
                    },
                    str(lonely.pk): {
                        "precision": 0.75,
                        "recall": 1.0,
                        "support": 3,
                        "labelled": 15,
                    },
                },
            },
            "sub": {
                "accuracy": 0.5,
                "categories": {
                    str(nursing.pk): {
                        "precision": 0.5,
                        "recall": 0.25,
                        "support": 4,
                        "labelled": 20,
                    }
                },
            },
            "held_out": 8,
            "left_out": {},
        },
    )
    return model, waiting, lonely


def test_the_coordinator_sees_precision_and_recall_per_category(world: Any) -> None:
    a_model_in_use(world)
    response = world.client("programmacoordinator").get(reverse(PAGE))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Wachtlijsten" in text and "Eenzaamheid" in text
    assert "Wachtlijsten › Verpleeghuis" in text
    assert "90%" in text and "80%" in text and "88%" in text  # precision, recall, accuracy
    assert reverse(TRAIN) in text


def test_a_medewerker_sees_the_page_without_the_training_button(world: Any) -> None:
    a_model_in_use(world)
    response = world.client("medewerker").get(reverse(PAGE))
    assert response.status_code == 200
    assert reverse(TRAIN) not in response.content.decode()


def test_without_a_model_the_page_says_so_instead_of_guessing(world: Any) -> None:
    waiting: Any = CategoryFactory(holder=world.own, name="Wachtlijsten")
    SignalFactory.create_batch(3, holder=world.own, category=waiting, interpreted_at=timezone.now())
    response = world.client("directeur").get(reverse(PAGE))
    assert response.status_code == 200
    page = response.context
    assert page["active"] is None
    assert [(n.name, n.labelled, n.missing) for n in page["needs"]] == [("Wachtlijsten", 3, 7)]
    assert page["ready_mains"] == 0


def test_after_too_few_signals_the_page_says_so_and_keeps_the_model_in_use(world: Any) -> None:
    model, _waiting, _lonely = a_model_in_use(world)
    ClassifierModel.objects.create(
        holder=world.own, requested_at=timezone.now(), status=TrainingStatus.TOO_FEW
    )
    response = world.client("directeur").get(reverse(PAGE))
    assert response.context["latest_differs"]
    assert response.context["active"] == model
    assert response.context["latest"].status == TrainingStatus.TOO_FEW


def test_another_organisations_director_sees_only_her_own_page(world: Any) -> None:
    a_model_in_use(world)
    response = world.client("outsider").get(reverse(PAGE))
    assert response.status_code == 200
    assert response.context["active"] is None
    assert "Wachtlijsten" not in response.content.decode()


@pytest.mark.parametrize("role", ["bedrijfsvoering", "toezicht", "opdrachtgever", "no_role"])
def test_roles_without_signals_are_refused_the_page(world: Any, role: str) -> None:
    assert world.client(role).get(reverse(PAGE)).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(world: Any, client: Any) -> None:
    for response in (client.get(reverse(PAGE)), client.post(reverse(TRAIN))):
        assert response.status_code == 302
        assert "login" in response["Location"] or "inloggen" in response["Location"]
    assert not ClassifierModel.objects.exists()


def test_the_coordinator_asks_for_a_training(world: Any) -> None:
    response = world.client("programmacoordinator").post(reverse(TRAIN))
    assert response.status_code == 302
    assert response["Location"] == reverse(PAGE)
    model = ClassifierModel.objects.get()
    assert model.holder == world.own
    assert model.status == TrainingStatus.QUEUED


@pytest.mark.parametrize("role", ["medewerker", "bedrijfsvoering", "opdrachtgever", "no_role"])
def test_those_who_do_not_manage_signals_may_not_train(world: Any, role: str) -> None:
    assert world.client(role).post(reverse(TRAIN)).status_code == 403
    assert not ClassifierModel.objects.exists()


def test_another_organisations_director_trains_only_her_own_model(world: Any) -> None:
    assert world.client("outsider").post(reverse(TRAIN)).status_code == 302
    assert not ClassifierModel.objects.filter(holder=world.own).exists()
    assert ClassifierModel.objects.filter(holder=world.other_org).count() == 1


def test_a_training_while_one_waits_answers_the_page_with_the_reason(world: Any) -> None:
    director = world.client("directeur")
    director.post(reverse(TRAIN))
    response = director.post(reverse(TRAIN))
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()
    assert response.context["form"].non_field_errors()
    assert ClassifierModel.objects.count() == 1


def test_training_is_asked_for_by_post_only(world: Any) -> None:
    assert world.client("directeur").get(reverse(TRAIN)).status_code == 405


@pytest.mark.parametrize("signals", [10, 200])
def test_the_page_asks_a_fixed_number_of_queries(
    world: Any, signals: int, django_assert_max_num_queries: Any
) -> None:
    _model, waiting, lonely = a_model_in_use(world)
    now = timezone.now()
    for n in range(signals):
        SignalFactory(holder=world.own, category=waiting if n % 2 else lonely, interpreted_at=now)
    coordinator = world.client("programmacoordinator")
    with django_assert_max_num_queries(14):
        assert coordinator.get(reverse(PAGE)).status_code == 200
