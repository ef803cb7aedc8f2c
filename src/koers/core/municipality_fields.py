"""The one way a form asks for a municipality. Koers knows every Dutch municipality (342 in
2024, `koers import_boundaries`), far too many for a select: the field is searched by name
or CBS code through `directory:municipality_search` (core.choices' searchable widget,
which works without JavaScript too)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse_lazy

from koers.core.choices import SearchChoiceField, SearchMultipleChoiceField
from koers.core.models import Municipality

MUNICIPALITY_SEARCH_FIELDS = ("name", "code")


def municipality_field(**kwargs: Any) -> SearchChoiceField:
    """A searchable choice of one municipality (`label`, `required`, `help_text`, ... as for
    any field)."""
    return SearchChoiceField(
        Municipality.objects.all(),
        search_fields=MUNICIPALITY_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:municipality_search"),
        **kwargs,
    )


def municipalities_field(**kwargs: Any) -> SearchMultipleChoiceField:
    """A searchable choice of several municipalities."""
    return SearchMultipleChoiceField(
        Municipality.objects.all(),
        search_fields=MUNICIPALITY_SEARCH_FIELDS,
        search_url=reverse_lazy("directory:municipality_search"),
        **kwargs,
    )
