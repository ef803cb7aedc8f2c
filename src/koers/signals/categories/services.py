"""Writes to the category tree of signals: adding a category, changing one (rename, move
under another main category, deactivate), and seeding a new organisation's tree from the
themes the seeds name. A category is never deleted once a signal uses it; deactivating it
takes it out of the choices for new signals while the signals it holds keep it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.core.audit import audit_write, snapshot
from koers.core.versioning import lock_for_edit
from koers.directory.models import Organisation
from koers.signals.access import may_manage_signals
from koers.signals.categories.seed import SEED_TREE
from koers.signals.models import Category

CATEGORY_FIELDS = ["name", "parent", "description", "active", "position"]


def _check_place(
    *, holder_id: int, category: Category | None, name: str, parent: Category | None
) -> None:
    """Refuse a parent that is no main category of the same holder, a main category with
    sub-categories moved under another, and a name its siblings already carry."""
    if not name.strip():
        raise ValidationError({"name": _("Give the category a name.")})
    if parent is not None:
        if parent.holder_id != holder_id or parent.parent_id is not None:
            raise ValidationError({"parent": _("Choose a main category of this organisation.")})
        if category is not None and parent.pk == category.pk:
            raise ValidationError({"parent": _("A category cannot be its own main category.")})
        if category is not None and category.children.exists():
            raise ValidationError(
                {
                    "parent": _(
                        "This main category has sub-categories; move them first, as the tree "
                        "has two levels."
                    )
                }
            )
    siblings = Category.objects.filter(holder_id=holder_id, parent=parent, name__iexact=name)
    if category is not None:
        siblings = siblings.exclude(pk=category.pk)
    if siblings.exists():
        raise ValidationError(
            {"name": _("A category with this name already exists at this place in the tree.")}
        )


@transaction.atomic
def category_create(
    *,
    actor: Any,
    holder: Organisation,
    name: str,
    parent: Category | None = None,
    description: str = "",
    position: int = 0,
    remote_addr: str | None = None,
) -> Category:
    """A new category of `holder`: a main category, or a sub-category under `parent`."""
    if not may_manage_signals(actor, holder.pk):
        raise PermissionDenied
    name = name.strip()
    _check_place(holder_id=holder.pk, category=None, name=name, parent=parent)
    category = Category(
        holder=holder,
        parent=parent,
        name=name,
        description=description.strip(),
        position=position,
    )
    category.full_clean(exclude=["holder", "parent"], validate_constraints=False)
    category.save()
    audit_write(
        actor=actor,
        action="signal_category.created",
        instance=category,
        after=snapshot(category, CATEGORY_FIELDS),
        remote_addr=remote_addr,
        organisation_id=holder.pk,
    )
    return category


@transaction.atomic
def category_save(
    *,
    actor: Any,
    category: Category,
    name: str,
    parent: Category | None,
    description: str = "",
    active: bool = True,
    position: int = 0,
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> Category:
    """Rename, move (a sub-category under another main category; a main category without
    sub-categories under one), describe, order or (de)activate a category. A main category
    is deactivated only once its sub-categories are, and a sub-category is reactivated
    only under an active main category, so the choices for new signals stay a tree."""
    if not may_manage_signals(actor, category.holder_id):
        raise PermissionDenied
    locked = lock_for_edit(category, expected_version)
    name = name.strip()
    _check_place(holder_id=locked.holder_id, category=locked, name=name, parent=parent)
    if not active and locked.children.filter(active=True).exists():
        raise ValidationError(
            {"active": _("Deactivate or move its sub-categories first; they are still in use.")}
        )
    if active and parent is not None and not Category.objects.get(pk=parent.pk).active:
        raise ValidationError(
            {"parent": _("This main category is no longer in use; choose one that is.")}
        )
    before = snapshot(locked, CATEGORY_FIELDS)
    locked.name = name
    locked.parent = parent
    locked.description = description.strip()
    locked.active = active
    locked.position = position
    locked.full_clean(exclude=["holder", "parent"], validate_constraints=False)
    locked.save(update_fields=["name", "parent", "description", "active", "position", "version"])
    audit_write(
        actor=actor,
        action="signal_category.saved",
        instance=locked,
        before=before,
        after=snapshot(locked, CATEGORY_FIELDS),
        remote_addr=remote_addr,
        organisation_id=locked.holder_id,
    )
    return locked


@transaction.atomic
def categories_seed(
    holder: Organisation, *, actor: Any = None, remote_addr: str | None = None
) -> list[Category]:
    """The themes of the seeds as `holder`'s tree (`SEED_TREE`): every main category and
    sub-category it lacks, by name; what it already has is left as it is (renamed or
    deactivated ones too), so seeding twice changes nothing. With an `actor` (the page's
    button) she must manage signals; without, it is the installation's own set-up (the
    demo, a management command). Returns the categories it made."""
    if actor is not None and not may_manage_signals(actor, holder.pk):
        raise PermissionDenied
    existing = {
        (c.parent.name if c.parent is not None else None, c.name): c
        for c in Category.objects.filter(holder_id=holder.pk).select_related("parent")
    }
    made: list[Category] = []
    for main_position, (main_name, sub_names) in enumerate(SEED_TREE, start=1):
        main = existing.get((None, main_name))
        if main is None:
            main = Category.objects.create(
                holder=holder, name=main_name, position=main_position * 10
            )
            made.append(main)
        for sub_position, sub_name in enumerate(sub_names, start=1):
            if (main_name, sub_name) not in existing:
                made.append(
                    Category.objects.create(
                        holder=holder, parent=main, name=sub_name, position=sub_position * 10
                    )
                )
    for category in made:
        audit_write(
            actor=actor,
            action="signal_category.seeded",
            instance=category,
            after=snapshot(category, CATEGORY_FIELDS),
            remote_addr=remote_addr,
            organisation_id=holder.pk,
        )
    return made
