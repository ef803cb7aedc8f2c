"""Hostile text in every free-text field: stored exactly as typed, shown only escaped.

Each case submits a string through the real form, reads the stored value back, and opens
the page that shows it: the raw string must never appear as markup, its escaped form must.
Hypothesis adds generated strings (control and right-to-left marks, quotes, very long
input) to the fixed nasty ones.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from koers.directory.models import Person
from koers.plans.models import (
    Activity,
    ActivityComment,
    AdvisoryComment,
    Amendment,
    AnnualPlanStatus,
    Indicator,
    QuarterReport,
    Realisation,
    Target,
)
from tests.conftest import World
from tests.directory.factories import PersonFactory

NASTY = [
    '<script>alert("x")</script>',
    "\"'><img src=x onerror=alert(1)>",
    "Gemeente Urk \u202ekeerom\u202c en \u200fRTL",
    "{{ 7*7 }} {% now 'Y' %} %(name)s",
    "Zorg & Welzijn <b>vet</b> ‘aanhalingstekens’ “dubbel”",
    "x" * 280,
]


@dataclass(frozen=True)
class TextField:
    name: str
    submit: Callable[[World, str], Any]  # posts the text; returns the response
    stored: Callable[[World], str]  # reads the stored text back
    page: Callable[[World], str]  # the page that shows it


def _activity_form(world: World, **changes: str) -> dict[str, str]:
    activity = Activity.objects.get(pk=world.activity.pk)
    data = {
        "title": activity.title,
        "description": activity.description,
        "outcome": activity.outcome,
        "role": activity.role,
        "phase": activity.phase,
        "status": activity.status,
        "version": str(activity.version),
    }
    data.update(changes)
    return data


def _edit_activity(field: str) -> Callable[[World, str], Any]:
    def submit(world: World, text: str) -> Any:
        return world.client("directeur").post(
            reverse("plans:activity_edit", args=[world.activity.pk]),
            _activity_form(world, **{field: text}),
        )

    return submit


def _activity_page(world: World) -> str:
    return reverse("plans:activity", args=[world.activity.pk])


def _record_note(world: World, text: str) -> Any:
    return world.client("medewerker").post(
        reverse("plans:realisation_create", args=[world.indicator.pk]),
        {"date": "2021-05-02", "value": "1", "note": text},
    )


def _new_indicator(field: str) -> Callable[[World, str], Any]:
    def submit(world: World, text: str) -> Any:
        data = {"kind": "output", "title": "Indicator", "unit": "count", "aggregation": "sum"}
        data[field] = text
        return world.client("directeur").post(
            reverse("plans:indicator_create", args=[world.activity.pk]), data
        )

    return submit


def _target_note(world: World, text: str) -> Any:
    return world.client("directeur").post(
        reverse("plans:target_edit", args=[world.indicator.pk]),
        {"value": "7", "note": text, "version": str(Target.objects.get().version)},
    )


def _amendment_reason(world: World, text: str) -> Any:
    world.annual_plan.status = AnnualPlanStatus.ADOPTED
    world.annual_plan.save()
    return world.client("directeur").post(
        reverse("plans:amendment_create", args=[world.activity.pk]),
        {"field": "title", "new_value": "Nieuwe titel", "reason": text},
    )


def _advice(world: World, text: str) -> Any:
    world.annual_plan.status = AnnualPlanStatus.ADVICE
    world.annual_plan.save()
    return world.client("toezicht").post(
        reverse("plans:advisory_comment", args=[world.annual_plan.pk]), {"text": text}
    )


def _write_progress(field: str, **more: str) -> Callable[[World, str], Any]:
    def submit(world: World, text: str) -> Any:
        prefix = f"a{world.activity.pk}"
        update = QuarterReport.objects.first()
        data = {f"{prefix}-{name}": value for name, value in {**more, field: text}.items()}
        data[f"{prefix}-version"] = str(update.version if update else 0)
        return world.client("programmacoordinator").post(
            reverse("plans:programme_progress", args=[world.programme.pk, 2021, 2]), data
        )

    return submit


def _ask(world: World, text: str) -> Any:
    return world.client("opdrachtgever").post(
        reverse("plans:activity_comment", args=[world.activity.pk]), {"text": text}
    )


def _person(world: World) -> Person:
    person = Person.objects.first()
    return person or PersonFactory(holder=world.own)


def _edit_person(field: str) -> Callable[[World, str], Any]:
    def submit(world: World, text: str) -> Any:
        person = _person(world)
        data = {
            name: getattr(person, name)
            for name in ("first_name", "infix", "last_name", "email", "phone", "notes", "purpose")
        }
        data.update(lawful_basis=person.lawful_basis, version=str(person.version), **{field: text})
        return world.client("medewerker").post(
            reverse("directory:person_edit", args=[person.pk]), data
        )

    return submit


def _person_page(world: World) -> str:
    return reverse("directory:person", args=[_person(world).pk])


def _trajectory_note(world: World, text: str) -> Any:
    person = PersonFactory(holder=world.own)
    return world.client("medewerker").post(
        reverse("matching:trajectory_add"),
        {
            "kind": "sterk_in_je_werk",
            "person": str(person.pk),
            "started_on": "2021-03-01",
            "outcome": "lopend",
            "note": text,
        },
    )


def _trajectory() -> Any:
    from koers.matching.models import Trajectory

    return Trajectory.objects.get()


def _trajectory_page(world: World) -> str:
    return reverse("matching:trajectory", args=[_trajectory().pk])


FIELDS = [
    TextField(
        "activity title",
        _edit_activity("title"),
        lambda w: Activity.objects.get(pk=w.activity.pk).title,
        _activity_page,
    ),
    TextField(
        "activity description",
        _edit_activity("description"),
        lambda w: Activity.objects.get(pk=w.activity.pk).description,
        _activity_page,
    ),
    TextField(
        "intended outcome",
        _edit_activity("outcome"),
        lambda w: Activity.objects.get(pk=w.activity.pk).outcome,
        _activity_page,
    ),
    TextField(
        "realisation note",
        _record_note,
        lambda w: Realisation.objects.get().note,
        _activity_page,
    ),
    TextField(
        "indicator title",
        _new_indicator("title"),
        lambda w: Indicator.objects.latest("pk").title,
        _activity_page,
    ),
    TextField(
        "means of verification",
        _new_indicator("verification"),
        lambda w: Indicator.objects.latest("pk").verification,
        _activity_page,
    ),
    TextField("target note", _target_note, lambda w: Target.objects.get().note, _activity_page),
    TextField("person notes", _edit_person("notes"), lambda w: _person(w).notes, _person_page),
    TextField(
        "person purpose", _edit_person("purpose"), lambda w: _person(w).purpose, _person_page
    ),
    TextField(
        "amendment reason",
        _amendment_reason,
        lambda w: Amendment.objects.get().reason,
        _activity_page,
    ),
    TextField(
        "quarter's narrative",
        _write_progress("narrative"),
        lambda w: QuarterReport.objects.get().narrative,
        lambda w: _activity_page(w) + "?peildatum=2021-06-30",
    ),
    TextField(
        "reason for a status override",
        _write_progress("override_reason", status_override="behind"),
        lambda w: QuarterReport.objects.get().override_reason,
        lambda w: _activity_page(w) + "?peildatum=2021-06-30",
    ),
    TextField(
        "question on an activity",
        _ask,
        lambda w: ActivityComment.objects.get().text,
        _activity_page,
    ),
    TextField(
        "note on a trajectory (Extra handen)",
        _trajectory_note,
        lambda w: _trajectory().note,
        _trajectory_page,
    ),
    TextField(
        "advice",
        _advice,
        lambda w: AdvisoryComment.objects.get().text,
        lambda w: reverse("plans:annual_plan", args=[w.annual_plan.pk]),
    ),
]


def check(world: World, field: TextField, text: str) -> None:
    response = field.submit(world, text)
    assert response.status_code == 302, f"{field.name}: not saved ({response.status_code})"
    assert field.stored(world) == text, f"{field.name}: stored differently"
    html = world.client("directeur").get(field.page(world)).content.decode()
    if re.search(r"<[A-Za-z!/?]", text):  # could form markup if shown raw
        assert text not in html, f"{field.name}: shown unescaped"
    assert escape(text) in html or escape(text)[:120] in html, f"{field.name}: not shown"


@pytest.mark.parametrize("field", FIELDS, ids=[f.name for f in FIELDS])
@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_nasty_text_is_stored_unchanged_and_shown_escaped(
    world: World, field: TextField, text: str
) -> None:
    check(world, field, text)


# Printable text without surrounding whitespace (forms trim it, as users expect) and
# without characters a text field refuses outright (NUL, other control characters).
generated = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"
        ),
        min_size=1,
        max_size=120,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(
    max_examples=15,
    database=None,  # nothing written to the work tree
    derandomize=True,  # the same examples every run
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=generated)
def test_generated_text_in_a_realisation_note(world: World, text: str) -> None:
    Realisation.objects.all().delete()
    check(world, FIELDS[3], text)
