from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from koers.accounts.decorators import signed_in
from koers.core.choices import search_answer, search_for
from koers.core.models import Municipality
from koers.core.municipality_fields import MUNICIPALITY_SEARCH_FIELDS


@signed_in
@require_GET
def municipality_search(request: HttpRequest) -> HttpResponse:
    """The municipalities whose name or CBS code matches `q`: the options of a searchable
    choice. Public reference data, so every signed-in user may search it (a care
    organisation's contact names where she needs hands)."""
    found = search_for(request, Municipality.objects.all(), MUNICIPALITY_SEARCH_FIELDS)
    return search_answer(request, found)
