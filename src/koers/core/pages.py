"""What every app's pages share: calling a service from a form or a button, and the form
pages (status codes, the shared form template, the version-conflict display).

A page posts a form, calls one service and answers: 200 on GET, 400 when the form or the
service refused (the reasons next to the fields), 409 when someone else saved the record
in between (their version shown, her input kept; see `koers.core.versioning`), a redirect
on success.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from koers.core.http import client_address

FORM_PAGE = "core/form_page.html"


def submit(request: HttpRequest, form: Any, service: Any, success: str, **fixed: Any) -> Any:
    """Call a service with the form's cleaned data (its fields are named as the service's
    arguments); on success flash `success` and return the result, else put the service's
    messages next to the fields and return None."""
    try:
        result = service(
            actor=request.user, remote_addr=client_address(request), **fixed, **form.cleaned_data
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None
    messages.success(request, success)
    return result


def act(request: HttpRequest, call: Any, success: str) -> bool:
    """Run a service call for a button that posts and returns to its page: the outcome,
    or the service's reasons for refusing, are flashed as messages."""
    try:
        call()
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return False
    messages.success(request, success)
    return True


def attempt(request: HttpRequest, form: Any, call: Any, success: Any) -> bool:
    """A form posted from a detail page: when it is valid, `call(cleaned_data)` runs the
    service; on success `success` is flashed and the answer is True. Otherwise the form keeps
    its problems and the service's reasons (next to their fields), nothing is saved, and the
    caller shows the page again with the form: `shown_again`. `success` may be a function of
    the cleaned data, for a message that names what was chosen."""
    if not form.is_valid():
        return False
    try:
        call(form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    messages.success(request, success(form.cleaned_data) if callable(success) else success)
    return True


def shown_again(page: HttpResponse) -> HttpResponse:
    """The page a refused form came from, rendered with that form as posted: 400, so the
    browser, htmx and the tests all see a refusal, and the error summary links its fields
    (a redirect with flashed messages could not mark a field)."""
    page.status_code = 400
    return page


def form_problems(form: Any) -> list[str]:
    """A refused form's problems as sentences, each with its field's label: for a page
    that cannot show the field (a hidden one carried from an earlier step)."""
    problems = []
    for field, errors in form.errors.items():
        label = str(form.fields[field].label) if field in form.fields else ""
        problems += [f"{label}: {problem}" if label else str(problem) for problem in errors]
    return problems


@dataclass(frozen=True)
class RowRefusal:
    """A refused form of one row of a list page (a week, a product): the page shows it again
    with the error summary on top and that row's field marked; `key` is the row's pk and the
    form's ids are those of the row's inputs (auto_id "%s-<key>")."""

    key: int
    form: Any


def row_form(form_class: Any, data: Any, key: int) -> Any:
    """A list row's form, its ids those the row's inputs have: "remark-12"."""
    return form_class(data, auto_id=f"%s-{key}")


def flash_form_errors(request: HttpRequest, form: Any) -> None:
    """A form posted from a page that redirects back: its problems as messages there,
    each with its field's label."""
    for problem in form_problems(form):
        messages.error(request, problem)


def display(instance: Any, name: str) -> Any:
    """A field's value as shown to users: the label of a choice, else the value."""
    label = getattr(instance, f"get_{name}_display", None)
    return label() if label else getattr(instance, name)


def form_status(request: HttpRequest, conflict_rows: Any = None) -> int:
    """The status of a form page shown again: 200 on GET; after a POST that did not save,
    409 when someone else saved in between, else 400."""
    if request.method != "POST":
        return 200
    return 409 if conflict_rows else 400


def form_page(request: HttpRequest, form: Any, **context: Any) -> HttpResponse:
    status = form_status(request, context.get("conflict_rows"))
    return render(request, FORM_PAGE, {"form": form, **context}, status=status)
