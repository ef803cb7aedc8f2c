"""A report's Word and PDF text writes dates and amounts the way its language does:
"18 maart 2021" and "€ 1.069.937,00" (with a no-break space) in Dutch, "18 March 2021" and
"€1,069,937.00" in English — never the ISO days the content keeps."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from django.utils import translation

from koers.reports import content as contents
from koers.reports import documents, services
from tests.funding.factories import GrantFactory
from tests.reports.conftest import docx_text, pdf_text

NBSP = "\u00a0"
ISO_DAY = re.compile(r"\b20\d\d-\d\d-\d\d\b")
NUMERIC_DAY = re.compile(r"\b\d{1,2}-\d{1,2}-20\d\d\b")


@pytest.fixture
def accountability(realised: Any) -> Any:
    """The accountability for a grant decided on 15 December 2020, with a paid advance and
    a done obligation; the evidence holds the realisations of 18 March and 26 August."""
    world = realised
    grant = GrantFactory(
        organisation=world.own,
        funder=world.province,
        amount_granted=Decimal("1069937"),
        decided_on=dt.date(2020, 12, 15),
        starts_on=dt.date(2021, 1, 1),
        ends_on=dt.date(2021, 12, 31),
    )
    grant.programmes.add(world.programme)
    grant.indicators.create(indicator=world.indicator, year=2021, agreed_target=Decimal(6))
    grant.advances.create(
        number=1,
        period_start=dt.date(2021, 1, 1),
        period_end=dt.date(2021, 3, 31),
        amount=Decimal("267484.25"),
        due_on=dt.date(2021, 1, 15),
        sent_on=dt.date(2021, 1, 10),
        paid_on=dt.date(2021, 2, 3),
    )
    grant.obligations.create(
        text="Tussentijds verslag", due_on=dt.date(2021, 7, 1), done_on=dt.date(2021, 6, 28)
    )
    return services.report_prepare(
        actor=world.users["directeur"],
        plan=world.plan,
        kind="accountability",
        year=2021,
        grant=grant,
    )


EXPECTED = {
    "nl": [
        "18 maart 2021",  # evidence
        "26 augustus 2021",
        "15 december 2020",  # the grant's decision
        "3 februari 2021",  # the advance paid
        "1 juli 2021",  # the obligation due, and done
        "28 juni 2021",
        f"€{NBSP}1.069.937,00",
        f"€{NBSP}267.484,25",
    ],
    "en": [
        "18 March 2021",
        "26 August 2021",
        "15 December 2020",
        "3 February 2021",
        "1 July 2021",
        "28 June 2021",
        "€1,069,937.00",
        "€267,484.25",
    ],
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_word_document_writes_dates_and_amounts_as_its_language(
    accountability: Any, language: str
) -> None:
    with translation.override(language):
        content = contents.build(accountability)
    text = docx_text(documents.render(content, "docx"))
    assert [shown for shown in EXPECTED[language] if shown not in text] == []
    assert ISO_DAY.findall(text) == [] and NUMERIC_DAY.findall(text) == []


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_pdf_writes_dates_and_amounts_as_its_language(
    accountability: Any, language: str
) -> None:
    with translation.override(language):
        content = contents.build(accountability)
    # PDF text extraction reads the no-break space back as a space; the Word test holds it.
    text = pdf_text(documents.render(content, "pdf")).replace(NBSP, " ")
    text = " ".join(text.split())
    expected = [" ".join(shown.replace(NBSP, " ").split()) for shown in EXPECTED[language]]
    assert [shown for shown in expected if shown not in text] == []
    assert ISO_DAY.findall(text) == [] and NUMERIC_DAY.findall(text) == []
