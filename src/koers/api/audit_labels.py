"""What the audit log calls the writes of the API's keys."""

from django.utils.translation import gettext_lazy as _

KEY_CREATED = "api_token.created"
KEY_REVOKED = "api_token.revoked"
OPEN_DATA_PUBLISHED = "open_data.published"
OPEN_DATA_WITHDRAWN = "open_data.withdrawn"

ACTION_LABELS = {
    KEY_CREATED: _("API key created"),
    KEY_REVOKED: _("API key revoked"),
    OPEN_DATA_PUBLISHED: _("Programme published as open data"),
    OPEN_DATA_WITHDRAWN: _("Programme withdrawn from open data"),
}
