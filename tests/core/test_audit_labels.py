"""How the history of changes names a field: its verbose name, or for a reverse relation
(an event's participants, written into the change by a merge) the related model's name."""

from __future__ import annotations

from koers.core.templatetags.audit_tags import field_label


def test_a_field_is_named_by_its_verbose_name() -> None:
    assert field_label("relations.event", "title") == "titel"


def test_a_reverse_relation_is_named_by_its_model_instead_of_failing() -> None:
    # Before: AttributeError ('ManyToOneRel' has no verbose_name), a 500 on the audit log.
    assert field_label("relations.event", "participants") == "deelnemers"


def test_an_unknown_field_keeps_its_name() -> None:
    assert field_label("relations.event", "no_such_field") == "no_such_field"
