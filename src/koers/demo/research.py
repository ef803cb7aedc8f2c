"""The research register of the demo: the four research projects the multi-year plan names
(seed 001: §5.3.1 on the research function, §4.2 of Versterken van Inwoners, §3.1 and §3.6 of
Arbeidsmarkt en Onderwijs), planned for 2021 as the plan says, with the tables they use. The
seeds give no results, so none are made up: no findings, no survey results."""

from __future__ import annotations

from typing import Any

from koers.insight.models import Dataset, ResearchKind, ResearchProject
from koers.insight.services import research_project_save
from koers.plans.models import Plan, Programme

PROJECTS: list[dict[str, Any]] = [
    {
        "title": "Trends en ontwikkelingen in het sociaal domein",
        "kind": ResearchKind.TREND_MONITOR,
        "question": (
            "Welke trends en ontwikkelingen zijn er binnen het sociaal domein in Flevoland, "
            "onderzocht en geregistreerd voornamelijk op basis van bestaande data? "
            "(meerjarenplan §5.3.1)"
        ),
        "programme": None,
        "tables": ["mjp-2021-arbeidsmarkt", "voorbeeld-inwoners"],
    },
    {
        "title": "Provinciaal E-panel",
        "kind": ResearchKind.E_PANEL,
        "question": (
            "Hoe wordt in samenwerking met partners op gezette tijden gebruikgemaakt van een "
            "provinciaal E-panel: in eigen beheer, in coproductie of extern ingekocht? "
            "(meerjarenplan §5.3.1)"
        ),
        "programme": None,
        "tables": [],
    },
    {
        "title": "Cliëntervaringsonderzoek zorg in Flevoland",
        "kind": ResearchKind.CLIENT_EXPERIENCE,
        "question": (
            "Wat zijn de ervaringen van cliënten met de zorg in Flevoland, zodat we de beleving "
            "van inwoners, patiënten en cliënten beter leren kennen? (meerjarenplan §4.2 en "
            "§5.3.1)"
        ),
        "programme": "VI",
        "tables": [],
    },
    {
        "title": "Regionaal dashboard zorg en welzijn",
        "kind": ResearchKind.LABOUR_MARKET,
        "question": (
            "Hoe ontwikkelen instroom, doorstroom, werk en behoud en uitstroom zich in zorg en "
            "welzijn in de regio, als onderbouwing van de regionale strategische "
            "personeelsplanning? (meerjarenplan §3.1)"
        ),
        "programme": "AO",
        "tables": ["mjp-2021-arbeidsmarkt"],
    },
]


def build_research(plan: Plan, director: Any, note: Any) -> None:
    if ResearchProject.objects.filter(holder_id=plan.organisation_id).exists():
        return
    for spec in PROJECTS:
        programme = (
            Programme.objects.get(plan=plan, code=spec["programme"]) if spec["programme"] else None
        )
        research_project_save(
            director,
            ResearchProject(
                title=spec["title"],
                kind=spec["kind"],
                question=spec["question"],
                programme=programme,
            ),
            indicators=[],
            datasets=list(Dataset.objects.filter(table_id__in=spec["tables"])),
        )
        note("research projects", True)
