#!/usr/bin/env bash
# The whole test suite: type check; every test under UTC; the date-sensitive tests (calendar, due dates, routing,
# scenarios) again under three more time zones, since results must never depend on the host's zone; the build; and
# the consumer test that installs the packed package into a scratch project.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== type check"
npx tsc --noEmit
echo "== vitest (TZ=UTC)"
TZ=UTC npx vitest run
for tz in Asia/Ho_Chi_Minh America/Los_Angeles Pacific/Kiritimati; do
  echo "== date-sensitive tests (TZ=$tz)"
  TZ="$tz" npx vitest run src/calendar test/calendar test/routing test/scenarios
done
echo "== build"
npm run build
echo "== consumer test"
bash test/consumer/run.sh --skip-build
