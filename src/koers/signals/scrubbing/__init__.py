"""Scrubbing free text of personal data before it is saved: names, addresses, postcodes,
phone numbers, e-mail addresses, BSN, dates (of birth), bank accounts and links become
placeholders ("[naam]"), and only the scrubbed text is stored and shown.

Two scrubbers find spans, and every span either finds is replaced: `deduce` (where the
setting `SIGNALS_SCRUBBER` is "deduce", the default, and the package is installed) and our
own rules, which always run. Place names and laws are kept (`places`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings

from koers.signals.scrubbing import rules
from koers.signals.scrubbing.spans import PLACEHOLDERS, replaced

__all__ = ["PLACEHOLDERS", "Scrubbed", "backend", "scrub", "warm_up"]


@dataclass(frozen=True)
class Scrubbed:
    text: str
    removed: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.removed)


def backend() -> str:
    """ "deduce" or "rules": what scrubs here."""
    from koers.signals.scrubbing import deidentify

    wanted = getattr(settings, "SIGNALS_SCRUBBER", "deduce")
    return "deduce" if wanted == "deduce" and deidentify.available() else "rules"


def scrub(text: str) -> Scrubbed:
    """`text` with its personal data replaced; the same text back when none was found."""
    if not text.strip():
        return Scrubbed(text)
    spans = rules.find(text)
    if backend() == "deduce":
        from koers.signals.scrubbing import deidentify

        spans += deidentify.find(text)
    cleaned, counts = replaced(text, spans)
    return Scrubbed(cleaned, counts)


def warm_up() -> None:
    """Load the scrubber now rather than on the first signal (see `deidentify`)."""
    if backend() == "deduce":
        from koers.signals.scrubbing import deidentify

        deidentify.engine()
