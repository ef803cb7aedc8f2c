"""What the audit log calls the writes of the API's keys."""

from django.utils.translation import gettext_lazy as _

TOKEN_CREATED = "api_token.created"
TOKEN_REVOKED = "api_token.revoked"

ACTION_LABELS = {
    TOKEN_CREATED: _("API key created"),
    TOKEN_REVOKED: _("API key revoked"),
}
