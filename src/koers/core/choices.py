"""Choices of records: sorted by what they show, and searchable where they are many.

`LabelSortedChoices` orders every model choice by its label, without regard to case, so an
organisation shown by its short name sits where a reader looks for it (the database's
order is by a column, often not the one shown). The base forms in `core/forms.py` use it
for every model choice field.

`SearchChoiceField` and `SearchMultipleChoiceField` pick records from a queryset too large
for a select (persons, organisations): rendered by the widgets of `core/widgets.py`, fed by
a search endpoint (`search_answer`) that searches the same fields. Whatever is posted, the
value is a record of the field's queryset (which the form limits to what the user may
see), never an id taken on trust.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise as StrPromise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from koers.core.forms import SEARCH_LENGTH, Form, SearchForm, refuse_unstorable
from koers.core.text import first_unstorable
from koers.core.widgets import (
    SearchHiddenInput,
    SearchMultipleHiddenInput,
    SearchSelect,
    SearchSelectMultiple,
    SearchValue,
)

# At most this many records answer a search: enough to choose from, few enough to read.
MAX_RESULTS = 20


def matching(queryset: QuerySet[Any], fields: Sequence[str], text: str) -> QuerySet[Any]:
    """The records of `queryset` with every word of `text` in one of `fields`
    (case-insensitively, in the database)."""
    for word in text.split():
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset.distinct() if any("__" in name for name in fields) else queryset


def best_matches(
    queryset: QuerySet[Any], fields: Sequence[str], text: str, label: Any = str
) -> tuple[list[tuple[Any, str]], bool]:
    """Up to MAX_RESULTS (id, label) pairs matching `text`, sorted by label, and whether
    there are more. One query."""
    found = list(matching(queryset, fields, text)[: MAX_RESULTS + 1])
    more = len(found) > MAX_RESULTS
    return Found(text, found[:MAX_RESULTS], more, label).options(), more


class _Searchable:
    """What the two search fields share: the search and what the widget shows."""

    queryset: Any
    search_fields: Sequence[str]
    search_url: str | StrPromise
    error_messages: dict[str, Any]
    required: bool

    label_from_instance: Callable[[Any], str]  # ModelChoiceField's, after this in the MRO

    def __init__(
        self,
        queryset: QuerySet[Any],
        *,
        search_fields: Sequence[str],
        search_url: str | StrPromise = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(queryset, **kwargs)  # type: ignore[call-arg]  # the model field's
        self.search_fields = search_fields
        self.search_url = search_url

    def matches(self, text: str) -> tuple[list[tuple[Any, str]], bool]:
        if not _searchable(text):
            return [], False
        return best_matches(self.queryset, self.search_fields, text, self.label_from_instance)

    def _records(self, picked: Sequence[Any]) -> list[Model]:
        ids = [int(value) for value in picked if str(value).isdigit() and len(str(value)) < 10]
        if len(ids) != len(picked):
            raise _not_available()
        return list(self.queryset.filter(pk__in=ids)) if ids else []

    def _labelled(self, records: Sequence[Model]) -> list[tuple[Any, str]]:
        pairs = [(obj.pk, str(self.label_from_instance(obj))) for obj in records]
        return sorted(pairs, key=lambda pair: pair[1].casefold())

    def _no_choice_yet(self, text: str) -> ValidationError:
        found, _more = self.matches(text)
        if not found:
            return ValidationError(
                _("Nothing matches “%(text)s”. Try another part of the name."),
                code="no_match",
                params={"text": text},
            )
        return ValidationError(
            ngettext(
                "%(count)s match for “%(text)s”: choose it below.",
                "%(count)s matches for “%(text)s”: choose one below.",
                len(found),
            ),
            code="choose_match",
            params={"count": len(found), "text": text},
        )

    def shown(self, value: Any, *, multiple: bool) -> dict[str, Any]:
        """What the widget shows for `value` (a SearchValue when the form was posted, else
        the initial id or ids): the chosen records, the text in the box and the matches to
        choose from (after a search without JavaScript)."""
        if isinstance(value, SearchValue):
            picked, text = value.picked, (value.text or "").strip()[:SEARCH_LENGTH]
        else:
            ids = value if isinstance(value, list | tuple) else [value]
            picked, text = [str(v) for v in ids if v not in (None, "")], ""
        try:
            chosen = self._labelled(self._records(picked))
        except ValidationError:
            chosen = []
        if not multiple and isinstance(value, SearchValue) and value.text is not None and not text:
            chosen = []  # she emptied the box: no choice
        searching = bool(text) and _not_among(chosen, self, text)
        if not multiple and chosen and text == chosen[0][1]:
            searching = False
        matches, more = self.matches(text) if searching else ([], False)
        if not multiple:
            chosen = [] if searching else chosen[:1]
            text = text if searching else (chosen[0][1] if chosen else "")
        chosen_ids = {pk for pk, _label in chosen}
        return {
            "chosen": chosen,
            "text": text if searching or not multiple else "",
            "matches": [pair for pair in matches if pair[0] not in chosen_ids],
            "searched": searching,
            "more": more,
            "url": self.search_url,
        }


def _searchable(text: str) -> bool:
    """Whether `text` may go into a query: clean refuses the others with a message (and
    PostgreSQL would refuse a NUL in the query)."""
    return first_unstorable(text) is None and len(text) <= SEARCH_LENGTH


def _refuse_search_text(text: str) -> None:
    if len(text) > SEARCH_LENGTH:
        raise ValidationError(_("Type a shorter part of the name."), code="max_length")
    refuse_unstorable(text)


def _not_available() -> ValidationError:
    return ValidationError(
        _("That choice is not available (any more). Search again and choose."),
        code="invalid_choice",
    )


def _not_among(chosen: Sequence[tuple[Any, str]], search: _Searchable, text: str) -> bool:
    """Whether none of the chosen records matches `text`: then `text` is a new search."""
    ids = [pk for pk, _label in chosen]
    if not ids or not _searchable(text):
        return True
    return not matching(search.queryset.filter(pk__in=ids), search.search_fields, text).exists()


class SearchChoiceField(_Searchable, forms.ModelChoiceField):
    """One record of `queryset`, searched in `search_fields` through the endpoint at
    `search_url`.

    The posted id counts only when the text beside it still names that record (its label,
    or a text it matches); otherwise the text is a search, and the form answers with the
    matches to choose from. An empty text means no choice."""

    widget = SearchSelect
    hidden_widget = SearchHiddenInput

    def clean(self, value: Any) -> Any:
        if not isinstance(value, SearchValue):
            value = SearchValue(picked=[] if value in (None, "") else [str(value)], text=None)
        if value.text is None and value.picked:  # an id alone: taken if it is a choice
            records = self._records(value.picked[:1])
            if not records:
                raise _not_available()
            return records[0]
        text = (value.text or "").strip()
        _refuse_search_text(text)
        records = self._records(value.picked[:1])
        if value.picked and not records:
            raise _not_available()  # never a silent "no choice" for an id we do not offer
        if not text:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        if records:
            record = records[0]
            if text == str(self.label_from_instance(record)) or not _not_among(
                [(record.pk, "")], self, text
            ):
                return record
        raise self._no_choice_yet(text)

    def has_changed(self, initial: Any, data: Any) -> bool:
        picked = data.picked[:1] if isinstance(data, SearchValue) else [data]
        before = initial.pk if isinstance(initial, Model) else initial
        return [str(v) for v in picked if v not in (None, "")] != (
            [] if before in (None, "") else [str(before)]
        )


class SearchMultipleChoiceField(_Searchable, forms.ModelMultipleChoiceField):
    """Records of `queryset`: the ticked ones. A text typed beside them is a search unless
    a ticked record matches it (she ticked what the search found)."""

    widget = SearchSelectMultiple
    hidden_widget = SearchMultipleHiddenInput

    def clean(self, value: Any) -> Any:
        if not isinstance(value, SearchValue):
            picked = value if isinstance(value, list | tuple) else [value]
            value = SearchValue(picked=[str(v) for v in picked if v not in (None, "")], text=None)
        records = self._records(value.picked)
        if len(records) != len(set(value.picked)):
            raise _not_available()
        text = (value.text or "").strip()
        _refuse_search_text(text)
        if text and _not_among(self._labelled(records), self, text):
            raise self._no_choice_yet(text)
        if self.required and not records:
            raise ValidationError(self.error_messages["required"], code="required")
        return self.queryset.filter(pk__in=[r.pk for r in records])

    def has_changed(self, initial: Any, data: Any) -> bool:
        picked = data.picked if isinstance(data, SearchValue) else (data or [])
        before = [v.pk if isinstance(v, Model) else v for v in (initial or [])]
        return {str(v) for v in picked} != {str(v) for v in before}


class SearchScope(Form):
    """What a search endpoint narrows its answer to, named in its address by the form
    that uses it: the persons of one holder, or every organisation but one (the holder
    itself). A wrong value narrows nothing away that she may see; it answers nothing."""

    houder = forms.IntegerField(required=False, min_value=1, max_value=2_147_483_647)
    behalve = forms.IntegerField(required=False, min_value=1, max_value=2_147_483_647)

    def narrowed(self, queryset: Any, field: str) -> Any:
        if not self.is_valid():
            return queryset.none()
        value = self.cleaned_data[{"holder_id": "houder", "pk": "behalve"}[field]]
        if value is None:
            return queryset
        if field == "holder_id":
            return queryset.filter(holder_id=value)
        return queryset.exclude(pk=value)


@dataclass(frozen=True)
class Found:
    """The answer to one search: the text, the records (at most MAX_RESULTS) and whether
    there are more."""

    text: str
    records: list[Any]
    more: bool
    label: Callable[[Any], Any] = str

    def options(self) -> list[tuple[Any, str]]:
        pairs = [(obj.pk, str(self.label(obj))) for obj in self.records]
        return sorted(pairs, key=lambda pair: pair[1].casefold())


def search_for(
    request: HttpRequest,
    queryset: QuerySet[Any],
    fields: Sequence[str],
    label: Callable[[Any], Any] = str,
) -> Found:
    """The records of `queryset` (which the caller limits to what the user may see) that
    match the text in `q` of the query string: one query. A refused or empty text finds
    nothing."""
    form = SearchForm(request.GET)
    text = str(form.cleaned_data["q"]).strip() if form.is_valid() else ""
    if not text:
        return Found(text, [], False, label)
    found = list(matching(queryset, fields, text)[: MAX_RESULTS + 1])
    return Found(text, found[:MAX_RESULTS], len(found) > MAX_RESULTS, label)


def search_answer(request: HttpRequest, found: Found) -> HttpResponse:
    """The answer of a search endpoint: the options of a combobox's listbox, an htmx
    fragment."""
    return render(
        request,
        "core/_search_options.html",
        {"options": found.options(), "more": found.more, "text": found.text, "limit": MAX_RESULTS},
    )
