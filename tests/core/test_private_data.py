"""What Koers keeps on disk is readable by its owner only, like the backups that copy it.

Generated from the system's own tables: every file field of every model, and every path
the deploy check names.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import RequestFactory

from koers import settings as koers_settings
from koers.core import imports
from koers.core.checks import private_data_check, private_paths


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """As a careless service manager may leave it: anything not made private is 0666/0777."""
    previous = os.umask(0)
    yield
    os.umask(previous)


FILE_FIELDS = [
    (model, field)
    for model in apps.get_models()
    for field in model._meta.get_fields()
    if isinstance(field, models.FileField)
]


def test_there_are_file_fields_to_check() -> None:
    assert len(FILE_FIELDS) >= 3  # evidence, documents, quotes at least


@pytest.mark.parametrize(
    ("model", "field"),
    FILE_FIELDS,
    ids=[f"{model._meta.label_lower}.{field.name}" for model, field in FILE_FIELDS],
)
def test_every_uploaded_or_generated_file_is_private(
    model: Any, field: Any, permissive_umask: None
) -> None:
    probe = f"probe/{model._meta.label_lower}/{field.name}.pdf"
    name = field.storage.save(probe, ContentFile(b"x"))
    path = Path(field.storage.path(name))
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700


def test_an_import_waiting_for_confirmation_is_private(
    settings: Any, tmp_path: Path, permissive_umask: None
) -> None:
    settings.DATA_DIR = tmp_path / "data"
    request = RequestFactory().post("/")
    request.session = SessionStore()
    _token, path = imports.keep(request, SimpleUploadedFile("personen.csv", b"naam\nAnna\n"))
    assert path.read_bytes() == b"naam\nAnna\n"
    assert mode(path) == 0o600 and mode(path.parent) == 0o700


def test_the_generated_secret_key_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, permissive_umask: None
) -> None:
    monkeypatch.delenv("KOERS_SECRET_KEY", raising=False)
    monkeypatch.setattr(koers_settings, "DATA_DIR", tmp_path / "data")
    key = koers_settings._secret_key()
    key_file = tmp_path / "data" / "secret_key"
    assert key_file.read_text() == key and koers_settings._secret_key() == key
    assert mode(key_file) == 0o600 and mode(key_file.parent) == 0o700


@pytest.mark.django_db
def test_the_deploy_check_names_every_private_path_others_can_read(
    settings: Any, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    settings.DATA_DIR, settings.MEDIA_ROOT = data, data / "media"
    settings.BACKUP_KEY_FILE = data / "backup.key"
    for folder in (data, data / "media", data / "backups", data / "pending-imports"):
        folder.mkdir(parents=True, exist_ok=True)
    for file in ("secret_key", "backup.key", "backups/koers-old.tar.gz", "backups/koers.backup"):
        (data / file).write_bytes(b"x")
    on_disk = {what: path for what, path in private_paths().items() if path.exists()}
    assert len(on_disk) >= 8  # the six fixed paths and the two backups

    for path in on_disk.values():
        path.chmod(0o755 if path.is_dir() else 0o644)
    warned = {message.msg for message in private_data_check()}
    assert all(any(str(path) in msg for msg in warned) for path in on_disk.values())

    for path in on_disk.values():
        path.chmod(0o700 if path.is_dir() else 0o600)
    assert private_data_check() == []


def test_a_fresh_installation_keeps_its_data_private_and_passes_its_own_check(
    tmp_path: Path,
) -> None:
    """As an administrator following the README: a new data directory, SQLite, umask 022."""
    data = tmp_path / "new" / "data"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("KOERS_", "DJANGO_")) and key != "DATABASE_URL"
    }
    env["KOERS_DATA_DIR"] = str(data)

    def koers(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "koers.cli", *args],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            umask=0o022,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout + result.stderr

    koers("showmigrations", "core")  # connects, so SQLite creates the database
    assert mode(data) == 0o700
    assert mode(data / "koers.sqlite3") == 0o600
    assert mode(data / "secret_key") == 0o600
    assert "koers.W010" not in koers("check", "--deploy")
