"""What the pool's form pages share: a form page that calls one service."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from koers.core.pages import form_page


def put_errors(form: Any, error: ValidationError) -> None:
    """A service's refusal next to the form's fields (a field the form lacks: on top)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def service_form_page(
    request: HttpRequest,
    form: Any,
    call: Callable[[dict[str, Any]], Any],
    *,
    success: str,
    next_url: str | Callable[[Any], str],
    **context: Any,
) -> HttpResponse:
    """GET: the form. POST: when valid, `call(cleaned_data)` saves; on success flash and
    redirect (to `next_url`, or `next_url(saved)`), else the page again with the reasons
    (400)."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = call(form.cleaned_data)
        except ValidationError as error:
            put_errors(form, error)
        else:
            messages.success(request, success)
            return redirect(next_url(saved) if callable(next_url) else next_url)
    return form_page(request, form, **context)
