"""Time `koers backup` and `koers restore` on an installation, with their peak memory.

Usage: .venv/bin/python bench/backup.py [--rounds N]

Runs against the installation the environment names (KOERS_DATA_DIR, DATABASE_URL and, for
the encrypted format, KOERS_BACKUP_KEY or the key file), as a new process each time under
GNU time (`/usr/bin/time -v`): wall-clock and CPU seconds and the peak resident set size of the
largest of the command and its children (pg_dump, pg_restore). Each round backs up, restores
that archive, and as the baseline runs `koers showmigrations core` (starting Django and
connecting to the database, which every command pays). Prints the median of each and the
archive's size.
See bench/README.md for the results.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

KOERS = Path(sys.executable).with_name("koers")


def measured(command: list[str]) -> tuple[float, float, float]:
    """Wall-clock seconds, CPU seconds (user + system) and peak RSS in MB, from GNU time."""
    result = subprocess.run(  # noqa: S603 - our own command line
        ["/usr/bin/time", "-v", *command], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    elapsed = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    cpu = re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", result.stderr)
    if elapsed is None or peak is None or len(cpu) != 2:
        sys.exit(f"No figures from /usr/bin/time:\n{result.stderr}")
    hours, minutes, seconds = elapsed.groups()
    total = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    return total, sum(float(part) for part in cpu), int(peak.group(1)) / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    baselines, backups, restores, size = [], [], [], 0
    with tempfile.TemporaryDirectory(prefix="koers-bench-backup-") as work:
        for round_number in range(rounds):
            baselines.append(measured([str(KOERS), "showmigrations", "core"]))
            archive = Path(work) / f"round-{round_number}.backup"
            backups.append(measured([str(KOERS), "backup", "--output", str(archive)]))
            size = archive.stat().st_size
            restores.append(measured([str(KOERS), "restore", str(archive), "--yes"]))
            archive.unlink()
    print(f"archive: {size / 1e6:.1f} MB; median of {rounds} rounds")
    for name, runs in (("baseline", baselines), ("backup", backups), ("restore", restores)):
        seconds, cpu, peak = (statistics.median(run[i] for run in runs) for i in range(3))
        print(f"{name:<8} {seconds:7.2f} s wall {cpu:7.2f} s CPU  peak RSS {peak:6.1f} MB")


if __name__ == "__main__":
    main()
