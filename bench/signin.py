"""What a successful sign-in costs the server, with the password hashed by PBKDF2 (Django's
default, 1,000,000 iterations in Django 5.2), by Django's Argon2 (100 MiB, 8 lanes) and by
Koers's Argon2id (19 MiB, 2 passes, 1 lane: `koers.accounts.passwords.Argon2idHasher`, the
first hasher since issue 23), in the same run; and what an older account's first sign-in
after the change costs (it checks the old hash once and stores Argon2id).

    .venv/bin/python bench/signin.py            # SQLite, in a temporary data directory
    DATABASE_URL=postgres://…/koers_bench .venv/bin/python bench/signin.py

Each row: the median over BENCH_ROUNDS sign-ins of the password step (POST to the sign-in
page, through the whole middleware stack, as Django's test client sends it) in CPU time of
this process (`time.process_time`, which counts every thread of the hasher) and in wall
time, and the hash check alone. Not part of the test suite's pass or fail; the figures go
into bench/README.md.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable

os.environ.setdefault("KOERS_DATA_DIR", tempfile.mkdtemp(prefix="koers-bench-signin-"))
os.environ["KOERS_DEMO"] = "1"
os.environ["KOERS_TWO_FACTOR_WAIVED"] = "1"  # the password step only: what the hasher costs
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "koers.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import check_password, make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from koers.accounts.models import User  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))
PASSWORD = "Zeven-lange-woorden-voor-de-bench"  # noqa: S105 (a bench user's)
PBKDF2 = "django.contrib.auth.hashers.PBKDF2PasswordHasher"
DJANGO_ARGON2 = "django.contrib.auth.hashers.Argon2PasswordHasher"
KOERS_ARGON2 = "koers.accounts.passwords.Argon2idHasher"
NAMES = {
    PBKDF2: "PBKDF2 (1,000,000)",
    DJANGO_ARGON2: "Argon2id, Django's (100 MiB, t=2, p=8)",
    KOERS_ARGON2: "Argon2id, Koers's (19 MiB, t=2, p=1)",
}


def timed(call: Callable[[], object]) -> tuple[float, float]:
    """Median CPU and wall milliseconds of ROUNDS calls after a warm-up."""
    call()
    cpu, wall = [], []
    for _ in range(ROUNDS):
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        call()
        cpu.append((time.process_time() - cpu_start) * 1000)
        wall.append((time.perf_counter() - wall_start) * 1000)
    return statistics.median(cpu), statistics.median(wall)


def sign_in(username: str) -> Callable[[], None]:
    def post() -> None:
        client = Client()
        response = client.post("/account/inloggen/", {"username": username, "password": PASSWORD})
        assert response.status_code == 302, response.status_code

    return post


def main() -> None:
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    print(f"rounds: {ROUNDS}")
    print("| password hashed by | step | CPU ms | wall ms |")
    print("| --- | --- | ---: | ---: |")
    for number, hasher in enumerate(NAMES):
        with override_settings(PASSWORD_HASHERS=[hasher]):
            encoded = make_password(PASSWORD)
            user = User.objects.create(username=f"bench-{number}", password=encoded)
            cpu, wall = timed(lambda: check_password(PASSWORD, encoded))  # noqa: B023
            print(f"| {NAMES[hasher]} | hash check | {cpu:.1f} | {wall:.1f} |")
            cpu, wall = timed(sign_in(user.username))
            print(f"| {NAMES[hasher]} | sign-in | {cpu:.1f} | {wall:.1f} |")
    # A PBKDF2 account's first sign-in with Koers's settings: checked once, stored again.
    assert settings.PASSWORD_HASHERS[0] == KOERS_ARGON2
    upgraded = []
    for number in range(ROUNDS):
        user = User.objects.create(
            username=f"bench-upgrade-{number}",
            password=make_password(PASSWORD, hasher="pbkdf2_sha256"),
        )
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        sign_in(user.username)()
        cpu = (time.process_time() - cpu_start) * 1000
        upgraded.append((cpu, (time.perf_counter() - wall_start) * 1000))
        user.refresh_from_db()
        assert user.password.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$"), user.password
    cpu = statistics.median(c for c, _w in upgraded)
    wall = statistics.median(w for _c, w in upgraded)
    print(f"| {NAMES[PBKDF2]}, first sign-in: stored again | sign-in | {cpu:.1f} | {wall:.1f} |")


if __name__ == "__main__":
    main()
