"""Password rules: Django's validators, with every refusal in Dutch; and how passwords are
stored (`Argon2idHasher`).

Django 5.2 changed the wording of the too-short message, and its Dutch catalogue still
translates the old one, so that refusal reached Dutch users in English (on the password
pages and in `koers setup`). This validator says it in our own catalogue.
"""

from __future__ import annotations

from django.contrib.auth import hashers, password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return ngettext(
            "This password is too short: it needs at least %(min_length)d character.",
            "This password is too short: it needs at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}


class Argon2idHasher(hashers.Argon2PasswordHasher):
    """Argon2id with the parameters OWASP's Password Storage Cheat Sheet gives as its first
    minimum (19 MiB of memory, 2 passes, 1 lane): an attacker pays the memory for every guess,
    while the server checks a password in a fraction of the CPU time that PBKDF2's 1,000,000
    iterations or Django's default Argon2 (100 MiB, 8 lanes) take (bench/README.md, "Sign-in").
    The algorithm's name stays "argon2": hashes with other parameters (Django's) are checked
    and stored again with these on the next sign-in, as PBKDF2 hashes are."""

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
