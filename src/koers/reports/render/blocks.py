"""A report's content as a sequence of blocks — headings, text, facts, tables, charts —
that the page, Word and PDF each render in their own way (`html`, `docx`, `pdf`). One
layout for all three, so what the director reads on the page is what the province files.

A block is a dict with a `type`: heading (level, text), text (text, style), facts
(items: label/value pairs), table (header, rows, numeric: column indexes, caption; and
optionally caption_hidden: the caption only for assistive technology and Word's alternative
text, widths: the columns' shares in percent, row_header: the first cell heads its row),
chart (spec: see charts.py) or pagebreak.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _

from koers.reports import charts
from koers.reports.render.elements import (
    Block,
    day,
    euro,
    facts,
    figure,
    heading,
    number,
    table,
    text,
)
from koers.reports.render.summary import line_heading, line_summary

# --- the parts -----------------------------------------------------------------------------


def _status(item: dict[str, Any]) -> str:
    if item["override"]:
        return _("%(shown)s (computed: %(computed)s)") % {
            "shown": item["override_label"],
            "computed": item["status_label"],
        }
    return item["status_label"]


def _indicator_table(activity: dict[str, Any], *, progress: bool, agreed: bool) -> Block | None:
    items = activity["outputs"] + activity["outcomes"]
    if not items:
        return None
    header = [_("Indicator"), _("Kind"), _("Target")]
    if agreed:
        header.append(_("Agreed"))
    if progress:
        header += [_("Realised"), _("Expected by now"), _("Status")]
    rows = []
    for item in items:
        row = [item["title"], item["kind_label"], figure(item["target"], item["unit"])]
        if agreed:
            row.append(figure(item["agreed_target"], item["unit"]))
        if progress:
            row += [
                figure(item["realised"], item["unit"]),
                figure(item["expected"], item["unit"]),
                _status(item),
            ]
        rows.append(row)
    numeric = list(range(2, len(header) - 1)) if progress else [2]
    return table(header, rows, numeric)


def _overrides(activity: dict[str, Any]) -> Iterator[Block]:
    for item in activity["outputs"] + activity["outcomes"]:
        if item["override"]:
            yield text(
                _("Status of “%(indicator)s” set to %(status)s: %(reason)s")
                % {
                    "indicator": item["title"],
                    "status": item["override_label"].lower(),
                    "reason": item["override_reason"],
                },
                "note",
            )


def _evidence(activity: dict[str, Any]) -> Iterator[Block]:
    for item in activity["outputs"] + activity["outcomes"]:
        rows = [
            [
                day(e["date"]),
                number(e["value"]) if e["value"] is not None else "",
                e["municipality"],
                e["note"] + (f" ({_('example data')})" if e["example"] else ""),
                e["source"],
            ]
            for e in item["evidence"]
        ]
        caption = _("Evidence for “%(indicator)s”") % {"indicator": item["title"]}
        if rows:
            yield table(
                [_("Date"), _("Value"), _("Municipality"), _("What"), _("Source")],
                rows,
                [1],
                caption,
            )
        else:
            yield text(caption + ": " + _("nothing recorded."), "note")


def _activity(activity: dict[str, Any], kind: str) -> Iterator[Block]:
    # On the page the heading links to the activity, where a funder can ask about it.
    yield {**heading(3, f"{activity['code']} {activity['title']}"), "activity": activity["id"]}
    progress = kind != "annual_plan"
    if kind == "annual_plan":
        yield facts([(_("Role"), activity["role"]), (_("Phase"), activity["phase"])])
        if activity["description"]:
            yield text(activity["description"])
        if activity["outcome"]:
            yield text(_("Intended outcome: %(outcome)s") % {"outcome": activity["outcome"]})
    else:
        hours = activity["hours"]
        budget = activity["hours_budget"]
        yield facts(
            [
                (_("Status"), activity["status"]),
                (_("Go/no-go"), activity["decision"]),
                (
                    _("Hours"),
                    _("%(hours)s of %(budget)s budgeted")
                    % {"hours": number(hours), "budget": number(budget)}
                    if budget
                    else number(hours),
                ),
            ]
        )
    found = _indicator_table(activity, progress=progress, agreed=kind == "accountability")
    if found:
        yield found
    yield from _overrides(activity)
    if activity.get("narrative"):
        yield text(_("Progress"), "label")
        yield text(activity["narrative"])
    if activity.get("risks"):
        yield text(_("Risks"), "label")
        yield text(activity["risks"])
    if kind == "accountability":
        yield from _evidence(activity)


def _budget(section: dict[str, Any], *, realised: bool) -> Iterator[Block]:
    money = section.get("budget")
    if not money:
        return
    yield heading(3, _("Budget"))
    header = [_("Costs"), _("Budget")] + ([_("Spent to date")] if realised else [])
    rows = [
        [row["label"], euro(row["planned"])] + ([euro(row["realised"])] if realised else [])
        for row in money["cost_rows"]
    ]
    rows.append(
        [_("Total costs"), euro(money["cost_planned"])]
        + ([euro(money["cost_realised"])] if realised else [])
    )
    for row in money["income_rows"]:
        rows.append(
            [_("Income: %(funder)s") % {"funder": row["label"]}, euro(row["planned"])]
            + ([euro(row["realised"])] if realised else [])
        )
    yield table(header, rows, [1, 2] if realised else [1])
    if money["example"]:
        yield text(_("The budget's split over the programmes is example data."), "note")


def _programme(section: dict[str, Any], kind: str) -> Iterator[Block]:
    yield heading(1, section["name"])
    yield facts(
        [
            (_("Strategic goal"), section["strategic_goal"]),
            (_("Staff (FTE)"), number(section["fte"]) if section["fte"] else ""),
            (_("Our roles"), ", ".join(section["roles"])),
        ]
    )
    if kind == "annual_plan" and section["introduction"]:
        yield text(section["introduction"])
    if kind != "annual_plan":
        counts = section["counts"]
        if counts:
            from koers.plans.progress import Status

            yield text(
                " · ".join(
                    f"{Status(key).label}: {counts[key]}"
                    for key in Status.values
                    if counts.get(key)
                ),
                "lead",
            )
        for spec in charts.charts_of(section):
            yield {"type": "chart", "spec": spec}
    for line in section["lines"]:
        yield from line_heading(line, section, 2)
        if kind == "annual_plan":
            yield from line_summary(line, section["name"])
        for activity in line["activities"]:
            yield from _activity(activity, kind)
    yield from _budget(section, realised=kind != "annual_plan")


def _grant(content: dict[str, Any]) -> Iterator[Block]:
    grant = content["grant"]
    yield heading(1, _("The grant"))
    yield facts(
        [
            (_("Grant"), grant["title"]),
            (_("Funder"), grant["funder"]),
            (
                _("Decision"),
                " ".join(filter(None, [grant["reference"], day(grant["decided_on"])])),
            ),
            (_("Period"), grant["period"]),
            (_("Amount granted"), euro(grant["granted"])),
        ]
    )


def _financial_statement(content: dict[str, Any]) -> Iterator[Block]:
    grant = content["grant"]
    yield heading(1, _("Financial statement"))
    yield table(
        [_("Advance"), _("Period"), _("Amount"), _("Invoice"), _("Paid on")],
        [
            [str(a["number"]), a["period"], euro(a["amount"]), a["invoice"], day(a["paid_on"], "—")]
            for a in grant["advances"]
        ],
        [2],
        _("Advances"),
    )
    yield table(
        [_("Item"), _("Amount")],
        [
            [_("Amount granted"), euro(grant["granted"])],
            [_("Advances paid"), euro(grant["paid"])],
            [_("Costs realised for this funder"), euro(grant["costs"])],
            [_("Granted minus costs"), euro(grant["balance"])],
        ],
        [1],
    )
    if grant["obligations"]:
        yield table(
            [_("Obligation"), _("Due"), _("Done on")],
            [[o["text"], day(o["due_on"]), day(o["done_on"], "—")] for o in grant["obligations"]],
            [],
            _("Obligations"),
        )


def _evaluation(content: dict[str, Any]) -> Iterator[Block]:
    yield heading(1, _("Questions and criteria"))
    for number_, item in enumerate(content["questions"], start=1):
        yield heading(2, f"{number_}. {item['question']}")
        yield text(item["answer"] or content["no_answer"])
    for year in content["years"]:
        yield {"type": "pagebreak"}
        yield heading(1, _("The year %(year)s") % {"year": year["year"]})
        for section in year["programmes"]:
            yield from (
                {**block, "level": block["level"] + 1} if block["type"] == "heading" else block
                for block in _programme(section, "progress")
            )
    yield heading(1, _("Hours per programme over the period"))
    yield table(
        [_("Programme"), _("Hours")],
        [[row["programme"], number(row["hours"])] for row in content["hours_per_programme"]],
        [1],
    )
    yield heading(1, _("Changes made to the plan"))
    if content["changes"]:
        yield table(
            [_("Year"), _("Activity"), _("What"), _("Reason"), _("Decision")],
            [
                [
                    str(c["year"]),
                    c["activity"],
                    f"{c['what']}: {c['old']} → {c['new']}",
                    c["reason"],
                    f"{c['decision']} {day(c['decided_on'])}".strip(),
                ]
                for c in content["changes"]
            ],
            [],
        )
    else:
        yield text(_("No amendments were decided in the period."))


def _context(goals: list[dict[str, Any]]) -> Iterator[Block]:
    """The context factors: public figures beside the results, beyond the programmes'
    influence (koers.reports.content.context)."""
    yield heading(1, _("Context factors"))
    yield text(
        _(
            "Public figures beside the results, beyond the influence of the programmes: "
            "Flevoland against the Netherlands, the latest period up to the report's year."
        )
    )
    for goal in goals:
        yield heading(2, goal["goal"])
        rows = [
            [
                f"{row['figure']} ({row['unit']})" if row["unit"] else row["figure"],
                f"{row['period']} *" if row["provisional"] else row["period"],
                row["flevoland"],
                row["country"],
                row["source"],
            ]
            for row in goal["figures"]
        ]
        yield table(
            [_("Figure"), _("Period"), "Flevoland", _("The Netherlands"), _("Source")],
            rows,
            numeric=[2, 3],
            caption=_("Context factors of %(goal)s") % {"goal": goal["goal"]},
        )
        for row in goal["figures"]:
            for note in row["notes"]:
                yield text(f"{row['figure']}: {note}", "note")
        if any(row["provisional"] for row in goal["figures"]):
            yield text(_("* provisional figures."), "note")


def blocks(content: dict[str, Any]) -> list[Block]:
    """The whole document, from its title to its last table."""
    kind = content["kind"]
    found: list[Block] = [
        heading(0, content["title"]),
        facts(
            [
                (_("From"), content["organisation"]),
                (_("For"), content["recipient"]),
                (_("Figures up to and including"), content["reference_label"])
                if kind != "annual_plan"
                else (_("Year"), str(content["year"])),
            ]
        ),
    ]
    if kind == "accountability":
        found += list(_grant(content))
    if kind == "evaluation":
        found += list(_evaluation(content))
    else:
        for section in content["programmes"]:
            found.append({"type": "pagebreak"})
            found += list(_programme(section, kind))
    if kind == "accountability":
        found += list(_financial_statement(content))
    if content.get("context"):  # older snapshots have none
        found += list(_context(content["context"]))
    if content.get("sign_off"):
        found.append(heading(1, _("Sign-off")))
        found.append(facts([(label, when) for label, when in content["sign_off"]]))
    return found
