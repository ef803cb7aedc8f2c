"""What the plans services share: the lists of fields their audit entries snapshot."""

from __future__ import annotations

REALISATION_FIELDS = ["date", "value", "municipality", "evidence_file", "evidence_url", "note"]
TARGET_FIELDS = ["value", "q1", "q2", "q3", "note"]
ACTIVITY_TEXT_FIELDS = ["title", "description", "outcome"]
ACTIVITY_FIELDS = [
    *ACTIVITY_TEXT_FIELDS,
    "role",
    "phase",
    "owner",
    "status",
    "target_date",
    "target_precision",
]
