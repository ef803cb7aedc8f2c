"""Scrubbing free text of personal data: what must go goes, what must stay stays.

The sentences are of the kind a client supporter types after a conversation. Each case is
run through the scrubber as installed (deduce with our rules, loaded once per process) and
through the rules alone (the fallback where deduce is not used)."""

from __future__ import annotations

import pytest
from django.test import override_settings

from koers.signals.scrubbing import backend, scrub
from koers.signals.scrubbing.rules import passes_eleven_test

# (text, what must not be in the result, what must stay)
SENTENCES = [
    (
        "Mevrouw Jansen belde op 06-12345678 over de Wlz-indicatie van haar moeder.",
        ["Jansen", "12345678"],
        ["Wlz-indicatie", "moeder"],
    ),
    (
        "Dhr. P. de Vries (p.devries@example.nl) wacht al maanden op wijkverpleging in Dronten.",
        ["Vries", "p.devries@example.nl"],
        ["wijkverpleging", "Dronten"],
    ),
    (
        "Haar BSN is 111222333 en ze is geboren op 12-03-1941.",
        ["111222333", "12-03-1941"],
        ["BSN"],
    ),
    (
        "Cliënt woont aan de Stationsstraat 12, 8232 AB Lelystad, en voelt zich eenzaam.",
        ["Stationsstraat 12", "8232 AB"],
        ["eenzaam"],
    ),
    (
        "Bel haar terug op 0320 - 123 456 of +31 6 1234 5678, ze heeft een vraag over de Wmo.",
        ["123 456", "1234 5678"],
        ["Wmo"],
    ),
    (
        "Wlz in Almere: de wachtlijst voor het verpleeghuis in Emmeloord is te lang.",
        [],
        ["Wlz in Almere", "Emmeloord", "wachtlijst"],
    ),
    (
        "Ik heet Fatima El Amrani en mijn zoon krijgt geen plek bij de jeugdzorg in Urk.",
        ["Fatima", "Amrani"],
        ["jeugdzorg", "Urk"],
    ),
    (
        "Mantelzorger (geboren 3 april 1958) uit Zeewolde is overbelast, IBAN NL91ABNA0417164300.",
        ["3 april 1958", "NL91ABNA0417164300"],
        ["Mantelzorger", "Zeewolde", "overbelast"],
    ),
]


def _run_all() -> None:
    for text, gone, kept in SENTENCES:
        result = scrub(text).text
        for fragment in gone:
            assert fragment not in result, (text, result)
        for fragment in kept:
            assert fragment in result, (text, result)


def test_the_installed_scrubber_takes_out_what_must_go_and_keeps_places_and_laws() -> None:
    assert backend() == "deduce"
    _run_all()


@override_settings(SIGNALS_SCRUBBER="rules")
def test_the_rules_alone_take_out_what_has_a_shape_or_a_title() -> None:
    assert backend() == "rules"
    _run_all()


def test_a_bare_first_name_goes_where_deduce_scrubs() -> None:
    result = scrub("Anna de Jong vertelde dat de thuiszorg niet kwam.")
    assert "Anna" not in result.text
    assert "Jong" not in result.text
    assert "thuiszorg" in result.text
    assert result.removed == {"naam": 1}


def test_it_counts_what_it_took_out_by_kind() -> None:
    result = scrub("Mevrouw Bakker, 06-12345678, bakker@example.nl")
    assert result.removed == {"naam": 1, "telefoon": 1, "email": 1}
    assert result.text == "[naam], [telefoonnummer], [e-mailadres]"


def test_a_text_without_personal_data_comes_back_unchanged() -> None:
    text = "Veel ouderen in Lelystad weten niet waar ze met vragen over de Wmo terecht kunnen."
    result = scrub(text)
    assert result.text == text
    assert not result.changed


@pytest.mark.parametrize(
    ("digits", "valid"),
    [("111222333", True), ("123456782", True), ("123456789", False), ("000000000", False)],
)
def test_the_eleven_test_of_a_bsn(digits: str, valid: bool) -> None:
    assert passes_eleven_test(digits) is valid


@override_settings(SIGNALS_SCRUBBER="rules")
def test_the_rules_keep_a_number_that_fails_the_eleven_test_unless_called_a_bsn() -> None:
    assert "123456789" in scrub("Dossiernummer 123456789 bij de gemeente.").text
    assert "123456789" not in scrub("BSN: 123456789").text


def test_deduce_takes_out_a_file_number_the_rules_would_keep() -> None:
    assert "123456789" not in scrub("Dossiernummer 123456789 bij de gemeente.").text
