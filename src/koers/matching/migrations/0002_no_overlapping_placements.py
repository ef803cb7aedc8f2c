"""On PostgreSQL, the database itself refuses two holding placements of one candidate whose
time ranges overlap: an exclusion constraint over (candidate, time range) with btree_gist.
SQLite has no such constraint; there the confirming service's check with the candidate's row
locked (`koers.matching` placements) is the guard, as it is on PostgreSQL too."""

from django.db import migrations

CONSTRAINT = "matching_placement_no_overlap"


def add_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # btree_gist is a trusted extension (PostgreSQL 13+): a database owner may create it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    schema_editor.execute(
        f"ALTER TABLE matching_placement ADD CONSTRAINT {CONSTRAINT} "
        "EXCLUDE USING gist (candidate_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) "
        "WHERE (status IN ('bevestigd', 'plaatsgevonden'))"
    )


def drop_constraint(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE matching_placement DROP CONSTRAINT {CONSTRAINT}")


class Migration(migrations.Migration):
    dependencies = [("matching", "0001_pool_requests_placements")]

    operations = [migrations.RunPython(add_constraint, drop_constraint)]
