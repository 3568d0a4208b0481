#!/usr/bin/env bash
# Every test: types, lint and format, unit tests, the integration suite on SQLite and on
# PostgreSQL, and the end-to-end tests in Chromium against the built web app.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/prerequisites.sh
npx tsc --noEmit
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --list-different .; echo "Run: npx prettier --write ."; exit 1; }
npx vite build --logLevel warn
mkdir -p test-results
status=0
npx vitest run --reporter=default --reporter=json --outputFile=test-results/vitest.json "$@" || status=$?
node -e '
  const r = require("./test-results/vitest.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
'
exit "$status"
