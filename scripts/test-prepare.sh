#!/usr/bin/env bash
# Runs before `npm test`: builds the code (worker threads and CLIs run the
# compiled JavaScript) and, when a local PostgreSQL answers, makes sure it has
# pgvector. Without PostgreSQL/Redis the tests run in embedded mode only (and
# say so); under CI a missing service fails the run instead.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v psql >/dev/null && psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d postgres -tAXqc 'select 1' >/dev/null 2>&1; then
  bash scripts/setup-pgvector.sh
else
  echo "[test] PostgreSQL is not reachable at ${PGHOST:-127.0.0.1}:${PGPORT:-5432}; integration tests will run on the embedded database only."
fi

npx tsc -p tsconfig.build.json
