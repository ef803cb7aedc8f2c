"""The `deduce` backend: the Dutch de-identifier (UMC Utrecht, LGPL-3.0) finds names,
addresses, dates, phone numbers, e-mail addresses and BSN in free text with its lookup
lists and patterns.

It is heavy to start: its lookup structures are built once per installation (about two
minutes; `make install` does it, see `prepare`) and loaded once per process (about ten
seconds, about 1 GB). So the process loads it once, on first use or at start
(`warm_up`, which `koers serve` runs before it forks its workers, so they share it), and
never per request or per test."""

from __future__ import annotations

import logging
import threading
from typing import Any

from koers.signals.scrubbing.places import is_protected
from koers.signals.scrubbing.spans import Span

logger = logging.getLogger(__name__)

# deduce's tags and the kinds we store; a tag not named here (institutions, hospitals,
# ages) stays in the text: they are what a signal is about, not who it is from.
KINDS = {
    "persoon": "naam",
    "patient": "naam",
    "naam": "naam",
    "voornaam": "naam",
    "achternaam": "naam",
    "initiaal": "naam",
    "locatie": "adres",
    "telefoonnummer": "telefoon",
    "emailadres": "email",
    "bsn": "bsn",
    "datum": "datum",
    "url": "link",
    "id": "nummer",
    "patientnummer": "nummer",
}

_engine: Any = None
_lock = threading.Lock()


def available() -> bool:
    try:
        import deduce  # noqa: F401
    except ImportError:
        return False
    return True


def engine() -> Any:
    """The process's one `Deduce`, loaded on first use."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                from deduce import Deduce

                _engine = Deduce()
    return _engine


def find(text: str) -> list[Span]:
    document = engine().deidentify(text)
    spans = []
    for annotation in document.annotations:
        kind = KINDS.get(annotation.tag.split("_")[0].lower())
        if kind is None:
            continue
        # A place is what a signal is about ("Wlz in Almere"); an address with a street,
        # a number or a postcode is not a place, and goes.
        if kind == "adres" and is_protected(annotation.text):
            continue
        if kind == "naam" and is_protected(annotation.text):
            continue
        spans.append(Span(annotation.start_char, annotation.end_char, kind))
    return spans
