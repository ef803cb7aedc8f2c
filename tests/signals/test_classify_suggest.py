"""The suggestion while a signal is typed: the main category with its confidence, the
sub-category only above the threshold, never a deactivated category or another
organisation's model, nothing written to a signal (the human's choice is final, and the
next training learns it), the model loaded once per process."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from koers.signals.classify import engine
from koers.signals.classify import suggest as suggesting
from koers.signals.classify.suggest import suggest
from koers.signals.models import ClassifierModel, Signal, TrainingStatus
from tests.signals.classify_examples import THEMES, labelled_texts
from tests.signals.factories import CategoryFactory, SignalFactory

pytestmark = pytest.mark.django_db

# Fixed ids, so one training (module scope, no database) serves every test.
BASE = 90_000
NAMES = sorted({main for main, _sub in THEMES} | {f"{m} › {s}" for m, s in THEMES if s})
IDS = {name: BASE + n for n, name in enumerate(NAMES)}
WAITING_TEXT = "Oma staat op de wachtlijst en er is nergens een plek in een verpleeghuis."


@pytest.fixture(scope="module")
def parameters() -> bytes:
    examples = [
        engine.Example(text, IDS[main], IDS[f"{main} › {sub}"] if sub else None)
        for text, main, sub in labelled_texts()
    ]
    outcome = engine.train(examples, min_per_category=10)
    assert outcome.parameters is not None
    return outcome.parameters


@pytest.fixture
def categories(world: Any) -> dict[str, Any]:
    made: dict[str, Any] = {}
    for name in NAMES:  # mains sort before their "Main › Sub"
        main, _sep, sub = name.partition(" › ")
        made[name] = CategoryFactory(
            pk=IDS[name], holder=world.own, name=sub or main, parent=made.get(main) if sub else None
        )
    return made


@pytest.fixture
def in_use(world: Any, categories: dict[str, Any], parameters: bytes) -> ClassifierModel:
    suggesting.forget_loaded()
    return ClassifierModel.objects.create(
        holder=world.own,
        requested_at=timezone.now(),
        status=TrainingStatus.READY,
        parameters=parameters,
        active=True,
    )


def test_it_suggests_the_main_category_with_its_confidence(
    world: Any, in_use: ClassifierModel, categories: dict[str, Any], settings: Any
) -> None:
    settings.SIGNALS_SUGGESTION_THRESHOLD = 1.0  # never sure enough of a sub-category
    found = suggest(world.own.pk, WAITING_TEXT)
    assert found is not None
    assert found.category == found.main == categories["Wachtlijsten"]
    assert found.main_only
    assert 0.5 < found.confidence == found.main_confidence <= 1.0
    assert found.model_id == in_use.pk


def test_the_sub_category_only_when_the_model_is_sure_enough(
    world: Any, in_use: ClassifierModel, categories: dict[str, Any], settings: Any
) -> None:
    settings.SIGNALS_SUGGESTION_THRESHOLD = 0.0
    sure = suggest(world.own.pk, WAITING_TEXT)
    assert sure is not None and not sure.main_only
    assert sure.category == categories["Wachtlijsten › Verpleeghuis"]
    assert sure.main == categories["Wachtlijsten"]
    settings.SIGNALS_SUGGESTION_THRESHOLD = sure.confidence  # the boundary: at it, offered
    assert suggest(world.own.pk, WAITING_TEXT).category == sure.category  # type: ignore[union-attr]
    settings.SIGNALS_SUGGESTION_THRESHOLD = sure.confidence + 1e-6  # above it: the main only
    unsure = suggest(world.own.pk, WAITING_TEXT)
    assert unsure is not None and unsure.main_only
    assert unsure.category == categories["Wachtlijsten"]


def test_a_deactivated_category_is_never_suggested(
    world: Any, in_use: ClassifierModel, categories: dict[str, Any]
) -> None:
    retired = categories["Wachtlijsten"]
    retired.active = False
    retired.save(update_fields=["active"])
    found = suggest(world.own.pk, WAITING_TEXT)
    assert found is not None
    assert found.main != retired and found.category.parent != retired


def test_no_model_in_use_or_nothing_known_gives_no_suggestion(
    world: Any, in_use: ClassifierModel
) -> None:
    assert suggest(world.other_org.pk, WAITING_TEXT) is None  # another organisation: no model
    assert suggest(world.own.pk, "") is None
    assert suggest(world.own.pk, "   ") is None
    assert suggest(world.own.pk, "Xyzzy qwerty.") is None
    in_use.active = False
    in_use.save(update_fields=["active"])
    assert suggest(world.own.pk, WAITING_TEXT) is None


def test_the_suggestion_never_changes_a_signal(
    world: Any, in_use: ClassifierModel, categories: dict[str, Any]
) -> None:
    chosen = categories["Eenzaamheid"]
    signal: Any = SignalFactory(
        holder=world.own, description=WAITING_TEXT, category=chosen, interpreted_at=timezone.now()
    )
    uninterpreted: Any = SignalFactory(holder=world.own, description=WAITING_TEXT)
    before = list(Signal.objects.order_by("pk").values())
    assert suggest(world.own.pk, WAITING_TEXT).main == categories["Wachtlijsten"]  # type: ignore[union-attr]
    assert list(Signal.objects.order_by("pk").values()) == before
    signal.refresh_from_db()
    uninterpreted.refresh_from_db()
    assert signal.category == chosen
    assert uninterpreted.category is None and uninterpreted.suggested_category is None


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per model loaded from its parameters (the real loading, counted)."""
    counted: list[int] = []
    real = engine.Predictor.__init__

    def counting(self: Any, data: bytes) -> None:
        counted.append(1)
        real(self, data)

    monkeypatch.setattr(engine.Predictor, "__init__", counting)
    return counted


def test_the_model_is_loaded_once_per_process_and_again_when_another_is_in_use(
    world: Any, in_use: ClassifierModel, parameters: bytes, loads: list[int]
) -> None:
    suggest(world.own.pk, WAITING_TEXT)
    suggest(world.own.pk, "Meneer is eenzaam.")
    assert len(loads) == 1
    in_use.active = False
    in_use.save(update_fields=["active"])
    ClassifierModel.objects.create(
        holder=world.own,
        requested_at=timezone.now(),
        status=TrainingStatus.READY,
        parameters=parameters,
        active=True,
    )
    suggest(world.own.pk, WAITING_TEXT)
    assert len(loads) == 2


def test_each_holder_keeps_her_model_loaded_while_another_suggests(
    world: Any, in_use: ClassifierModel, parameters: bytes, loads: list[int]
) -> None:
    """Two organisations suggesting in turn load each model once: one holder's model does not
    push the other's out of the process (before, every change of holder loaded again)."""
    CategoryFactory(holder=world.other_org, name="Eenzaamheid")
    ClassifierModel.objects.create(
        holder=world.other_org,
        requested_at=timezone.now(),
        status=TrainingStatus.READY,
        parameters=parameters,
        active=True,
    )
    for _turn in range(3):
        suggest(world.own.pk, WAITING_TEXT)
        suggest(world.other_org.pk, WAITING_TEXT)
    assert len(loads) == 2


def test_a_loaded_suggestion_asks_the_database_twice(
    world: Any, in_use: ClassifierModel, django_assert_max_num_queries: Any
) -> None:
    suggest(world.own.pk, WAITING_TEXT)
    with django_assert_max_num_queries(2):
        assert suggest(world.own.pk, WAITING_TEXT) is not None


def test_retraining_follows_the_humans_choices(
    world: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """People filed every text about waiting under "Toegang tot zorg": after a training the
    model suggests what they chose, not what the words alone would say."""
    from koers.signals.classify.services import classifier_training_request

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    suggesting.forget_loaded()
    access: Any = CategoryFactory(holder=world.own, name="Toegang tot zorg")
    lonely: Any = CategoryFactory(holder=world.own, name="Eenzaamheid")
    now = timezone.now()
    for text, main, _sub in labelled_texts(per_theme=10):
        if main in ("Wachtlijsten", "Eenzaamheid"):
            SignalFactory(
                holder=world.own,
                description=text,
                category=access if main == "Wachtlijsten" else lonely,
                interpreted_at=now,
            )
    with django_capture_on_commit_callbacks(execute=True):
        classifier_training_request(actor=world.users["directeur"], holder_id=world.own.pk)
    found = suggest(world.own.pk, WAITING_TEXT)
    assert found is not None and found.main == access
