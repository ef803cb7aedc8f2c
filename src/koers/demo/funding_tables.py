"""Budget tables as the seeds state them, kept as stated so Koers can cross-foot them.

The transition plan (000 §6) states €167,133 for the friction costs in its text ("Deze
raming komt uit op in totaal € 167.133", seed 000 line ~815) while its table states
€167,166 for the row ("Frictiekosten personeel €  92.166 - - €   75.000 € 167.166", seed 000
line ~824), the sum of its parts. The table is kept as the table states it; the text's
figure is kept as the text's, beside the row, and the check flags that one difference.
The Krachtige Samenleving tables (004, "Besteding budgetten") add up; the year of a few
coalition-agreement amounts is not clear from the text layout of the source, and the split
used is the one that agrees with every stated row and column total.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from koers.directory.models import Organisation
from koers.funding import services
from koers.plans.models import Goal

D = Decimal


def _row(
    label: str,
    cells: list[Any],
    total: Any,
    *,
    goal: str = "",
    note: str = "",
    text: tuple[Any, str] | None = None,
) -> dict[str, Any]:
    return {
        "label": label,
        "cells": [None if c is None else D(c) for c in cells],
        "stated_total": None if total is None else D(total),
        "goal": goal,
        "note": note,
        "text_figure": D(text[0]) if text else None,
        "text_source": text[1] if text else "",
    }


def _heading(label: str, note: str = "") -> dict[str, Any]:
    return {"label": label, "is_heading": True, "cells": [], "note": note}


def _total(cells: list[Any], total: Any) -> dict[str, Any]:
    return {**_row("Totaal", cells, total), "is_total": True}


TABLES: list[dict[str, Any]] = [
    {
        "title": "Transitieplan CMO: totaaloverzicht kosten 2020–2021",
        "source": "Transitieplan CMO Flevoland (2020), §6 Begroting",
        "columns": [
            "2020 bijdrage CMO",
            "2020 bijdrage provincie",
            "2021 bijdrage CMO",
            "2021 bijdrage provincie",
        ],
        "rows": [
            _row("Organisatie ontwikkeltraject", [22500, 125000, 20000, 20000], 187500),
            _row(
                "Frictiekosten personeel",
                [92166, None, None, 75000],
                167166,
                text=(
                    167133,
                    "Transitieplan §6, tekst: “Deze raming komt uit op in totaal € 167.133”",
                ),
            ),
            _total([114666, 125000, 20000, 95000], 354666),
        ],
    },
    {
        "title": "Krachtige Samenleving: middelen uit de bestaande bestemmingsreserve",
        "source": "Provincie Flevoland, Krachtige Samenleving, besteding budgetten",
        "columns": ["2018/2019", "2020", "2021", "2022", "2023"],
        "rows": [
            _heading("Algemeen"),
            _row("Inhuur, onvoorzien, overige", [47500, 123000, 54000, 28000, None], 252500),
            _row(
                "Onderzoek (Werkplaats Sociaal Domein)", [75000, 75000, 75000, 75000, None], 300000
            ),
            _row(
                "1. Een gezond en veerkrachtig Flevoland (WEL in Flevoland)",
                [140000, 280000, 195000, 45000, 40000],
                700000,
                goal="KS-1",
            ),
            _row(
                "3. Toekomstbestendige gezondheidszorg: onderzoek KPMG",
                [22500, None, None, None, None],
                22500,
                goal="KS-3",
                note="Capaciteit 2019/2020 gedekt uit diverse posten van de lopende begroting.",
            ),
            _row(
                "4. Arbeidsmarkt & participatie: pilot Academische Verpleeg(t)huiszorg",
                [125000, 50000, 50000, None, None],
                225000,
                goal="KS-4",
            ),
            _total([410000, 528000, 374000, 148000, 40000], 1500000),
        ],
    },
    {
        "title": "Krachtige Samenleving: middelen uit het coalitieakkoord",
        "source": "Provincie Flevoland, Krachtige Samenleving, voorstel besteding middelen",
        "columns": ["2020", "2021", "2022", "2023"],
        "rows": [
            _heading("Algemeen"),
            _row("Inhuur", [None, 54000, 46000, None], 100000),
            _row("CMO transitie", [75000, None, None, None], 75000),
            _row("Onderzoek (Werkplaats Sociaal Domein)", [None, None, None, 75000], 75000),
            _row(
                "1. Een gezond en veerkrachtig Flevoland (WEL in Flevoland)",
                [None, 50000, 150000, 50000],
                250000,
                goal="KS-1",
            ),
            _heading(
                "2. Leefbaar platteland", note="Apart voorstel (2 miljoen o.b.v. coalitieakkoord)."
            ),
            _row(
                "3. Toekomstbestendige gezondheidszorg",
                [150000, 50000, 50000, 50000],
                300000,
                goal="KS-3",
            ),
            _row("Exploitatiebegroting 2020", [-50000, None, None, None], -50000),
            _row(
                "4. Arbeidsmarkt & participatie (i.s.m. HCA)",
                [50000, 50000, 50000, None],
                150000,
                goal="KS-4",
            ),
            _row("Cross-sectorale samenwerking", [None, 50000, 50000, None], 100000),
            _total([225000, 254000, 346000, 175000], 1000000),
        ],
    },
    {
        "title": "Krachtige Samenleving: overzicht per financieringsbron",
        "source": "Provincie Flevoland, Krachtige Samenleving, overzicht per financieringsbron",
        "columns": ["Bestaande bestemmingsreserve", "Budget coalitieakkoord"],
        "rows": [
            _heading("Algemeen"),
            _row("Inhuur", [252500, 100000], 352500),
            _row("CMO transitie", [None, 75000], 75000),
            _row("Onderzoek (Werkplaats Sociaal Domein)", [300000, 75000], 375000),
            _row(
                "1. Een gezond en veerkrachtig Flevoland (WEL in Flevoland)",
                [700000, 250000],
                950000,
                goal="KS-1",
            ),
            _heading("2. Leefbaar platteland"),
            _row("3. Toekomstbestendige gezondheidszorg", [22500, 300000], 322500, goal="KS-3"),
            _row("Exploitatiebegroting 2020", [None, -50000], -50000),
            _row("4. Arbeidsmarkt & participatie", [225000, 150000], 375000, goal="KS-4"),
            _row("Cross-sectorale samenwerking", [None, 100000], 100000),
            _total([1500000, 1000000], 2500000),
        ],
    },
]


def build_tables(own: Organisation, actor: Any, province: Organisation) -> None:
    from koers.funding.models import BudgetTable

    goals = {g.code: g for g in Goal.objects.filter(funder=province)}
    for spec in TABLES:
        if BudgetTable.objects.filter(organisation=own, title=spec["title"]).exists():
            continue
        rows = [{**row, "goal": goals.get(row.get("goal", ""))} for row in spec["rows"]]
        services.budget_table_store(
            actor=actor,
            organisation_id=own.pk,
            title=spec["title"],
            columns=spec["columns"],
            rows=rows,
            source=spec["source"],
            funder=province,
        )
