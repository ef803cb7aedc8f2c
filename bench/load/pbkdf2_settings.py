"""Koers's settings with Django's PBKDF2 as the only password hasher: the load test's "before"
for Argon2id (issue 23). Used only by the bench:

    DJANGO_SETTINGS_MODULE=pbkdf2_settings PYTHONPATH=bench/load bench/load/run.sh
"""

from koers.settings import *  # noqa: F403 (the same installation, one setting changed)

PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
