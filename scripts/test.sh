#!/usr/bin/env bash
# Every test, in the order that fails fastest. Called by `make test` (and .ci/run)
# after the environment and catalogs are in place.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
export PYTHONPATH=$PWD RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1
mkdir -p test-artifacts
# endpoints.yml reads these; without them `rasa test` makes a file literally named "${TRACKER_DB_PATH}"
export TRACKER_DB_PATH=$PWD/test-artifacts/rasa-test-tracker.db

step() { printf '\n== %s\n' "$*"; }

step "PostgreSQL server for the production-database tests (Debian's package)"
if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  echo "present"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
    && echo "installed" || echo "could not install: those tests will be skipped, with the reason"
else
  echo "not installed and no root: those tests will be skipped, with the reason"
fi

step "Chromium for the browser tests (Debian's package; Playwright drives it)"
if command -v chromium >/dev/null; then
  echo "present"
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    && echo "installed" || echo "could not install: the browser tests will be skipped, with the reason"
else
  echo "not installed and no root: the browser tests will be skipped, with the reason"
fi

step "lint (ruff)"
$bin/ruff check bot actions tests scripts

step "catalogs compile cleanly (msgfmt --check equivalent)"
$bin/pybabel compile -d locales -D messages --statistics

step "rasa data validate"
$bin/rasa data validate --domain domain --data data --config config.yml --quiet \
  > test-artifacts/data-validate.log 2>&1 || { cat test-artifacts/data-validate.log; exit 1; }
echo "valid"

step "train (when the model is missing or older than its inputs)"
make --no-print-directory train

step "rasa test: end-to-end test stories"
$bin/rasa test core --model models/current.tar.gz --stories tests/stories \
  --out test-artifacts/rasa-test --fail-on-prediction-errors --quiet \
  > test-artifacts/rasa-test.log 2>&1 || { tail -40 test-artifacts/rasa-test.log; cat test-artifacts/rasa-test/failed_test_stories.yml 2>/dev/null; exit 1; }
echo "all test stories pass"

step "pytest: unit and integration (real servers on free ports)"
$bin/python -m pytest -p no:cacheprovider -q
