"""What a scrubber finds: spans of text with the kind of personal data they hold, and how
overlapping finds of two scrubbers become one replacement."""

from __future__ import annotations

from dataclasses import dataclass

# The kinds, as stored in a signal's `scrubbed` counts, and the placeholder that takes the
# place of each in the stored text. Stored values, so Dutch, like the other stored values.
PLACEHOLDERS = {
    "naam": "[naam]",
    "adres": "[adres]",
    "postcode": "[postcode]",
    "telefoon": "[telefoonnummer]",
    "email": "[e-mailadres]",
    "bsn": "[BSN]",
    "datum": "[datum]",
    "iban": "[rekeningnummer]",
    "link": "[link]",
    "nummer": "[nummer]",
}


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    kind: str


def merged(spans: list[Span]) -> list[Span]:
    """Overlapping spans as one, with the kind of the longest; in text order."""
    result: list[Span] = []
    for span in sorted(spans):
        if result and span.start < result[-1].end:
            last = result[-1]
            longest = last if last.end - last.start >= span.end - span.start else span
            result[-1] = Span(last.start, max(last.end, span.end), longest.kind)
        else:
            result.append(span)
    return result


def replaced(text: str, spans: list[Span]) -> tuple[str, dict[str, int]]:
    """`text` with every span replaced by its placeholder, and the count per kind."""
    counts: dict[str, int] = {}
    pieces: list[str] = []
    position = 0
    for span in merged(spans):
        pieces.append(text[position : span.start])
        pieces.append(PLACEHOLDERS[span.kind])
        counts[span.kind] = counts.get(span.kind, 0) + 1
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces), counts
