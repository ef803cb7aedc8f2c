"""The OpenAPI document is valid, and every operation it documents answers as it says.

Each operation is called with the path parameters filled from the world (as a funder's
official, who holds every capability the API reads with), and the body is checked against
the schema the document gives for that status, with the document's own references. The
problems (400, 401, 403, 404) are checked against their schema the same way.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.api.conftest import call, make_key, send_report
from tests.conftest import World
from tests.insight.matrix import a_dataset
from tests.plans.factories import RealisationFactory

DOCUMENT_URL = "/api/v1/openapi.json"
DOCUMENT_URI = "urn:koers:api"


def _document() -> dict[str, Any]:
    response = Client().get(DOCUMENT_URL)
    assert response.status_code == 200
    return json.loads(response.content)


def _validator(document: dict[str, Any], schema: dict[str, Any]) -> Draft202012Validator:
    resource = Resource.from_contents(document, default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(DOCUMENT_URI, resource)
    absolute = json.loads(json.dumps(schema).replace('"#/', f'"{DOCUMENT_URI}#/'))
    return Draft202012Validator(absolute, registry=registry, format_checker=FormatChecker())


def _operations(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (path, operation)
        for path, operations in document["paths"].items()
        for operation in operations.values()
    ]


def _fill(path: str, world: World, report: Any) -> str:
    values = {
        "goal_id": world.goal.pk,
        "plan_id": world.plan.pk,
        "programme_id": world.programme.pk,
        "activity_id": world.activity.pk,
        "indicator_id": world.indicator.pk,
        "report_id": report.pk,
        "dataset_id": a_dataset(world).pk,
    }
    return re.sub(r"\{(\w+)\}", lambda match: str(values[match.group(1)]), path)


def _check(document: dict[str, Any], operation: dict[str, Any], response: Any) -> None:
    status = str(response.status_code)
    assert status in operation["responses"], f"{operation['operationId']}: {status} undocumented"
    content = operation["responses"][status].get("content")
    if content is None:
        assert response.content == b""
        return
    [(media_type, body)] = content.items()
    assert response["Content-Type"].split(";")[0] == media_type
    errors = list(_validator(document, body["schema"]).iter_errors(json.loads(response.content)))
    assert not errors, [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


def test_the_document_is_valid_openapi_3() -> None:
    document = _document()
    assert document["openapi"].startswith("3.")
    validate(document)


@pytest.mark.django_db
def test_the_document_needs_no_key_and_names_the_bearer_scheme() -> None:
    document = _document()
    assert document["components"]["securitySchemes"] == {
        "KeyInHeader": {"type": "http", "scheme": "bearer"}
    }
    assert all(operation["security"] for _, operation in _operations(document))


def test_every_documented_operation_answers_as_documented(world: World, settings: Any) -> None:
    settings.REFERENCE_DATE = "2021-09-30"  # the world's targets are 2021's
    RealisationFactory(indicator=world.indicator, date=dt.date(2021, 3, 1), value=Decimal(2))
    report = send_report(world)
    document = _document()
    key = make_key(world.users["opdrachtgever"])
    checked = 0
    for path, operation in _operations(document):
        url = _fill(path, world, report)
        ok = call(url, key)
        assert ok.status_code == 200, (url, ok.content)
        _check(document, operation, ok)
        unchanged = call(url, key, **{"If-None-Match": ok["ETag"]})
        assert unchanged.status_code == 304
        _check(document, operation, unchanged)
        refused = call(url + "?onbekend=1", key)
        assert refused.status_code == 400
        _check(document, operation, refused)
        without = call(url)
        assert without.status_code == 401
        _check(document, operation, without)
        checked += 1
    assert checked == len(_operations(document)) >= 16


def test_refusals_answer_as_documented(world: World) -> None:
    document = _document()
    operations = {operation["operationId"]: operation for _, operation in _operations(document)}
    key = make_key(world.users["opdrachtgever"])
    missing = call("/api/v1/programmes/999999", key)
    assert missing.status_code == 404
    _check(document, operations["getProgramme"], missing)
    staff_key = make_key(world.users["medewerker"])
    forbidden = call("/api/v1/portfolio", staff_key)
    assert forbidden.status_code == 403
    _check(document, operations["getPortfolio"], forbidden)
    bad = call("/api/v1/indicators?reference_date=gisteren", key)
    assert bad.status_code == 400
    _check(document, operations["listIndicators"], bad)
    assert json.loads(bad.content)["invalid_params"][0]["name"] == "reference_date"
