"""What the reports' layout supplies to other apps' pages (koers.core.page_parts): on the
annual plan's page, each line's summary table — the same blocks as in the annual plan's
Word and PDF documents, rendered by the same template."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from koers.core.periods import Year
from koers.reports.content.common import programme_sections
from koers.reports.render.summary import summaries

ANNUAL_PLAN_ACTIVITIES = "plans.annual_plan.activities"


def annual_plan_lines(
    request: HttpRequest | None, *, annual_plan: Any, programmes: Any
) -> SafeString:
    """Per programme the page shows (those the viewer may see), each line's summary: its
    activities with the year's targets of their output and outcome."""
    year = Year(annual_plan.year)
    sections = programme_sections(list(programmes), year, year.start, with_progress=False)
    return mark_safe(
        render_to_string(
            "reports/annual_plan_lines.html",
            {"blocks": summaries(sections, level=2), "year": annual_plan.year},
            request=request,
        )
    )
