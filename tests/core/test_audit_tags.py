"""History rows name fields as users know them, also in entries written before a model was
renamed (the audit trail is append-only: old entries keep the old model label)."""

from __future__ import annotations

import pytest
from django.utils import translation

from koers.core.templatetags.audit_tags import change_value, field_label
from koers.plans.progress import Status


@pytest.mark.parametrize("label", ["plans.quarterreport", "plans.activityupdate"])
def test_a_field_is_named_under_its_models_label_old_or_new(label: str) -> None:
    with translation.override("nl"):
        assert field_label(label, "narrative") == "wat er dit kwartaal gebeurde"
        assert change_value(label, "status_override", Status.BEHIND) == str(Status.BEHIND.label)


def test_an_unknown_model_or_field_shows_the_raw_name() -> None:
    assert field_label("plans.nosuchmodel", "narrative") == "narrative"
    assert field_label("plans.quarterreport", "nosuchfield") == "nosuchfield"
    assert change_value("plans.nosuchmodel", "status", "behind") == "behind"
