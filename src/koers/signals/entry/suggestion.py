"""The classifier's suggestion for a text being typed, as the entry form shows it.

The classifier (`koers.signals.classify.suggest.suggest(holder_id, text)`) answers None
(no trained model, too little text, not sure) or an object with `category`, `confidence`
and `main_only` (below the threshold only the main category is suggested). It never sets a
signal's category: the form shows it, and the person chooses."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from koers.signals.classify.suggest import suggest
from koers.signals.models import Category
from koers.signals.services import Suggestion

logger = logging.getLogger(__name__)

# Fewer characters than this say too little to suggest anything from.
MIN_TEXT = 20


@dataclass(frozen=True)
class Shown:
    """A suggestion of one of the holder's categories in use, ready for the page."""

    category: Category
    confidence: float
    main_only: bool

    @property
    def percent(self) -> int:
        return round(self.confidence * 100)

    def kept(self) -> Suggestion:
        """As `signal_record` keeps it beside the person's choice."""
        return Suggestion(category=self.category, confidence=self.confidence)


def _classifier() -> Any:
    """The classifier's `suggest` (one place for the entry form's tests to put another)."""
    return suggest


def suggestion_for(holder_id: int, text: str) -> Shown | None:
    """The classifier's suggestion for `text`, when there is one of a category the holder
    still uses. A classifier that fails must not stop anyone from recording: it is logged
    and there is no suggestion."""
    classifier = _classifier()
    if classifier is None or len(text.strip()) < MIN_TEXT:
        return None
    try:
        found = classifier(holder_id, text)
    except Exception:  # a broken model must not block recording a signal
        logger.exception("The classifier failed to suggest a category")
        return None
    if found is None:
        return None
    category = found.category
    if not isinstance(category, Category):
        category = Category.objects.filter(pk=category).first()
    if category is None or category.holder_id != holder_id or not category.active:
        return None
    return Shown(
        category=category,
        confidence=float(found.confidence),
        main_only=bool(getattr(found, "main_only", category.parent_id is None)),
    )
