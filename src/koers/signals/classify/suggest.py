"""The classifier's suggestion for a text being typed: the main category with its
confidence, and the sub-category only when the model is sure enough of it
(settings.SIGNALS_SUGGESTION_THRESHOLD).

A suggestion is advice: nothing here writes to a signal. The form shows it; the person
chooses, and her choice is what the signal keeps and what the next training learns.

The model in use is loaded once per process and kept, keyed by its id: a newer model (a new
training, or another one switched on) is loaded on the first suggestion after it. Each
suggestion asks the database twice: which model is in use, and which of the suggested
categories are still in use (a deactivated category is never suggested)."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from django.conf import settings

from koers.signals.classify.engine import Predictor
from koers.signals.models import Category, ClassifierModel, TrainingStatus


@dataclass(frozen=True)
class CategorySuggestion:
    """`category` is what to offer: the sub-category when sure enough, else the main
    category (`main_only`); `confidence` is the model's probability of `category`."""

    category: Category
    confidence: float
    main_only: bool
    main: Category
    main_confidence: float
    model_id: int


# A suggestion reads at most this much of the text: a signal is a short description, and a
# pasted document must not make every keystroke's request slow.
READ_AT_MOST = 5_000

# Each holder's model in use, by holder: (model id, predictor). One per holder, so that
# organisations suggesting in turn do not load each other's models out of memory, and a
# holder's new model replaces her old one.
_loaded: dict[int, tuple[int, Predictor]] = {}
_lock = threading.Lock()


def predictor(holder_id: int, model_id: int) -> Predictor | None:
    """The holder's model's predictor, loaded from its parameters on first use in this
    process."""
    found = _loaded.get(holder_id)
    if found is not None and found[0] == model_id:
        return found[1]
    with _lock:
        found = _loaded.get(holder_id)
        if found is not None and found[0] == model_id:
            return found[1]
        parameters = (
            ClassifierModel.objects.filter(pk=model_id, holder_id=holder_id)
            .values_list("parameters", flat=True)
            .first()
        )
        if not parameters:
            return None
        loaded = Predictor(bytes(parameters))
        _loaded[holder_id] = (model_id, loaded)
    return loaded


def forget_loaded() -> None:
    """Drop the loaded models (tests; a process that wants its memory back)."""
    with _lock:
        _loaded.clear()


def suggest(holder_id: int, text: str) -> CategorySuggestion | None:
    """The holder's model's suggestion for `text`, or None: no model in use, or no word
    of the text that the model knows."""
    if not text or not text.strip():
        return None
    model_id = (
        ClassifierModel.objects.filter(holder_id=holder_id)
        .filter(active=True, status=TrainingStatus.READY)
        .values_list("pk", flat=True)
        .first()
    )
    if model_id is None:
        return None
    model = predictor(holder_id, model_id)
    prediction = model.predict(text[:READ_AT_MOST]) if model is not None else None
    if prediction is None:
        return None
    offered = {
        c.pk: c
        for c in Category.objects.filter(holder_id=holder_id).filter(
            active=True, pk__in=[c for c, _p in prediction.main + prediction.sub]
        )
    }
    main_id, main_confidence = next(
        ((c, p) for c, p in prediction.main if c in offered and offered[c].parent_id is None),
        (None, 0.0),
    )
    if main_id is None:
        return None
    main = offered[main_id]
    threshold = settings.SIGNALS_SUGGESTION_THRESHOLD
    for sub_id, probability in prediction.sub:
        sub = offered.get(sub_id)
        if sub is not None and sub.parent_id == main_id:
            if probability >= threshold:
                return CategorySuggestion(
                    category=sub,
                    confidence=probability,
                    main_only=False,
                    main=main,
                    main_confidence=main_confidence,
                    model_id=model_id,
                )
            break
    return CategorySuggestion(
        category=main,
        confidence=main_confidence,
        main_only=True,
        main=main,
        main_confidence=main_confidence,
        model_id=model_id,
    )
