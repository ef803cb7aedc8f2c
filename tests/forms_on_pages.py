"""A page's own form, read back the way a browser would submit it.

Tests that must post what a user could post take the data from the rendered page instead
of writing it by hand, so a field added to a form later is posted too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

# Inputs a browser does not submit from a plain "Save" (buttons carry no data here; no
# file is chosen).
NOT_SUBMITTED = {"submit", "button", "image", "reset", "file"}


@dataclass
class Form:
    method: str
    action: str
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # name, value, kind

    def data(self) -> dict[str, Any]:
        """Name → value, or a list of values where a name occurs more than once."""
        values: dict[str, Any] = {}
        for name, value, _kind in self.fields:
            if name in values:
                previous = values[name]
                values[name] = (
                    [*previous, value] if isinstance(previous, list) else [previous, value]
                )
            else:
                values[name] = value
        return values

    def text_fields(self) -> list[str]:
        """Names of the fields a person types free text in: text areas first."""
        areas = [name for name, _value, kind in self.fields if kind == "textarea"]
        lines = [name for name, _value, kind in self.fields if kind == "text"]
        return areas + lines


@dataclass
class _Select:
    name: str
    multiple: bool
    options: list[list[Any]] = field(default_factory=list)  # [value or None, selected, text]


class _FormReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: _Select | None = None
        self._option: list[Any] | None = None
        self._textarea: list[str] | None = None  # [name, text]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "form":
            self._form = Form(found.get("method", "get").lower(), found.get("action", ""))
            self.forms.append(self._form)
            return
        if self._form is None or "disabled" in found:
            return
        name = found.get("name", "")
        if tag == "input" and name:
            kind = found.get("type", "text").lower()
            if kind in NOT_SUBMITTED or (kind in ("checkbox", "radio") and "checked" not in found):
                return
            if found.get("inputmode") in ("decimal", "numeric"):
                kind = "number"  # a localised number is typed in a text input
            default = "on" if kind in ("checkbox", "radio") else ""
            self._form.fields.append((name, found.get("value", default), kind))
        elif tag == "select" and name:
            self._select = _Select(name, "multiple" in found)
        elif tag == "option" and self._select is not None:
            self._option = [found.get("value"), "selected" in found, ""]
            self._select.options.append(self._option)
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea[1] += data
        elif self._option is not None:
            self._option[2] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "option":
            self._option = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            name, text = self._textarea
            # A browser drops the newline that directly follows <textarea>.
            self._form.fields.append((name, text.removeprefix("\n"), "textarea"))
            self._textarea = None
        elif tag == "select" and self._select is not None and self._form is not None:
            self._form.fields.extend(
                (self._select.name, value, "select") for value in _chosen(self._select)
            )
            self._select = None
        elif tag == "form":
            self._form = None


def _chosen(select: _Select) -> list[str]:
    values = [text.strip() if value is None else value for value, _sel, text in select.options]
    chosen = [value for value, option in zip(values, select.options, strict=True) if option[1]]
    if chosen or select.multiple or not values:
        return chosen
    return values[:1]  # a single select without a choice submits its first option


def form_posting_to(html: str, path: str) -> Form:
    """The page's form that posts to `path` (or to the page itself)."""
    reader = _FormReader()
    reader.feed(html)
    for form in reader.forms:
        if form.method == "post" and form.action.split("?")[0] in ("", path):
            return form
    raise AssertionError(f"The page offers no form that posts to {path}")
