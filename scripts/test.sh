#!/usr/bin/env bash
# Every test: types, lint and format, unit tests, the integration suite on SQLite and on
# PostgreSQL, and the end-to-end tests in Chromium against the built server and web app.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/prerequisites.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The committed description and client types must be what the server serves, and lint clean.
api_check() {
  npx tsx scripts/openapi.ts "$work" >/dev/null
  diff -u openapi.json "$work/openapi.json" &&
    diff -u web/src/api/schema.d.ts "$work/schema.d.ts" ||
    { echo "The generated API files are out of date. Run: npm run generate:api"; return 1; }
  npx redocly lint "$work/openapi.json" --config redocly.yaml --format=json \
    >"$work/lint.json" 2>/dev/null || true
  node -e '
    const totals = require(process.argv[1]).totals;
    if (totals.errors + totals.warnings > 0) {
      console.error(`openapi.json: ${totals.errors} errors, ${totals.warnings} warnings. Run: npx redocly lint openapi.json`);
      process.exit(1);
    }
  ' "$work/lint.json"
}

format_check() {
  npx prettier --check . >/dev/null || {
    npx prettier --list-different .
    echo "Run: npx prettier --write ."
    return 1
  }
}

# The tests start the compiled `rapport` (dist/cli) as operators do, and serve the built web app.
# `tsc --noEmit` below checks the types of src/ with everything else, so the build only emits.
build() {
  npx tsc -p tsconfig.build.json --noCheck
  npx vite build --logLevel warn
}

types_check() { npx tsc --noEmit; }
lint_check() { npx eslint .; }

# The checks before the tests are single-threaded and independent, so all five run side by side:
# one after another, the last ones left a core idle for half a minute. Each one's output is
# shown once it has finished, failed or not.
checks=(lint_check types_check api_check format_check build)
declare -A pids
for check in "${checks[@]}"; do
  "$check" >"$work/$check.log" 2>&1 &
  pids[$check]=$!
done
status=0
for check in "${checks[@]}"; do
  wait "${pids[$check]}" || { status=1; echo "$check failed:"; }
  cat "$work/$check.log"
done
[ "$status" -eq 0 ] || exit "$status"

mkdir -p test-results
npx vitest run --reporter=default --reporter=json --outputFile=test-results/vitest.json "$@" || status=$?
node -e '
  const r = require("./test-results/vitest.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
'
exit "$status"
