"""Importing a newer or finer set of municipal boundaries (`koers import_boundaries`).

The file is read with `koers.core.geo.parse_boundaries`; a file that is not TopoJSON or
GeoJSON of municipalities with CBS codes is refused with a message that says why, and
nothing is stored. An import replaces the whole stored set in one transaction (a boundary
that is no longer in the file is no longer a municipality: merged away), and
`koers.core.geo.current_boundaries` uses it from then on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.core.audit import audit_write
from koers.core.geo import BoundaryFileError, MunicipalityShape, current_boundaries
from koers.core.geo import parse_boundaries as parse
from koers.core.models import MunicipalityBoundary

IMPORTED = "boundaries.imported"


@dataclass
class BoundaryChanges:
    """What an import changes against the boundaries in force: codes added, changed (another
    geometry or name), removed, and how many stay the same."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def as_audit(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "changed": self.changed,
            "removed": self.removed,
            "unchanged": self.unchanged,
        }


def refusal(error: BoundaryFileError) -> str:
    """What is wrong with the file, in the user's language."""
    reasons = {
        "not JSON": _("The file is not valid JSON."),
        "not a JSON object": _("The file is not a TopoJSON or GeoJSON object."),
        "neither a TopoJSON Topology nor a GeoJSON FeatureCollection": _(
            "The file is neither TopoJSON (a Topology) nor GeoJSON (a FeatureCollection)."
        ),
        "geometry that cannot be read": _("The file holds a geometry that cannot be read."),
        "a municipality without a CBS code (statcode GM….)": _(
            "The file holds a municipality without a CBS code (the property statcode, "
            "GM followed by four digits)."
        ),
        "no municipalities": _("The file holds no municipalities."),
    }
    return str(reasons.get(str(error), _("The file cannot be read as municipal boundaries.")))


def _geometry(shape: MunicipalityShape) -> Any:
    # Through JSON, so tuples and lists compare equal with what the database gives back.
    return json.loads(json.dumps(shape.as_geojson_geometry()))


def boundary_changes(shapes: dict[str, MunicipalityShape]) -> BoundaryChanges:
    """What importing `shapes` would change against the boundaries in force."""
    current = current_boundaries()
    changes = BoundaryChanges()
    for code, shape in sorted(shapes.items()):
        before = current.get(code)
        if before is None:
            changes.added.append(code)
        elif before.name != shape.name or _geometry(before) != _geometry(shape):
            changes.changed.append(code)
        else:
            changes.unchanged += 1
    changes.removed = sorted(set(current) - set(shapes))
    return changes


def boundaries_import(*, text: str, source: str, dry_run: bool = False) -> BoundaryChanges:
    """Store the boundaries in `text` (TopoJSON or GeoJSON with CBS codes) as the set in
    force, replacing any imported before; with `dry_run` only say what would change.
    Raises BoundaryFileError (see `refusal`) and stores nothing when the file is refused."""
    shapes = parse(text)
    changes = boundary_changes(shapes)
    if dry_run:
        return changes
    now = timezone.now()
    with transaction.atomic():
        MunicipalityBoundary.objects.all().delete()
        stored = MunicipalityBoundary.objects.bulk_create(
            MunicipalityBoundary(
                code=code,
                name=shape.name[:100],
                geometry=_geometry(shape),
                source=source[:300],
                imported_at=now,
            )
            for code, shape in sorted(shapes.items())
        )
        # No user: the command is run on the server. One entry for the whole set.
        audit_write(
            actor=None,
            action=IMPORTED,
            instance=stored[0],
            context="boundaries",
            after={"source": source[:300], "municipalities": len(stored), **changes.as_audit()},
        )
    return changes
