"""The demo's reporting: the coordinator's quarter narratives for Positieve Gezondheid, the
Q2 2021 progress report as the province received it, and the first evaluation dossier.

From the seeds (001 §5.5.5): the first evaluation moment looks at CMO's development and
the cooperation of province and CMO in 2021 and 2022 and is delivered on 30 April 2023;
its questions are the seeds' own. Example data: the narratives (their text says so), the
dates of the sign-off of the Q2 report, and the narrative added after it was sent — which
is what the province sees under "what changed since it was sent".

Written through the services, as the users would, with each step's moment in 2021.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from koers.plans.models import Activity, Plan, QuarterReport
from koers.plans.services.quarter_reports import quarter_report_save
from koers.reports import services
from koers.reports.models import Report, ReportKind

EXAMPLE = "Voorbeeldtekst. "

# (activity code, quarter, narrative, risks, status override, reason)
NARRATIVES = [
    (
        "PG-1.1",
        2,
        "De themabijeenkomst sport in Almere trok partners van buiten zorg en welzijn; "
        "Sportservice Flevoland en het Jeugdfonds organiseerden mee.",
        "",
        "",
        "",
    ),
    (
        "PG-1.1",
        3,
        "De bijeenkomst over natuur is voorbereid met IVN en Staatsbosbeheer; de zomer is "
        "gebruikt voor de uitnodigingen.",
        "Drie bijeenkomsten vallen in november en december; uitval van één thema betekent "
        "dat het doel van zeven niet wordt gehaald.",
        "",
        "",
    ),
    # Seed 001 (Informeel Flevoland in Beeld, r. 2734-2742): "Het afgelopen jaar [2020] is
    # … gestart met procesbegeleiding van gemeenten. Samen met de gemeenten Lelystad en Urk
    # …. Deze lijn zetten we in 2021 en 2022 door … in de vier overige gemeenten". Which
    # two of the four in 2021 the seed does not say: Almere and Noordoostpolder are example.
    (
        "PG-2.1",
        3,
        "Na Lelystad en Urk in 2020 is in 2021 de procesbegeleiding in Almere en "
        "Noordoostpolder afgerond; Dronten en Zeewolde zijn benaderd voor 2022.",
        "De gemeenten kiezen zelf hun moment; de planning van de andere vier schuift mogelijk.",
        "on_track",
        "De twee gemeenten van 2021 zijn begeleid; wat nog openstaat, is voor 2022 gepland.",
    ),
]
AMENDED = (
    "PG-1.1",
    2,
    " Aanvulling na verzending: de evaluatie van de deelnemers gaf gemiddeld een 7,8.",
)
EVALUATION_QUESTIONS = [
    "Ligt de doorontwikkeling van CMO als organisatie op koers?",
    "Hoe zijn de samenwerkingsprocessen tussen de provincie Flevoland en CMO in 2021 en 2022 "
    "verlopen?",
]


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _narratives(plan: Plan, coordinator: Any, quarters: set[int]) -> None:
    for code, quarter, narrative, risks, override, reason in NARRATIVES:
        if quarter not in quarters:
            continue
        activity = Activity.objects.get(programme__plan=plan, code=code, year=2021)
        if QuarterReport.objects.filter(activity=activity, quarter=quarter).exists():
            continue
        quarter_report_save(
            actor=coordinator,
            activity=activity,
            quarter=quarter,
            values={
                "narrative": EXAMPLE + narrative,
                "risks": risks,
                "status_override": override,
                "override_reason": reason,
            },
            expected_version=0,
        )


def build_reports(
    plan: Plan, users: dict[str, Any], organisations: dict[str, Any], note: Any
) -> None:
    """Idempotent: what exists is left as it is."""
    province = organisations["provincie-flevoland"]
    if Report.objects.filter(plan=plan, kind=ReportKind.PROGRESS, year=2021, quarter=2).exists():
        return
    coordinator, director = users["coordinator"], users["directeur"]
    _narratives(plan, coordinator, {2})
    report = services.report_prepare(
        actor=users["bedrijfsvoering"],
        plan=plan,
        kind=ReportKind.PROGRESS,
        year=2021,
        quarter=2,
        recipient=province,
        due_on=dt.date(2021, 7, 15),
        at=_at(dt.date(2021, 7, 5), 10),
    )
    report = services.report_review(
        actor=coordinator, report=report, at=_at(dt.date(2021, 7, 7), 14)
    )
    report = services.report_sign(actor=director, report=report, at=_at(dt.date(2021, 7, 8), 9))
    services.report_send(actor=director, report=report, at=_at(dt.date(2021, 7, 9), 11))
    note("reports", True)
    # After it was sent the coordinator completed her Q2 narrative: a difference to see.
    code, quarter, addition = AMENDED
    update = QuarterReport.objects.get(
        activity__programme__plan=plan, activity__code=code, activity__year=2021, quarter=quarter
    )
    quarter_report_save(
        actor=coordinator,
        activity=update.activity,
        quarter=quarter,
        values={"narrative": update.narrative + addition},
        expected_version=update.version,
    )
    _narratives(plan, coordinator, {3})
    services.report_prepare(
        actor=director,
        plan=plan,
        kind=ReportKind.EVALUATION,
        year=2021,
        last_year=2022,
        recipient=province,
        due_on=dt.date(2023, 4, 30),
        questions=EVALUATION_QUESTIONS,
        at=_at(dt.date(2021, 10, 1), 9),
    )
    note("reports", True)
