import pytest
from django.test import Client
from django.urls import reverse


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy() -> None:
    response = Client().get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


@pytest.mark.django_db
def test_pages_refuse_framing_and_sniffing_and_limit_referrers() -> None:
    response = Client().get(reverse("accounts:login"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_templates_contain_no_inline_script_or_style(client: Client) -> None:
    """What the policy forbids must not be in our pages (it would silently break)."""
    html = client.get(reverse("accounts:login")).content.decode()
    assert "<script>" not in html
    assert ' style="' not in html
    assert " onclick=" not in html


def test_production_settings_pass_djangos_deployment_checks(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("KOERS_", "DJANGO_")) and key != "DATABASE_URL"
    }
    env.update(
        {
            "KOERS_DATA_DIR": str(tmp_path),
            "KOERS_HTTPS": "true",
            "KOERS_SECRET_KEY": "x" * 30 + "-production-secret-key-with-enough-entropy-0123456789",
            "KOERS_ALLOWED_HOSTS": "koers.example.nl",
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "koers.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


# Walks every URL pattern over plain HTTP with the production settings of KOERS_HTTPS=true
# (in a process of its own: the settings read the variable once).
PLAIN_HTTP_WALK = """
import json, django
django.setup()
from django.test import Client
from tests.test_url_access import ALL, example_path
client = Client()
print(json.dumps({name: client.get(example_path(route)).status_code for name, route, _ in ALL}))
"""


def test_over_plain_http_only_the_health_check_answers_without_a_redirect(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A load balancer probes over plain HTTP behind the proxy that terminates TLS; a 301
    would mark every app server down. Everything else goes to https, the calendar feed too:
    its address carries the secret, which must not travel in plain text."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("KOERS_", "DJANGO_")) and key != "DATABASE_URL"
    }
    env.update(
        {
            "KOERS_DATA_DIR": str(tmp_path),
            "KOERS_HTTPS": "true",
            "KOERS_ALLOWED_HOSTS": "testserver",
            "DJANGO_SETTINGS_MODULE": "koers.settings",
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", PLAIN_HTTP_WALK],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    )
    statuses = json.loads(result.stdout.strip().splitlines()[-1])
    assert len(statuses) > 100
    # Answered over plain HTTP with its own state, not redirected: this walk's database was
    # never migrated, so "migrations: pending" (503, koers.core.health).
    assert statuses.pop("health") == 503
    assert {name for name, status in statuses.items() if status != 301} == set()
