"""What the audit log calls the writes of privacy."""

from django.utils.translation import gettext_lazy as _

RETENTION_SET = "organisation.person_retention_set"

ACTION_LABELS = {RETENTION_SET: _("Retention of persons set")}
