"""Every text field of every form refuses what cannot be stored, and text over its limit.

The forms are found, not listed: every form class defined in a Koers module (all of them
imported), the form of every class-based view in the URL patterns (sign-in, password
reset), and the add and change forms of every model in the admin with their inlines.
Each text field gets:

- a NUL, which PostgreSQL refuses to store;
- an escape character (U+001B) and a vertical tab (U+000B, Word's soft line break):
  control characters XML forbids, so that Word and Excel exports would fail on them;
- one character more than its limit (refused) and exactly its limit (accepted);

and must answer with an error on that field. A single-line text field needs a limit.
Passwords are never stored as typed (only their hash), so only the NUL applies to them.
A form that cannot be built without arguments needs an entry in RECIPES: the test fails
for a new form until it has one, so no form escapes.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django import forms
from django.contrib import admin
from django.test import RequestFactory
from django.urls import get_resolver
from django.utils import timezone

import koers
from koers.api.models import ApiScope
from koers.directory.models import Organisation
from koers.plans.models import Programme
from koers.signals.models import Meeting, Signal
from tests.conftest import World
from tests.test_url_access import walk

HOSTILE = {"NUL": "\x00", "escape": "\x1b", "vertical tab": "\x0b"}

FormFactory = Callable[[Any], forms.BaseForm]  # data → a bound form


def _import_every_koers_module() -> None:
    for module in pkgutil.walk_packages(koers.__path__, "koers."):
        if ".migrations" in module.name or module.name == "koers.wsgi":
            continue
        importlib.import_module(module.name)


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _abstract(cls: type) -> bool:
    """A model form without a model: a base to build forms on, never used itself."""
    return issubclass(cls, forms.ModelForm) and cls._meta.model is None


def koers_form_classes() -> list[type[forms.BaseForm]]:
    _import_every_koers_module()
    found = {
        c
        for c in _subclasses(forms.BaseForm)
        if c.__module__.startswith("koers.") and not _abstract(c)
    }
    return sorted(found, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def view_form_classes() -> list[type[forms.BaseForm]]:
    """The forms of class-based views in the URL patterns (Django's own, for sign-in and
    password reset, among them)."""
    found = set()
    for name, _route, callback in walk(get_resolver().url_patterns):
        view_class = getattr(callback, "view_class", None)
        form_class = getattr(view_class, "form_class", None)
        if form_class is not None and not name.startswith("admin:"):
            found.add(form_class)
    return sorted(found, key=lambda c: f"{c.__module__}.{c.__qualname__}")


def _name(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


FORM_CLASSES = sorted({*koers_form_classes(), *view_form_classes()}, key=_name)


def _own(world: World) -> int:
    return int(world.own.pk)


def _a_grant(world: World) -> Any:
    from tests.permission_matrix import a_grant

    return a_grant(world)


def _signals_of(world: World) -> Any:
    from koers.signals.models import Signal

    return Signal.objects.filter(holder=world.own)


def _grid_row(world: World) -> Any:
    from koers.work.grid import Row

    return Row(f"a{world.activity.pk}", world.activity, [None] * 7)


def _no_clients() -> Any:
    from koers.signals.models import Client

    return Client.objects.none()


def _a_case_type(world: World) -> Any:
    from tests.signals.matrix_cases import a_case_type

    return a_case_type(world)


def _case_types(world: World) -> Any:
    from koers.signals.models import CaseType

    _a_case_type(world)
    return CaseType.objects.filter(holder=world.own)


def _activities(world: World) -> Any:
    from koers.plans.models import Activity

    return Activity.objects.filter(pk=world.activity.pk)


# How to build the forms whose constructor needs more than the data: class name → a
# function of the world returning the arguments besides the data.
def _a_dataset(world: World) -> Any:
    from tests.insight.matrix import a_dataset

    return a_dataset(world)


def _a_key_figure(world: World) -> Any:
    from tests.insight.matrix import a_key_figure

    return a_key_figure(world)


RECIPES: dict[str, Callable[[World], dict[str, Any]]] = {
    "RealisationForm": lambda w: {"indicator": w.indicator},
    "AmendmentForm": lambda w: {"activity": w.activity},
    "ActivityCreateForm": lambda w: {"programme": w.programme},
    "TacticalGoalForm": lambda w: {"programme": w.programme},
    "StandingTaskForm": lambda w: {"programme": w.programme},
    "QuarterReportForm": lambda w: {"activity": w.activity, "computed": ""},
    "ReauthenticationForm": lambda w: {"with_second_factor": True},
    "InteractionForm": lambda w: {"holder_id": _own(w)},
    "ActionForm": lambda w: {"holder_id": _own(w)},
    "EventForm": lambda w: {"programmes": w.programme.plan.programmes.all(), "holder_id": _own(w)},
    "ParticipantForm": lambda w: {"holder_id": _own(w), "user": w.users["medewerker"]},
    "CommunicationForm": lambda w: {"programmes": w.programme.plan.programmes.all()},
    "HolderForm": lambda w: {"holders": type(w.own).objects.filter(pk=w.own.pk)},
    "PersonImportOptions": lambda w: {"holders": type(w.own).objects.filter(pk=w.own.pk)},
    "OpportunityForm": lambda w: {"holder_id": _own(w)},
    "RiskForm": lambda w: {"organisation_id": _own(w)},
    "ReserveForm": lambda w: {"organisation_id": _own(w), "years": [2021, 2022]},
    "PipelineFilterForm": lambda w: {"holder_ids": {_own(w)}},
    "NetworkForm": lambda w: {"holder_id": _own(w)},
    "InitiativeForm": lambda w: {"holder_id": _own(w)},
    "CollaborationForm": lambda w: {"holder_id": _own(w)},
    "GrantForm": lambda w: {"organisation_id": _own(w)},
    "GrantIndicatorForm": lambda w: {"grant": _a_grant(w)},
    "BudgetLineForm": lambda w: {"organisation_id": _own(w)},
    "ExpenseForm": lambda w: {"organisation_id": _own(w)},
    "PrepareForm": lambda w: {"organisation_ids": {_own(w)}},
    "ProjectForm": lambda w: {"user": w.users["directeur"], "organisation_id": _own(w)},
    "WeekForm": lambda w: {"rows": [_grid_row(w)], "addable": []},
    "ScoresForm": lambda w: {"holder_id": _own(w)},
    "ContactForm": lambda w: {"holder_id": _own(w), "shown": []},
    "NetworkViewForm": lambda w: {"holders": [w.own]},
    "RequestForm": lambda w: {"holders": [w.own, w.other_org]},
    "RequestFilterForm": lambda w: {"requesters": type(w.own).objects.all()},
    "FunnelStepForm": lambda w: {"current": "aangemeld"},
    "PoolHolderForm": lambda w: {"holders": [(w.own.pk, w.own.name)]},
    "PublicAvailabilityForm": lambda w: {"today": timezone.localdate()},
    "SignupForm": lambda w: {"today": timezone.localdate(), "consent_text": "Ik ga akkoord."},
    "TrajectoryForm": lambda w: {"holder_id": _own(w)},
    # signals: entry + public
    "SignalForm": lambda w: {"holder_id": _own(w)},
    "SignalFilterForm": lambda w: {"holder_ids": {_own(w)}, "years": [2021]},
    "InterpretForm": lambda w: {"holder_id": _own(w), "keep": None},
    "BundleForm": lambda w: {"visible": _signals_of(w)},
    "PublicSignalForm": lambda w: {"consent_text": "Ik ga akkoord."},
    # signals: agenda and categories
    "AgendaFilterForm": lambda w: {"meetings": Meeting.objects.filter(holder=w.own)},
    "AgendaItemForm": lambda w: {
        "meetings": Meeting.objects.filter(holder=w.own),
        "signals": Signal.objects.filter(holder=w.own),
        "editing": True,
    },
    "AgendaStepForm": lambda w: {"target": "teruggekoppeld"},
    "CategoryForm": lambda w: {"holder_id": _own(w)},
    # --- signals: cases ---
    "CaseOpenForm": lambda w: {"holder_id": _own(w), "clients": _no_clients()},
    "CaseEditForm": lambda w: {"holder_id": _own(w), "current": _a_case_type(w)},
    "CaseFilterForm": lambda w: {"case_types": _case_types(w)},
    "CaseHandOverForm": lambda w: {"holder_id": _own(w), "current": w.users["medewerker"]},
    "FigureChoiceForm": lambda w: {"dataset": _a_dataset(w)},
    "BenchmarkChoiceForm": lambda w: {"figures": [_a_key_figure(w)]},
    "KeyFigureForm": lambda w: {"user": w.users["directeur"]},
    "ResearchProjectForm": lambda w: {"user": w.users["directeur"]},
    "MeasurementForm": lambda w: {"indicator": w.indicator, "measure": "signals.received"},
    "RaiseSignalForm": lambda w: {"holder_id": _own(w)},
    # --- signals: analysis ---
    "AnalysisFilterForm": lambda w: {"holders": [(_own(w), str(w.own))], "preferred": _own(w)},
    "CaseTypeForm": lambda w: {"activities": _activities(w)},
    "VolunteerForm": lambda w: {"holder_id": _own(w), "case_types": _case_types(w)},
    # --- api ---
    "TokenForm": lambda w: {"scopes": {ApiScope.PLANS}},
    "PublishForm": lambda w: {
        "programmes": Programme.objects.filter(pk=w.programme.pk),
        "published": set(),
    },
    # --- privacy ---
    "RetentionForm": lambda w: {"organisations": Organisation.objects.filter(pk=w.own.pk)},
}
# Forms that take the user before the data (Django's password forms).
USER_FIRST = {"PasswordChangeForm", "SetPasswordForm", "AdminPasswordChangeForm"}


def factory_for(cls: type[forms.BaseForm], world: World) -> FormFactory:
    name = cls.__name__
    if name in USER_FIRST:
        user = world.users["medewerker"]
        return lambda data: cls(user, data=data)  # type: ignore[call-arg]
    kwargs = RECIPES[name](world) if name in RECIPES else {}
    return lambda data: cls(data=data, **kwargs)


ADMIN_MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label)


def admin_forms(model: Any) -> list[tuple[str, type[forms.BaseForm]]]:
    """(label, form class) of the admin pages of `model` that write: its add and change
    forms, and the forms of their inlines, as a superuser gets them."""
    from tests.accounts.factories import UserFactory

    request = RequestFactory().get("/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    model_admin = admin.site._registry[model]
    found: list[tuple[str, type[forms.BaseForm]]] = []
    for obj, step in ((None, "add"), (model(), "change")):
        allowed = (
            model_admin.has_add_permission(request)
            if obj is None
            else model_admin.has_change_permission(request, obj)
        )
        if not allowed:
            continue
        found.append((step, model_admin.get_form(request, obj)))
        for formset, inline in model_admin.get_formsets_with_inlines(request, obj):
            if inline.has_add_permission(request, obj) or inline.has_change_permission(
                request, obj
            ):
                found.append((f"{step}, inline {inline.model._meta.label}", formset.form))
    return found


def text_fields(form: forms.BaseForm) -> list[str]:
    return [name for name, field in form.fields.items() if isinstance(field, forms.CharField)]


def is_password(field: forms.Field) -> bool:
    return isinstance(field.widget, forms.PasswordInput)


def text_of_length(field: forms.Field, length: int) -> str:
    """A value of exactly `length` characters that the field's format accepts."""
    if isinstance(field, forms.EmailField):
        domain = "@example.org"
        return "a" * (length - len(domain)) + domain
    if isinstance(field, forms.URLField):
        start = "https://example.org/"
        return start + "a" * (length - len(start))
    return "a" * length


def problems_of(build: FormFactory) -> list[str]:
    """Everything wrong with one form's text fields, as readable lines."""
    problems: list[str] = []
    form = build(None)
    for name in text_fields(form):
        field = form.fields[name]
        key = form.add_prefix(name)

        def errors_for(value: str, key: str = key, name: str = name) -> dict[str, str]:
            """The field's errors for `value`: code → message."""
            bound = build({key: value})
            bound.is_valid()
            found = bound.errors.as_data().get(name, [])
            return {str(e.code): " ".join(e.messages) for e in found}

        kinds = {"NUL": HOSTILE["NUL"]} if is_password(field) else HOSTILE
        for kind, character in kinds.items():
            errors = errors_for(f"Tekst{character}tekst")
            if not errors:
                problems.append(f"{name}: {kind} accepted")
            elif not is_password(field) and f"U+{ord(character):04X}" not in str(errors):
                problems.append(f"{name}: {kind} refused without naming it: {errors}")
        if is_password(field):
            continue
        limit = getattr(field, "max_length", None)
        if limit is None:
            if not isinstance(field.widget, forms.Textarea | forms.HiddenInput):
                problems.append(f"{name}: a single-line text field without a limit")
            continue
        # By the codes of the errors: a field may refuse a value of its length for its
        # format too (an e-mail address, a number of hours), which is not the point here.
        if "max_length" not in errors_for(text_of_length(field, limit + 1)):
            problems.append(f"{name}: {limit + 1} characters accepted (limit {limit})")
        at_limit = errors_for(text_of_length(field, limit))
        if {"max_length", "unstorable"} & set(at_limit):
            problems.append(f"{name}: exactly {limit} characters refused: {at_limit}")
    return problems


@pytest.mark.parametrize("cls", FORM_CLASSES, ids=_name)
def test_every_text_field_refuses_what_cannot_be_stored(world: World, cls: type) -> None:
    try:
        build = factory_for(cls, world)
        build(None)
    except TypeError as error:
        pytest.fail(f"{_name(cls)} cannot be built ({error}): add it to RECIPES")
    problems = problems_of(build)
    assert not problems, f"{_name(cls)}:\n" + "\n".join(problems)


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.label)
def test_every_admin_form_refuses_what_cannot_be_stored(world: World, model: Any) -> None:
    problems = []
    for label, form_class in admin_forms(model):
        build: FormFactory = lambda data, c=form_class: c(data=data)  # noqa: E731
        problems += [f"{label}: {line}" for line in problems_of(build)]
    assert not problems, f"admin {model._meta.label}:\n" + "\n".join(problems)


def test_the_search_finds_the_forms() -> None:
    names = {cls.__name__ for cls in FORM_CLASSES}
    assert {"ActivityForm", "PersonForm", "AuthenticationForm", "PasswordResetForm"} <= names
