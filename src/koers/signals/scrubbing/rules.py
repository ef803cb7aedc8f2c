"""The rule-based scrubber: patterns for what has a shape (e-mail addresses, phone numbers,
BSN, postcodes, bank accounts, dates, street addresses, links) and for names where Dutch
marks them (a title or initials before a surname, "ik heet …"). It runs on every text, with
or without `deduce`, and alone where `deduce` is not installed: it misses a bare name
("Anna belde"), which is why `deduce` goes first where it fits the machine."""

from __future__ import annotations

import re

from koers.signals.scrubbing.places import is_protected
from koers.signals.scrubbing.spans import Span

_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    "|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_SURNAME_PREFIX = r"(?:(?:van|de|der|den|ter|ten|te|het|in 't|op de|'t|el|al|von|le|la|du)\s+)*"
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+"
_STREET_SUFFIX = (
    "straat|laan|weg|plein|dreef|gracht|kade|singel|hof|park|pad|dijk|steeg|baan|erf|kamp"
    "|veld|markt|wal|haven|pier|dam|zoom|ring|plantsoen|boulevard|allee|gaarde|hage|burg"
    "|tuin|wijk|vaart|tocht"
)

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)),
    ("link", re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)),
    ("iban", re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d{2,4}){3,5}\b")),
    # Dutch numbers: 06-12345678, 0320 123456, 020 - 123 45 67, +31 6 1234 5678, 0031 …
    (
        "telefoon",
        re.compile(r"(?<![\w+])(?:\+31|0031|0)(?:[\s.-]*\(0\))?(?:[\s.-]*\d){9}(?!\d)"),
    ),
    ("postcode", re.compile(r"\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\b")),
    (
        "datum",
        re.compile(
            r"\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})\b"
            r"|\b\d{4}-\d{2}-\d{2}\b"
            rf"|\b\d{{1,2}}\s+(?:{_MONTHS})\.?\s+\d{{4}}\b",
            re.IGNORECASE,
        ),
    ),
    (
        "adres",
        re.compile(
            rf"\b{_CAPITALISED}(?:[ -]{_CAPITALISED})*(?:{_STREET_SUFFIX})\s+\d{{1,5}}"
            r"(?:\s?[a-zA-Z]\b|[-/]\d{1,4})?"
            # "woont aan de Kempenaar 12", "op de Meent 3": a name and a house number
            rf"|(?<=\baan de )(?:{_CAPITALISED}\s)+\d{{1,5}}(?:[-/]\d{{1,4}}|\s?[a-z]\b)?"
            rf"|(?<=\bop de )(?:{_CAPITALISED}\s)+\d{{1,5}}(?:[-/]\d{{1,4}}|\s?[a-z]\b)?",
        ),
    ),
)

# A name where Dutch marks one: a title, or initials, before a surname; "ik heet …".
_TITLES = (
    r"(?i:mevrouw|mevr\.?|mw\.?|meneer|mijnheer|mnr\.?|dhr\.?|de heer|heer|dokter|dr\.?"
    r"|zuster|juf|meester|familie|fam\.?)"
)
_NAME_MARKED = re.compile(
    rf"\b{_TITLES}\s+(?:(?:[A-Z]\.\s?)+)?{_SURNAME_PREFIX}{_CAPITALISED}"
    rf"(?:\s+{_SURNAME_PREFIX}{_CAPITALISED}){{0,2}}"
    rf"|\b(?:[A-Z]\.\s?){{1,4}}{_SURNAME_PREFIX}{_CAPITALISED}"
    rf"|(?<=\b(?i:ik heet) ){_CAPITALISED}(?:\s+{_SURNAME_PREFIX}{_CAPITALISED}){{0,2}}"
    rf"|(?<=\b(?i:mijn naam is) ){_CAPITALISED}(?:\s+{_SURNAME_PREFIX}{_CAPITALISED}){{0,2}}"
)
_TITLE = re.compile(rf"^{_TITLES}\s+")

# A BSN: nine digits (or eight with a leading zero dropped), also written 1234.56.789,
# that pass the eleven test; after the word BSN any such number goes, test or not.
_NINE_DIGITS = re.compile(r"(?<![\d.-])\d{3,4}[ .]?\d{2}[ .]?\d{3}(?![\d-])")
_BSN_WORD = re.compile(
    r"\b(?:bsn|burgerservicenummer|sofinummer|sofi-nummer)\b[\s:.#-]*(?:nummer|nr\.?)?[\s:]*"
    r"(\d[\d .]{6,11}\d)",
    re.IGNORECASE,
)


def passes_eleven_test(digits: str) -> bool:
    """The BSN's check: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is a multiple of 11 (and not 0)."""
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or not digits.isdigit():
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    total = sum(int(d) * w for d, w in zip(digits, weights, strict=True))
    return total % 11 == 0 and total != 0


def find(text: str) -> list[Span]:
    """Every span of personal data the rules see in `text`."""
    spans: list[Span] = []
    for kind, pattern in PATTERNS:
        spans.extend(Span(m.start(), m.end(), kind) for m in pattern.finditer(text))
    for match in _BSN_WORD.finditer(text):
        spans.append(Span(match.start(1), match.end(1), "bsn"))
    for match in _NINE_DIGITS.finditer(text):
        if passes_eleven_test(re.sub(r"\D", "", match.group())):
            spans.append(Span(match.start(), match.end(), "bsn"))
    for match in _NAME_MARKED.finditer(text):
        name = _TITLE.sub("", match.group())
        # A title is a word of Dutch too: "de heer" before a place is no name.
        if name and name[0].isupper() and not is_protected(name):
            spans.append(Span(match.start(), match.end(), "naam"))
    return spans
