"""Password rules: Django's validators, with every refusal in Dutch.

Django 5.2 changed the wording of the too-short message, and its Dutch catalogue still
translates the old one, so that refusal reached Dutch users in English (on the password
pages and in `koers setup`). This validator says it in our own catalogue.
"""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return ngettext(
            "This password is too short: it needs at least %(min_length)d character.",
            "This password is too short: it needs at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}
