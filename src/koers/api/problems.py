"""Errors as problem details (RFC 9457), as the NL API Design Rules ask: a JSON body of
media type application/problem+json with the status, a title, a Dutch explanation and,
for a refused parameter, which one and why (`invalid_params`)."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Schema

MEDIA_TYPE = "application/problem+json"


class InvalidParam(Schema):
    name: str
    reason: str


class ProblemBody(Schema):
    """The body of every error the API answers (its OpenAPI document names it)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str
    # What went wrong, for programs (the detail is for people): token_missing, …
    code: str
    invalid_params: list[InvalidParam] | None = None


class Problem(Exception):
    """Raised anywhere in handling a call; answered as problem details."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        invalid_params: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail
        self.invalid_params = invalid_params
        self.headers = headers or {}

    def response(self, request: HttpRequest) -> HttpResponse:
        body: dict[str, Any] = {
            "type": "about:blank",
            "title": HTTPStatus(self.status).phrase,
            "status": self.status,
            "detail": self.detail,
            "instance": request.path,
            "code": self.code,
        }
        if self.invalid_params:
            body["invalid_params"] = self.invalid_params
        response = HttpResponse(
            json.dumps(body, ensure_ascii=False), status=self.status, content_type=MEDIA_TYPE
        )
        for name, value in self.headers.items():
            response[name] = value
        return response


def not_found() -> Problem:
    return Problem(404, "not_found", _("There is no such record, or it is not yours to read."))


def forbidden() -> Problem:
    return Problem(403, "forbidden", _("Your roles do not let you read this."))


def bad_parameters(invalid: list[dict[str, str]]) -> Problem:
    names = ", ".join(item["name"] for item in invalid)
    return Problem(
        400,
        "invalid_parameters",
        _("These query parameters are not right: %(names)s.") % {"names": names},
        invalid_params=invalid,
    )
