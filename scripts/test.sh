#!/usr/bin/env bash
# Every test: types, lint and format, unit tests, the integration suite on SQLite and on
# PostgreSQL, and the end-to-end tests in Chromium against the built web app.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/prerequisites.sh
npx tsc --noEmit
# The committed description and client types must be what the server serves, and lint clean.
generated=$(mktemp -d)
trap 'rm -rf "$generated"' EXIT
npx tsx scripts/openapi.ts "$generated" >/dev/null
diff -u openapi.json "$generated/openapi.json" &&
  diff -u web/src/api/schema.d.ts "$generated/schema.d.ts" ||
  { echo "The generated API files are out of date. Run: npm run generate:api"; exit 1; }
npx redocly lint "$generated/openapi.json" --config redocly.yaml --format=json \
  >"$generated/lint.json" 2>/dev/null || true
node -e '
  const totals = require(process.argv[1]).totals;
  if (totals.errors + totals.warnings > 0) {
    console.error(`openapi.json: ${totals.errors} errors, ${totals.warnings} warnings. Run: npx redocly lint openapi.json`);
    process.exit(1);
  }
' "$generated/lint.json"
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
