"""What the audit log calls the writes of the API's keys."""

from django.utils.translation import gettext_lazy as _

KEY_CREATED = "api_token.created"
KEY_REVOKED = "api_token.revoked"

ACTION_LABELS = {
    KEY_CREATED: _("API key created"),
    KEY_REVOKED: _("API key revoked"),
}
