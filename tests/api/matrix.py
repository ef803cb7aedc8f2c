"""The API's permission matrix: for every operation of the OpenAPI document, what each
role gets with a key that holds every scope (and an anonymous caller: 401).

Used twice, like the pages' matrix (tests/permission_matrix.py): `test_api_matrix.py`
calls every row as every role, and docs/api-permission-matrix.md is rendered from it
(`make docs`). A test fails when an operation has no row.

The outcomes follow the pages' rule: 403 without the capability anywhere (her roles give
no reading of this kind), 404 for a record outside her scope (its existence is not
confirmed). Staff see their organisation's records; a funder's official those of the
programmes her organisation funds, and her own organisation's goal tree and portfolio.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tests.api.conftest import send_report
from tests.insight.matrix import a_dataset
from tests.permission_matrix import role_columns

READERS = [200] * 9 + [403] * 3
# A record of the world's programme (own organisation, funded by the province).
PROGRAMME_RECORD = [200] * 6 + [200, 404, 404] + [403] * 3
# The province's goal tree: the programme's staff serve it, the province keeps it.
PROVINCE_GOAL = [200] * 6 + [200, 404, 404] + [403] * 3
# The plan holds a programme each funder funds: both funders see it.
PLAN = [200] * 6 + [200, 200, 404] + [403] * 3
# A funder's own view: only her officials (the province's, and Regio+'s for its own).
PORTFOLIO = [403] * 6 + [200, 200, 403] + [403] * 3
PROVINCE_PORTFOLIO = [403] * 6 + [200, 404, 403] + [403] * 3


@dataclass(frozen=True)
class ApiRow:
    operation: str  # the OpenAPI operationId
    what: str
    path: Callable[[Any], str]
    expected: list[int]


def _report(world: Any) -> Any:
    if not hasattr(world, "_api_report"):
        world._api_report = send_report(world)
    return world._api_report


API_ROWS = [
    ApiRow("listGoals", "goals", lambda w: "/api/v1/goals", READERS),
    ApiRow("getGoal", "a goal", lambda w: f"/api/v1/goals/{w.goal.pk}", PROVINCE_GOAL),
    ApiRow("listPlans", "plans", lambda w: "/api/v1/plans", READERS),
    ApiRow("getPlan", "a plan", lambda w: f"/api/v1/plans/{w.plan.pk}", PLAN),
    ApiRow("listProgrammes", "programmes", lambda w: "/api/v1/programmes", READERS),
    ApiRow(
        "getProgramme",
        "a programme",
        lambda w: f"/api/v1/programmes/{w.programme.pk}",
        PROGRAMME_RECORD,
    ),
    ApiRow("listActivities", "activities", lambda w: "/api/v1/activities", READERS),
    ApiRow(
        "getActivity",
        "an activity",
        lambda w: f"/api/v1/activities/{w.activity.pk}",
        PROGRAMME_RECORD,
    ),
    ApiRow("listIndicators", "indicators", lambda w: "/api/v1/indicators", READERS),
    ApiRow(
        "getIndicator",
        "an indicator with its progress",
        lambda w: f"/api/v1/indicators/{w.indicator.pk}?year=2021",
        PROGRAMME_RECORD,
    ),
    ApiRow("listReports", "sent reports", lambda w: "/api/v1/reports", READERS),
    ApiRow(
        "getReport",
        "a report sent to the province",
        lambda w: f"/api/v1/reports/{_report(w).pk}",
        PROGRAMME_RECORD,
    ),
    ApiRow("getPortfolio", "her funder's portfolio", lambda w: "/api/v1/portfolio", PORTFOLIO),
    ApiRow(
        "getPortfolio",
        "the province's portfolio",
        lambda w: f"/api/v1/portfolio?funder={w.province.pk}",
        PROVINCE_PORTFOLIO,
    ),
    ApiRow("listDatasets", "datasets", lambda w: "/api/v1/datasets", READERS),
    ApiRow("getDataset", "a dataset", lambda w: f"/api/v1/datasets/{a_dataset(w).pk}", READERS),
    ApiRow(
        "listObservations",
        "a dataset's values",
        lambda w: f"/api/v1/datasets/{a_dataset(w).pk}/observations",
        READERS,
    ),
]

OUTCOME_WORDS = {200: "ja", 403: "nee", 404: "—"}


def render_markdown() -> str:
    lines = [
        "# API permission matrix",
        "",
        "Generated from `tests/api/matrix.py` by `make docs`; `tests/api/test_api_matrix.py`",
        "calls every row as every role with a key that holds every scope, and fails when",
        "Koers answers otherwise or when this file is out of date. **ja** = answered (200);",
        "**nee** = refused (403: her roles give no reading of this kind); **—** = outside her",
        "scope, answered as if it did not exist (404). Without a key every call answers 401.",
        "A key with fewer scopes is refused (403) on the operations of the others.",
        "",
    ]
    lines += role_columns("operation", "what")
    for row in API_ROWS:
        cells = " | ".join(OUTCOME_WORDS[code] for code in row.expected)
        lines.append(f"| `{row.operation}` | {row.what} | {cells} |")
    return "\n".join(lines) + "\n"
