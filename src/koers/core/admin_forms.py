"""The admin's forms refuse what cannot be stored, as every form of Koers does
(koers.core.forms). The admin site mixes `TextGuardedAdmin` into every model admin it
registers, Django's own included, so no admin page escapes it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from koers.core.forms import formset_with_text_guard, with_text_guard


class TextGuardedAdmin:
    """The add and change forms, and the forms of the inlines, with guarded text fields."""

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)  # type: ignore[misc]
        return with_text_guard(form)

    def get_formsets_with_inlines(
        self, request: HttpRequest, obj: Any = None
    ) -> Iterator[tuple[Any, Any]]:
        for formset, inline in super().get_formsets_with_inlines(request, obj):  # type: ignore[misc]
            yield formset_with_text_guard(formset), inline


def text_guarded(admin_class: type[admin.ModelAdmin[Any]]) -> type[admin.ModelAdmin[Any]]:
    """`admin_class` with `TextGuardedAdmin` mixed in (once)."""
    if issubclass(admin_class, TextGuardedAdmin):
        return admin_class
    return type(
        admin_class.__name__,
        (TextGuardedAdmin, admin_class),
        {"__module__": admin_class.__module__},
    )
