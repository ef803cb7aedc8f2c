"""Quote documents: a Word template with placeholders, filled in from an opportunity.

The template is the organisation's own (`QuoteTemplate`: its letterhead, its terms) or,
without one, the standard template built here, which can be downloaded as the starting
point for an own one. Placeholders are written in braces, `{offertenummer}`, anywhere in
the body, in tables, headers and footers. Word often splits typed text into several runs
(spell checking, a change of style halfway), so a paragraph whose text holds a placeholder
is rewritten as one run with the style of its first run.

Only the names in `PLACEHOLDERS` are filled in; anything else in braces is left as typed,
and a template is checked on upload for names Koers does not know.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import IO, Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from koers.core.archives import PARSED, check_archive
from koers.core.money import euro
from koers.core.numbers import grouped
from koers.core.office_xml import check_word_document
from koers.core.reference import default_reference
from koers.core.text import xml_safe
from koers.relations.models import Opportunity, QuoteTemplate

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

PLACEHOLDERS = {
    "organisatie": gettext_lazy("our organisation's name"),
    "klant": gettext_lazy("the client's name"),
    "klant_adres": gettext_lazy("the client's address"),
    "contactpersoon": gettext_lazy("the contact person at the client"),
    "offertenummer": gettext_lazy("the quote number"),
    "datum": gettext_lazy("the date the quote is sent"),
    "geldig_tot": gettext_lazy("the date until which the quote is valid"),
    "onderwerp": gettext_lazy("the subject"),
    "omschrijving": gettext_lazy("what we offer (its line breaks kept)"),
    "programma": gettext_lazy("the programme the work serves"),
    "periode": gettext_lazy("the period of the work"),
    "uren": gettext_lazy("the hours"),
    "bedrag": gettext_lazy("the amount excluding VAT"),
    "btw_tarief": gettext_lazy("the VAT rate"),
    "btw": gettext_lazy("the VAT amount"),
    "totaal": gettext_lazy("the amount including VAT"),
    "opgesteld_door": gettext_lazy("the owner of the opportunity"),
}


def _day(day: dt.date | None) -> str:
    return date_format(day) if day else "—"


def values_for(
    opportunity: Any, *, number: str, quoted_on: dt.date, valid_until: dt.date
) -> dict[str, str]:
    """What each placeholder becomes for `opportunity`, sent on `quoted_on` as `number`
    (empty for a preview: it says so)."""
    amount = opportunity.amount or Decimal("0")
    vat = (amount * opportunity.vat_rate / 100).quantize(Decimal("0.01"))
    period = "—"
    if opportunity.starts_on:
        period = _day(opportunity.starts_on)
        if opportunity.ends_on:
            period = _("%(start)s to %(end)s") % {
                "start": period,
                "end": _day(opportunity.ends_on),
            }
    hours = opportunity.hours
    return {
        "organisatie": opportunity.holder.name,
        "klant": opportunity.organisation.name,
        "klant_adres": opportunity.organisation.address,
        "contactpersoon": str(opportunity.contact) if opportunity.contact else "",
        "offertenummer": number or _("(concept)"),
        "datum": _day(quoted_on),
        "geldig_tot": _day(valid_until),
        "onderwerp": opportunity.title,
        "omschrijving": opportunity.description,
        "programma": opportunity.programme.name if opportunity.programme else "",
        "periode": period,
        "uren": grouped(hours, 2) if hours is not None else "—",
        "bedrag": euro(amount),
        "btw_tarief": f"{opportunity.vat_rate}%",
        "btw": euro(vat),
        "totaal": euro(amount + vat),
        "opgesteld_door": opportunity.owner.get_full_name() or opportunity.owner.username,
    }


def standard_template() -> bytes:
    """The standard quote template: a plain letter with the quote's figures in a table."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    style: Any = document.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    document.add_paragraph("{organisatie}")
    document.add_paragraph("{klant}\n{klant_adres}\n{contactpersoon}")
    document.add_heading(_("Quote {offertenummer}"), level=1)
    meta = document.add_table(rows=0, cols=2)
    for label, value in (
        (_("Date"), "{datum}"),
        (_("Valid until"), "{geldig_tot}"),
        (_("Subject"), "{onderwerp}"),
        (_("Programme"), "{programma}"),
        (_("Period"), "{periode}"),
    ):
        cells = meta.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_heading(_("What we offer"), level=2)
    document.add_paragraph("{omschrijving}")
    document.add_heading(_("Price"), level=2)
    price = document.add_table(rows=0, cols=2)
    price.style = "Table Grid"
    for label, value in (
        (_("Hours"), "{uren}"),
        (_("Amount excluding VAT"), "{bedrag}"),
        (_("VAT ({btw_tarief})"), "{btw}"),
        (_("Total"), "{totaal}"),
    ):
        cells = price.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_paragraph(
        _(
            "This quote is valid until {geldig_tot}. We invoice the amount after the work "
            "is delivered, unless agreed otherwise."
        )
    )
    document.add_paragraph(_("Kind regards,\n{opgesteld_door}\n{organisatie}"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _paragraphs(document: Any) -> Iterator[Any]:
    def of(container: Any) -> Iterator[Any]:
        yield from container.paragraphs
        for table in container.tables:
            for row in table.rows:
                for cell in row.cells:
                    yield from of(cell)

    yield from of(document)
    for section in document.sections:
        for part in (section.header, section.footer):
            if not part.is_linked_to_previous:
                yield from of(part)


def _open(template: IO[bytes]) -> Any:
    """python-docx's document of `template`, which is parsed whole: only once it passed the
    checks of a parsed upload (what it unpacks to, and how many XML elements it holds), so
    that a template stored before those checks cannot stall a worker either."""
    from docx import Document

    check_archive(template, PARSED)
    check_word_document(template)
    return Document(template)


def unknown_placeholders(template: IO[bytes]) -> list[str]:
    """Names in braces in `template` that Koers does not fill in, for the upload check;
    a ValidationError for the user when the template is too large to parse."""
    found = set()
    for paragraph in _paragraphs(_open(template)):
        found.update(PLACEHOLDER.findall(paragraph.text))
    return sorted(found - set(PLACEHOLDERS))


def fill(template: IO[bytes], values: dict[str, str]) -> bytes:
    """The template with every known placeholder replaced; line breaks in a value become
    line breaks in Word."""
    document = _open(template)
    for paragraph in _paragraphs(document):
        text = paragraph.text
        if not any(name in values for name in PLACEHOLDER.findall(text)):
            continue
        filled = xml_safe(PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text))
        runs = paragraph.runs
        for run in runs[1:]:
            run._element.getparent().remove(run._element)
        first = runs[0] if runs else paragraph.add_run()
        first.text = ""
        for number, line in enumerate(filled.split("\n")):
            if number:
                first.add_break()
            first.add_text(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


VALIDITY_DAYS = 30


def template_for(holder_id: int) -> io.BytesIO:
    """The organisation's own quote template, or the standard one."""
    own = QuoteTemplate.objects.filter(holder_id=holder_id).first()
    if own is not None:
        with own.document.open("rb") as handle:
            return io.BytesIO(handle.read())
    return io.BytesIO(standard_template())


def quote_document(
    opportunity: Opportunity,
    *,
    number: str = "",
    on: dt.date | None = None,
    valid_until: dt.date | None = None,
) -> bytes:
    """The quote as a Word document with the opportunity's figures: as it would be sent
    `on` (today by default), for a preview, or for sending."""
    day = on or default_reference()
    values = values_for(
        opportunity,
        number=number,
        quoted_on=day,
        valid_until=valid_until or day + dt.timedelta(days=VALIDITY_DAYS),
    )
    return fill(template_for(opportunity.holder_id), values)
