"""The invoice for an advance as a PDF: a small HTML page made into a tagged PDF by the one
PDF writer (`koers.core.pdf`), in fonts that print every character of a funder's or an
organisation's name."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from koers.core.money import euro
from koers.core.pdf import html_to_pdf
from koers.funding.models import Advance

STYLESHEET = """
@page { size: A4; margin: 20mm; }
body { font-size: 10pt; line-height: 12pt; }
h1 { font-size: 18pt; line-height: 22pt; text-align: center; margin: 0 0 12pt; }
h2 { font-size: 14pt; line-height: 18pt; margin: 12pt 0 6pt; }
table { border-collapse: collapse; width: 165mm; margin-bottom: 8mm; }
th, td { padding: 3pt 6pt 3pt 0; text-align: left; vertical-align: top; }
table.facts th { width: 45mm; font-weight: normal; }
table.lines thead th, table.lines tfoot th, table.lines tfoot td { font-weight: bold; }
table.lines thead tr { border-bottom: 0.5pt solid black; }
table.lines tfoot tr { border-top: 0.5pt solid black; }
.num { text-align: right; width: 45mm; }
"""


def invoice_pdf(advance: Advance) -> bytes:
    grant = advance.grant
    period = f"{date_format(advance.period_start)} – {date_format(advance.period_end)}"
    html = render_to_string(
        "funding/invoice_pdf.html",
        {
            "language": get_language() or "nl",
            "title": _("Invoice %(number)s") % {"number": advance.invoice_number},
            "organisation": grant.organisation.name,
            "facts": [
                (_("Invoice number"), advance.invoice_number),
                (_("Invoice date"), date_format(advance.sent_on or advance.due_on)),
                (_("To"), grant.funder.name),
                (_("Grant"), grant.title),
                (_("Decision's reference"), grant.reference or "—"),
                (_("Period"), period),
            ],
            "line": _("Advance %(number)s on the grant (%(reference)s)")
            % {"number": advance.number, "reference": grant.reference or grant.title},
            "amount": euro(advance.amount),
        },
    )
    return html_to_pdf(html, STYLESHEET)
