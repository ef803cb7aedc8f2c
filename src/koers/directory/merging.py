"""Moving every link of a duplicate record to the record that stays, for any model: every
reverse relation (`reverse_relations`), so a relation added later by any app is moved
without this code knowing it. Used by the merges of organisations and of persons.

A many-to-many link both records have becomes one. A move that would make two rows one
under a unique constraint (both persons registered for the same event) is found before
anything moves and raised as `LinkCollision`, naming the records; the caller turns it
into its message, inside its transaction, so nothing changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, models, transaction


@dataclass
class LinkCollision(Exception):
    what: str  # the linking model's verbose name ("participant")
    records: list[str]  # what both are linked to ("Thema sport (10-06-2021)"), may be empty


def reverse_relations(model: type[models.Model]) -> list[Any]:
    """Every relation that points at `model`. Django's `_meta.related_objects` leaves out
    the links a field hides with `related_name="+"` (a statistics table's keeper, a
    budget's funder), which a merge must move all the same, or the duplicate it deletes is
    still protected by them. The hidden links of an automatic many-to-many table are left
    out: they move with their many-to-many."""
    fields: list[Any] = list(model._meta.get_fields(include_hidden=True))
    return [
        field
        for field in fields
        if field.auto_created
        and not field.concrete
        and (field.one_to_many or field.one_to_one or field.many_to_many)
        and not field.related_model._meta.auto_created
    ]


def links_of(model: type[models.Model], record: models.Model) -> list[tuple[str, int]]:
    """How many rows of each kind link to `record`, for the confirmation of a merge."""
    counted = []
    for relation in reverse_relations(model):
        related: Any = relation.related_model
        if relation.many_to_many:
            through = relation.through
            target = relation.field.m2m_reverse_field_name()
            count = through.objects.filter(**{target: record}).count()
        else:
            count = related._base_manager.filter(**{relation.field.name: record}).count()
        if count:
            counted.append((str(related._meta.verbose_name_plural), count))
    return counted


def move_links(
    model: type[models.Model], keep: models.Model, duplicate: models.Model
) -> dict[str, int]:
    """Point every link of `duplicate` at `keep`; returns how many moved per relation
    ("app.model.field"), those that moved any. Raises LinkCollision before moving
    anything when a unique constraint stands in the way."""
    relations = reverse_relations(model)
    for relation in relations:
        if not relation.many_to_many:
            _check_unique(relation, keep, duplicate)
    moved: dict[str, int] = {}
    for relation in relations:
        related: Any = relation.related_model
        label = f"{related._meta.label_lower}.{relation.field.name}"
        try:
            with transaction.atomic():
                moved[label] = _move(relation, keep, duplicate)
        except IntegrityError:  # a constraint the check above cannot see (a database one)
            raise LinkCollision(str(related._meta.verbose_name), []) from None
    return {label: count for label, count in moved.items() if count}


def _unique_sets(related: Any, name: str) -> list[list[str]]:
    """The other fields of each unique constraint of `related` that includes `name`."""
    sets = [list(fields) for fields in related._meta.unique_together]
    for constraint in related._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields:
            sets.append(list(constraint.fields))
    return [[f for f in fields if f != name] for fields in sets if name in fields]


def _check_unique(relation: Any, keep: models.Model, duplicate: models.Model) -> None:
    related: Any = relation.related_model
    name = relation.field.name
    rows = related._base_manager
    if relation.field.unique and all(  # one-to-one: both having one is a collision
        rows.filter(**{name: record}).exists() for record in (keep, duplicate)
    ):
        raise LinkCollision(str(related._meta.verbose_name), [])
    for others in _unique_sets(related, name):
        shared = (
            rows.filter(**{name: duplicate})
            .order_by()
            .values_list(*others)
            .intersection(rows.filter(**{name: keep}).order_by().values_list(*others))
        )
        clashes = list(shared)
        if not clashes:
            continue
        records = []
        for values in clashes[:5]:
            example = rows.filter(**{name: duplicate}, **dict(zip(others, values, strict=True)))
            row = example.first()
            records.append(", ".join(str(getattr(row, field)) for field in others))
        raise LinkCollision(str(related._meta.verbose_name), records)


def _move(relation: Any, keep: models.Model, duplicate: models.Model) -> int:
    model: Any = relation.related_model
    if relation.many_to_many:
        through = relation.through
        source = relation.field.m2m_field_name()
        target = relation.field.m2m_reverse_field_name()
        rows = list(
            through.objects.filter(**{target: duplicate}).values_list(f"{source}_id", flat=True)
        )
        for source_id in rows:
            through.objects.get_or_create(**{f"{source}_id": source_id, target: keep})
        through.objects.filter(**{target: duplicate}).delete()
        return len(rows)
    return int(
        model._base_manager.filter(**{relation.field.name: duplicate}).update(
            **{relation.field.name: keep}
        )
    )
