#!/usr/bin/env bash
# Load test: 50 simulated users for two minutes against `koers serve` on PostgreSQL,
# loopback only. Prints locust's summary, p95 per request type, and checks that every
# realisation locust saw saved is in the database (no lost writes).
#   bench/load/run.sh            (needs PostgreSQL at 127.0.0.1:5432, trust auth)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.venv/bin
DB=koers_load
PORT=${PORT:-8765}
USERS=${USERS:-50}
DURATION=${DURATION:-2m}
WORK=$(mktemp -d)
export KOERS_DATA_DIR="$WORK" KOERS_DEMO=1 KOERS_REFERENCE_DATE=2021-10-15 KOERS_LOG_LEVEL=WARNING
# The demo accounts sign in without a second factor, as under `koers demo`.
export KOERS_TWO_FACTOR_WAIVED=1
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB" KOERS_DEMO_DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB"
# Many users sign in from one address here; the throttle is for failures, but keep it
# out of the measurement.
export KOERS_LOGIN_THROTTLE=false

psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $DB" >/dev/null
$BIN/koers demo --no-serve >/dev/null
$BIN/koers serve --port "$PORT" --workers 3 --threads 4 >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/gezondheid/" >/dev/null && break; sleep 0.5; done

before=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "SELECT count(*) FROM plans_realisation WHERE note = 'load-test'")
$BIN/locust -f bench/load/locustfile.py --headless -u "$USERS" -r "${SPAWN_RATE:-2}" -t "$DURATION" \
  --host "http://127.0.0.1:$PORT" --csv "$WORK/load" --only-summary --stop-timeout 15 2>&1 | tail -n 25
after=$(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc "SELECT count(*) FROM plans_realisation WHERE note = 'load-test'")
$BIN/python - "$WORK/load_stats.csv" "$((after - before))" <<'PY'
import csv
import sys

rows = list(csv.DictReader(open(sys.argv[1])))
stored = int(sys.argv[2])
print("\n| request | count | failures | median ms | p95 ms | p99 ms |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for row in rows:
    print(f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} | "
          f"{row['50%']} | {row['95%']} | {row['99%']} |")
total = next(r for r in rows if r["Name"] == "Aggregated")
saved = sum(int(r["Request Count"]) - int(r["Failure Count"])
            for r in rows if r["Name"] == "record realisation")
print(f"\nrealisations saved according to locust: {saved}; found in the database: {stored}")
# Users finish their task when time is up (--stop-timeout), so every write locust saw
# saved must be in the database; none may be missing.
ok = stored >= saved and int(total["Failure Count"]) == 0
print("no errors, no lost writes" if ok else "FAILED: errors or lost writes")
sys.exit(0 if ok else 1)
PY
