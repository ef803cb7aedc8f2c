"""The invoice for an advance as a PDF (reportlab: a well-kept, pure-Python PDF library
that needs no system fonts or browsers; the built-in Helvetica covers Dutch and €)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from koers.core.money import euro
from koers.funding.models import Advance


def invoice_pdf(advance: Advance) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    grant = advance.grant
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=_("Invoice %(number)s") % {"number": advance.invoice_number},
        author=str(grant.organisation),
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
    )
    facts = [
        [_("Invoice number"), advance.invoice_number],
        [_("Invoice date"), date_format(advance.sent_on or advance.due_on)],
        [_("To"), grant.funder.name],
        [_("Grant"), grant.title],
        [_("Decision's reference"), grant.reference or "—"],
        [
            _("Period"),
            f"{date_format(advance.period_start)} – {date_format(advance.period_end)}",
        ],
    ]
    lines = [
        [_("Description"), _("Amount")],
        [
            _("Advance %(number)s on the grant (%(reference)s)")
            % {"number": advance.number, "reference": grant.reference or grant.title},
            euro(advance.amount),
        ],
        [_("Total"), euro(advance.amount)],
    ]
    line_table = Table(lines, colWidths=[120 * mm, 45 * mm])
    line_table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
                ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.black),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ]
        )
    )
    story = [
        # Paragraph text is markup: names are escaped so "<" or "&" print as written.
        Paragraph(escape(grant.organisation.name), styles["Title"]),
        Paragraph(_("Invoice"), styles["Heading2"]),
        Table(facts, colWidths=[45 * mm, 120 * mm]),
        Spacer(1, 8 * mm),
        line_table,
        Spacer(1, 8 * mm),
        Paragraph(
            escape(_("Amounts exclude VAT. Please state the invoice number with your payment.")),
            styles["Normal"],
        ),
    ]
    document.build(story)
    return buffer.getvalue()
