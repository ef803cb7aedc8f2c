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
