"""A report's content as an Excel workbook for controllers: one row per indicator per
period, every figure a number in its own cell, and the disaggregation by municipality in
columns of its own (not crammed into one cell, the most common complaint about peer
tools). Further sheets: activities (narrative, risks, hours), the budget, and per kind the
evidence, the advances, the questions and the changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from koers.core.spreadsheets import workbook_bytes
from koers.reports.content.common import NO_MUNICIPALITY


def _n(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _activities(sections: list[dict[str, Any]]) -> Iterator[tuple[dict, dict, dict]]:
    for section in sections:
        for line in section["lines"]:
            for activity in line["activities"]:
                yield section, line, activity


def _indicators(sections: list[dict[str, Any]]) -> Iterator[tuple[dict, dict, dict, dict]]:
    for section, line, activity in _activities(sections):
        for item in activity["outputs"] + activity["outcomes"]:
            yield section, line, activity, item


def _periods(content: dict[str, Any]) -> list[tuple[str, list[dict], dict | None]]:
    """(label, sections, values per indicator or None to take the sections' own)."""
    if content["kind"] == "evaluation":
        return [(str(y["year"]), y["programmes"], None) for y in content["years"]]
    periods = content.get("periods")
    if periods:
        return [(p["label"], content["programmes"], p["values"]) for p in periods]
    return [(str(content["year"]), content["programmes"], None)]


def _places(content: dict[str, Any]) -> list[str]:
    found: set[str] = set()
    for _label, sections, values in _periods(content):
        for *_parts, item in _indicators(sections):
            found.update(item["by_municipality"])
        for value in (values or {}).values():
            found.update(value["by_municipality"])
    named = sorted(found - {NO_MUNICIPALITY})
    return named + ([NO_MUNICIPALITY] if NO_MUNICIPALITY in found else [])


def indicator_rows(content: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    places = _places(content)
    header = [
        _("Programme"),
        _("Line"),
        _("Activity code"),
        _("Activity"),
        _("Indicator"),
        _("Kind"),
        _("Unit"),
        _("Period"),
        _("Target"),
        _("Agreed target"),
        _("Realised to the end of the period"),
        _("Realised in the period"),
        _("Expected by then"),
        _("Status"),
        _("Status set by the coordinator"),
        _("Reason"),
    ] + [
        _("Realised: %(place)s")
        % {"place": place if place != NO_MUNICIPALITY else _("no municipality")}
        for place in places
    ]
    rows = []
    before: dict[int, Decimal] = {}  # realised to the end of the previous period
    periods = _periods(content)
    for number, (label, sections, values) in enumerate(periods):
        # The coordinator's override is for the report's own quarter (or a year's last), so
        # it stands on that period's row only.
        own_period = values is None or number == len(periods) - 1
        for section, line, activity, item in _indicators(sections):
            value = (values or {}).get(str(item["id"])) or item
            realised = _n(value["realised"])
            in_period = None
            if item["aggregation"] == "sum" and realised is not None:
                in_period = realised - before.get(item["id"], Decimal(0))
            if realised is not None:
                before[item["id"]] = realised
            rows.append(
                [
                    section["name"],
                    line["title"],
                    activity["code"],
                    activity["title"],
                    item["title"],
                    item["kind_label"],
                    item["unit_label"],
                    label,
                    _n(item["target"]),
                    _n(item["agreed_target"]),
                    realised,
                    in_period,
                    _n(value["expected"]),
                    value["status_label"],
                    item["override_label"] if own_period else "",
                    item["override_reason"] if own_period else "",
                ]
                + [_n(value["by_municipality"].get(place)) for place in places]
            )
    return header, rows


def render(content: dict[str, Any]) -> bytes:
    sheets: list[tuple[str, list[str], list[list[Any]]]] = []
    header, rows = indicator_rows(content)
    sheets.append((_("Indicators"), header, rows))
    sections = content["programmes"]
    sheets.append(
        (
            _("Activities"),
            [
                _("Programme"),
                _("Activity code"),
                _("Activity"),
                _("Status"),
                _("Go/no-go"),
                _("Hours"),
                _("Hours budget"),
                _("Progress"),
                _("Risks"),
            ],
            [
                [
                    s["name"],
                    a["code"],
                    a["title"],
                    a["status"],
                    a["decision"],
                    _n(a["hours"]),
                    _n(a["hours_budget"]),
                    a["narrative"],
                    a["risks"],
                ]
                for s, _line, a in _activities(sections)
            ],
        )
    )
    budget_rows = []
    for section in sections:
        money = section.get("budget")
        if not money:
            continue
        for row in money["cost_rows"]:
            budget_rows.append(
                [section["name"], _("Costs"), row["label"], _n(row["planned"]), _n(row["realised"])]
            )
        for row in money["income_rows"]:
            budget_rows.append(
                [
                    section["name"],
                    _("Income"),
                    row["label"],
                    _n(row["planned"]),
                    _n(row["realised"]),
                ]
            )
    sheets.append(
        (
            _("Budget"),
            [_("Programme"), _("Income or costs"), _("Item"), _("Budget"), _("Realised")],
            budget_rows,
        )
    )
    if content["kind"] == "accountability":
        grant = content["grant"]
        sheets.append(
            (
                _("Evidence"),
                [
                    _("Programme"),
                    _("Indicator"),
                    _("Date"),
                    _("Value"),
                    _("Municipality"),
                    _("What"),
                    _("Source"),
                    _("Example data"),
                ],
                [
                    [
                        s["name"],
                        f"{a['code']} {i['title']}",
                        _d(e["date"]),
                        _n(e["value"]),
                        e["municipality"],
                        e["note"],
                        e["source"],
                        _("yes") if e["example"] else "",
                    ]
                    for s, _line, a, i in _indicators(sections)
                    for e in i["evidence"]
                ],
            )
        )
        sheets.append(
            (
                _("Advances"),
                [_("Advance"), _("Period"), _("Amount"), _("Invoice"), _("Sent on"), _("Paid on")],
                [
                    [
                        a["number"],
                        a["period"],
                        _n(a["amount"]),
                        a["invoice"],
                        _d(a["sent_on"]),
                        _d(a["paid_on"]),
                    ]
                    for a in grant["advances"]
                ],
            )
        )
    if content["kind"] == "evaluation":
        sheets.append(
            (
                _("Questions"),
                [_("Question or criterion"), _("Our answer")],
                [[q["question"], q["answer"]] for q in content["questions"]],
            )
        )
        sheets.append(
            (
                _("Changes"),
                [
                    _("Year"),
                    _("Activity"),
                    _("What"),
                    _("Was"),
                    _("Became"),
                    _("Reason"),
                    _("Decision"),
                    _("Decided on"),
                ],
                [
                    [
                        c["year"],
                        c["activity"],
                        c["what"],
                        c["old"],
                        c["new"],
                        c["reason"],
                        c["decision"],
                        _d(c["decided_on"]),
                    ]
                    for c in content["changes"]
                ],
            )
        )
    if content.get("context"):  # older snapshots have none
        sheets.append(
            (
                _("Context factors"),
                [
                    _("Goal"),
                    _("Figure"),
                    _("Unit"),
                    _("Period"),
                    _("Provisional"),
                    "Flevoland",
                    _("The Netherlands"),
                    _("Source"),
                    _("Notes"),
                ],
                [
                    [
                        goal["goal"],
                        row["figure"],
                        row["unit"],
                        row["period"],
                        _("yes") if row["provisional"] else "",
                        _n(row.get("value")) if row.get("value") else row["flevoland"],
                        row["country"],
                        row["source"],
                        " | ".join(row["notes"]),
                    ]
                    for goal in content["context"]
                    for row in goal["figures"]
                ],
            )
        )
    return workbook_bytes(sheets)
