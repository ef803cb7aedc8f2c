import os
import subprocess
import sys
from pathlib import Path


def test_koers_demo_ignores_database_url(tmp_path: Path) -> None:
    """The published demo accounts cannot reach the database DATABASE_URL points at."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KOERS_", "DJANGO_"))}
    env["KOERS_DATA_DIR"] = str(tmp_path)
    env["DATABASE_URL"] = "postgres://nobody@127.0.0.1:1/production"  # unreachable on purpose
    result = subprocess.run(
        [sys.executable, "-m", "koers.cli", "demo", "--no-serve"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "koers.sqlite3").exists()
