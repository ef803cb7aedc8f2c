"""The API's frame: django-ninja for the routes, the schemas and the OpenAPI document, and
one pipeline around every operation that does what every call needs, in this order:

1. the key: present and known (else 401);
2. the rate limit per key (else 429 with Retry-After), before anything else is refused;
3. the key not revoked or expired, its user active (else 401);
4. the scope the operation needs among the key's (else 403);
5. no query parameter the operation does not document (else 400, naming it);
6. If-None-Match: the tag the answer would carry already held by the client (304, no work);
7. the capability the scope's pages need, held somewhere (else 403, like `requires`);
8. the operation, which asks the same policy and querysets as the pages;
9. the call logged (ApiCall), with the answer's status.

Why django-ninja rather than Django REST framework: the response schemas are typed
(pydantic), so the OpenAPI 3 document is made from the same classes that shape the answers
and cannot drift from them; it has no serializer layer or browsable API to keep locked
down, and it is a single small dependency besides pydantic.

The ETag is not a digest of the body, which would need the whole answer made first: it is
a digest of what the answer depends on — the newest entry of the audit log (every write in
Koers is audited, DESIGN.md; on PostgreSQL a transaction may commit a lower id after a
higher one was read, so a write can go unseen until the next one: briefly stale, never
someone else's), the reference date (progress is counted to today), the key
(her user and scopes) and the full address. A repeat call with nothing written since costs
the key's look-up and one index read (bench/api.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable
from functools import cached_property, wraps
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.security import HttpBearer

from koers.accounts.policy import has_capability
from koers.api.models import SCOPE_CAPABILITY, ApiCall, ApiScope, ApiToken
from koers.api.problems import MEDIA_TYPE, Problem, bad_parameters, forbidden, not_found
from koers.api.tokens import find_key
from koers.core.access import ACCESS_ATTRIBUTE
from koers.core.http import client_address
from koers.core.models import AuditEntry
from koers.core.reference import default_reference

logger = logging.getLogger(__name__)

API_VERSION = "1.0.0"
SCOPE_ATTRIBUTE = "koers_api_scope"
RATE_WINDOW = dt.timedelta(minutes=1)
OPENAPI_URL_NAME = "openapi-json"  # ninja's name for the document's address
ROOT_URL_NAME = "api-root"  # ninja's, which it reverses to find its own address
API_KEY_ACCESS = "api-key"  # the access rule its operations declare


def needs(scope: ApiScope) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare the scope an operation needs; an operation without one is refused at start."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        setattr(view, SCOPE_ATTRIBUTE, scope)
        return view

    return decorate


class KeyInHeader(HttpBearer):
    """Names the scheme in the OpenAPI document; the pipeline has already checked the key."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        return getattr(request, "api_token", None)


UNAUTHORISED = {"WWW-Authenticate": 'Bearer realm="koers", error="invalid_token"'}


def _keys_with_their_context() -> QuerySet[ApiToken]:
    """Keys with what a call asks besides, in the same query: the newest audit entry (for
    the ETag) and the key's calls in the rate window. A repeat answered 304 costs this
    query and its log line."""
    newest = AuditEntry.objects.order_by("-id")
    recent = (
        ApiCall.objects.filter(token=OuterRef("pk"), at__gte=timezone.now() - RATE_WINDOW)
        .exclude(status=429)  # refused calls are logged, not counted: waiting out helps
        .order_by()
        .values("token")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return ApiToken.objects.annotate(
        watermark_id=Subquery(newest.values("id")[:1]),
        watermark_at=Subquery(newest.values("at")[:1]),
        recent_calls=Coalesce(Subquery(recent), 0),
    )


def _key_of(request: HttpRequest) -> ApiToken:
    """The stored key the call carries, usable or not; 401 when it carries none we know."""
    header = request.headers.get("Authorization", "")
    scheme, _space, text = header.partition(" ")
    if scheme.lower() != "bearer" or not text.strip():
        raise Problem(
            401,
            "token_missing",
            _("Send your API key in the header Authorization: Bearer <key>."),
            headers={"WWW-Authenticate": 'Bearer realm="koers"'},
        )
    token = find_key(text.strip(), _keys_with_their_context())
    if token is None:
        raise Problem(401, "token_invalid", _("This API key is not known."), headers=UNAUTHORISED)
    return token


def _refuse_unusable(token: ApiToken) -> None:
    refusal = None
    if token.revoked_at is not None:
        refusal = ("token_revoked", _("This API key has been revoked."))
    elif token.expires_at <= timezone.now():
        refusal = ("token_expired", _("This API key has expired."))
    elif not token.user.is_active:
        refusal = ("token_invalid", _("The account of this API key is not active."))
    if refusal is not None:
        raise Problem(401, refusal[0], refusal[1], headers=UNAUTHORISED)


def _limit_rate(token: Any) -> None:
    if token.recent_calls < settings.API_RATE_LIMIT:
        return
    since = timezone.now() - RATE_WINDOW
    recent = ApiCall.objects.filter(token=token, at__gte=since).exclude(status=429)
    oldest = recent.order_by("at").values_list("at", flat=True).first() or since
    wait = max(1, int((oldest + RATE_WINDOW - timezone.now()).total_seconds()) + 1)
    raise Problem(
        429,
        "rate_limited",
        _("Too many calls with this key: at most %(limit)d a minute.")
        % {"limit": settings.API_RATE_LIMIT},
        headers={"Retry-After": str(wait)},
    )


def entity_tag(request: HttpRequest, token: Any) -> str:
    newest = (token.watermark_id, token.watermark_at)
    basis = "|".join(
        str(part)
        for part in (
            API_VERSION,
            newest,
            default_reference().isoformat(),
            token.pk,
            get_language(),
            request.get_full_path(),
        )
    )
    return '"' + hashlib.sha256(basis.encode()).hexdigest()[:32] + '"'


def _held_tags(request: HttpRequest) -> set[str]:
    header = request.headers.get("If-None-Match", "")
    return {part.strip().removeprefix("W/") for part in header.split(",") if part.strip()}


class KoersApi(NinjaAPI):
    def __init__(self) -> None:
        super().__init__(
            title="Koers API",
            version=API_VERSION,
            description=(
                "Read-only access to the results chain of Koers: goal trees, plans, "
                "programmes, activities, indicators with targets and progress, sent "
                "reports, a funder's portfolio and the regional statistics. Follows the "
                "NL API Design Rules. See docs/api.md in the repository."
            ),
            urls_namespace="api",
            docs_url=None,  # no Swagger UI: it would load from a CDN
            auth=[KeyInHeader()],
        )
        self.add_decorator(self._pipeline, mode="view")
        self.add_exception_handler(Problem, _problem_answer)
        self.add_exception_handler(ValidationError, self._invalid)  # type: ignore[arg-type]
        self.add_exception_handler(Http404, lambda request, exc: not_found().response(request))
        self.add_exception_handler(
            PermissionDenied, lambda request, exc: forbidden().response(request)
        )

    def get_openapi_schema(self, **options: Any) -> Any:
        """ninja's document, with the problems' media type as the API answers them."""
        schema = super().get_openapi_schema(**options)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, answer in operation["responses"].items():
                    content = answer.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        answer["content"] = {MEDIA_TYPE: content["application/json"]}
        return schema

    def _invalid(self, request: HttpRequest, exc: ValidationError) -> HttpResponse:
        invalid = [
            {"name": str(error["loc"][-1]), "reason": str(error["msg"])} for error in exc.errors
        ]
        return bad_parameters(invalid).response(request)

    @cached_property
    def documented_parameters(self) -> dict[str, set[str]]:
        """Per operation id, the query parameters its OpenAPI entry documents."""
        schema = self.get_openapi_schema()
        found: dict[str, set[str]] = {}
        for operations in schema["paths"].values():
            for operation in operations.values():
                found[operation["operationId"]] = {
                    p["name"] for p in operation.get("parameters", []) if p["in"] == "query"
                }
        return found

    def _refuse_unknown(self, request: HttpRequest, operation: Any) -> None:
        operation_id = operation.operation_id or self.get_openapi_operation_id(operation)
        known = self.documented_parameters[operation_id]
        unknown = sorted(set(request.GET) - known)
        if unknown:
            raise bad_parameters(
                [
                    {"name": name, "reason": _("This operation has no such parameter.")}
                    for name in unknown
                ]
            )

    def _pipeline(self, run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        operation: Any = run.__self__  # type: ignore[attr-defined]
        scope = getattr(operation.view_func, SCOPE_ATTRIBUTE, None)
        if scope is None:
            raise LookupError(f"API operation {operation.view_func.__name__} declares no scope")

        @wraps(run)
        def handle(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            token = None
            try:
                token = _key_of(request)
                _limit_rate(token)  # first: a revoked or wrong-scoped key is limited too
                _refuse_unusable(token)
                if not token.allows(scope):
                    raise Problem(
                        403,
                        "scope_missing",
                        _("This API key may not read %(scope)s.") % {"scope": scope.label},
                    )
                self._refuse_unknown(request, operation)
                tag = entity_tag(request, token)
                if tag in _held_tags(request):
                    # She had this answer, made under the same audit watermark: her roles
                    # (every change to a membership is audited) and the records are as
                    # they were, so the capability need not be asked again.
                    response: HttpResponse = HttpResponseNotModified()
                else:
                    if not has_capability(token.user, SCOPE_CAPABILITY[scope]):
                        raise forbidden()  # as the pages: the capability somewhere, first
                    request.user = token.user
                    request.api_token = token  # type: ignore[attr-defined]
                    response = run(request, *args, **kwargs)
                if response.status_code in (200, 304):
                    response["ETag"] = tag
            except Problem as problem:
                response = problem.response(request)
            _record(request, token, response)
            return response

        return handle

    def _get_urls(self) -> list[Any]:
        patterns = super()._get_urls()
        result: list[Any] = []
        for pattern in patterns:
            name = getattr(pattern, "name", None)
            if name == ROOT_URL_NAME:
                pattern = path("", api_root, name=ROOT_URL_NAME)
            # The API signs in by key, not by session: Django's sign-in check lets it
            # through, and each operation's pipeline refuses what has no valid key. The
            # OpenAPI document is public (NL API Design Rules).
            view: Any = pattern.callback
            view.login_required = False
            if name not in (OPENAPI_URL_NAME, ROOT_URL_NAME):
                setattr(view, ACCESS_ATTRIBUTE, API_KEY_ACCESS)
            result.append(pattern)
        return result


def _problem_answer(request: HttpRequest, problem: Any) -> HttpResponse:
    answer: HttpResponse = problem.response(request)
    return answer


def api_root(request: HttpRequest) -> HttpResponse:
    """The API's root: where its description is (ninja's own root only answers 404)."""
    document = reverse(f"api:{OPENAPI_URL_NAME}")
    response = JsonResponse({"_links": {"openapi": {"href": document}}})
    response["API-Version"] = API_VERSION
    return response


def _record(request: HttpRequest, token: ApiToken | None, response: HttpResponse) -> None:
    response["API-Version"] = API_VERSION
    if response.status_code in (200, 304):
        response["Cache-Control"] = "private, no-cache"
    if token is None:
        logger.warning(
            "API call refused (%s) from %s: %s",
            response.status_code,
            client_address(request),
            request.path,
        )
        return
    if response.status_code >= 400:
        logger.warning(
            "API call refused (%s) for key %s: %s", response.status_code, token.prefix, request.path
        )
    ApiCall.objects.create(
        token=token,
        method=request.method or "",
        path=request.get_full_path()[:500],
        status=response.status_code,
        remote_addr=client_address(request),
    )
