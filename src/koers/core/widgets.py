"""Searchable choices: a text box that finds records on the server, instead of a select of
hundreds of options (issue 16, item 7).

The widgets render the same way with and without JavaScript; `koers.js` turns the text box
into an ARIA 1.2 combobox whose listbox htmx fills from the search endpoint named by the
field. Without JavaScript the text box is a search: saving the form with a text that names
no chosen record answers the form again, with the records that match as radio buttons (one
choice) or checkboxes (several) to choose from. The fields are in `core/choices.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms

# The name of the text box beside the field's own name: `person` holds the chosen id,
# `person_zoek` the text typed.
TEXT_SUFFIX = "_zoek"


@dataclass(frozen=True)
class SearchValue:
    """What a searchable field received: the ids ticked or picked, and the text typed
    (None when no text box was posted: a client that posts the id alone, as tests do)."""

    picked: list[str] = field(default_factory=list)
    text: str | None = ""


class SearchHiddenInput(forms.HiddenInput):
    """The value she saw of a searchable field, posted back beside it
    (`show_hidden_initial`): the chosen id."""

    def format_value(self, value: Any) -> Any:
        if isinstance(value, SearchValue):
            value = value.picked[0] if value.picked else None
        return super().format_value(value)


class SearchMultipleHiddenInput(forms.MultipleHiddenInput):
    """The values she saw of a field of several searchable choices: the chosen ids."""

    def format_value(self, value: Any) -> Any:
        if isinstance(value, SearchValue):
            value = value.picked
        return super().format_value(value)


class SearchSelect(forms.widgets.ChoiceWidget):
    """One record, searched by name. Its field (`core.choices.SearchChoiceField`) supplies
    the labels of the chosen record and of the matches, and the endpoint's address."""

    template_name = "core/widgets/search_select.html"
    allow_multiple_selected = False
    add_id_index = False  # the label points at the text box, whose id is the field's

    def value_from_datadict(self, data: Any, files: Any, name: str) -> SearchValue:
        picked = data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        if not isinstance(picked, list | tuple):
            picked = [picked]
        return SearchValue(
            picked=[str(value) for value in picked if value not in (None, "")],
            text=None if data.get(name + TEXT_SUFFIX) is None else str(data[name + TEXT_SUFFIX]),
        )

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data and name + TEXT_SUFFIX not in data

    def format_value(self, value: Any) -> Any:
        return value  # the field's `shown` reads it: a SearchValue, an instance or an id

    def get_context(self, name: str, value: Any, attrs: Any) -> dict[str, Any]:
        context = forms.Widget.get_context(self, name, value, attrs)
        search_field: Any = self.choices.field  # type: ignore[attr-defined]  # a ModelChoiceIterator knows its field
        context["widget"].update(search_field.shown(value, multiple=self.allow_multiple_selected))
        context["widget"]["text_name"] = name + TEXT_SUFFIX
        context["widget"]["multiple"] = self.allow_multiple_selected
        if self.allow_multiple_selected:  # the ticked boxes are the value, not the text
            context["widget"]["attrs"].pop("required", None)
        return context


class SearchSelectMultiple(SearchSelect):
    """Several records: the chosen ones as ticked checkboxes, and a text box to add more."""

    allow_multiple_selected = True
