"""Read-side of reports: the content to show (as sent, or as it is today) and the
differences between what was sent and today's figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from koers.reports import charts
from koers.reports import content as contents
from koers.reports.content.figures import figures_of
from koers.reports.models import Report
from koers.reports.render import blocks as layout

FIELD_LABELS = {
    "target": _("target"),
    "agreed_target": _("agreed target"),
    "realised": _("realised"),
    "status": _("status"),
    "hours": _("hours"),
    "narrative": _("narrative"),
    "cost_planned": _("budgeted costs"),
    "cost_realised": _("costs realised"),
    "income_realised": _("income realised"),
}


@dataclass(frozen=True)
class Difference:
    label: str
    field: str
    sent: Any
    now: Any

    @property
    def field_label(self) -> str:
        return str(FIELD_LABELS.get(self.field, self.field))


def differences(sent: dict[str, Any], now: dict[str, Any]) -> list[Difference]:
    """Every figure that differs between the content as sent and as it is now, in the
    order of the report; figures that appeared or disappeared show against nothing."""
    before, after = figures_of(sent), figures_of(now)
    found = []
    for key in [*before, *(k for k in after if k not in before)]:
        old, new = before.get(key, {}), after.get(key, {})
        label = (new or old).get("label", key)
        for name in FIELD_LABELS:
            if old.get(name) != new.get(name) and (name in old or name in new):
                found.append(Difference(label, name, old.get(name), new.get(name)))
    return found


def page_blocks(content: dict[str, Any]) -> list[dict[str, Any]]:
    """The blocks for the page, each chart with its image (the same as in the documents)."""
    found = []
    for block in layout.blocks(content):
        if block["type"] == "heading" and block["level"] == 0:
            continue  # the page's own heading
        if block["type"] == "chart":
            block = {**block, "image": charts.data_uri(block["spec"])}
        found.append(block)
    return found


def current_content(report: Report, reference: dt.date | None = None) -> dict[str, Any]:
    """Today's content (counted to `reference` if given), as a snapshot stores it."""
    return contents.as_stored(contents.build(report, reference))


def content_since_sent(report: Report) -> dict[str, Any]:
    """Today's figures for the period the snapshot covered: a report sent before its period
    ended is compared at its own reference date, so later work does not show as a
    correction."""
    sent = report.snapshot.content
    return current_content(report, dt.date.fromisoformat(sent["reference"]))
