#!/usr/bin/env bash
# The whole test suite: type check; every test under UTC; the date-sensitive tests (calendar, due dates, routing,
# scenarios, the receipt slip) again under three more time zones, since results must never depend on the host's zone; the build; and
# the consumer test that installs the packed package into a scratch project.
set -euo pipefail
cd "$(dirname "$0")/.."
# test/slip-chromium.test.ts prints the receipt slip in Debian's headless chromium and fails without it: a fresh
# machine gets it here, so this one command is the whole set-up for the suite.
if [ ! -x /usr/bin/chromium ]; then
  echo "== installing chromium (Debian package) for the receipt-slip test"
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
fi
echo "== type check"
npx tsc --noEmit
echo "== vitest (TZ=UTC)"
TZ=UTC npx vitest run
for tz in Asia/Ho_Chi_Minh America/Los_Angeles Pacific/Kiritimati; do
  echo "== date-sensitive tests (TZ=$tz)"
  TZ="$tz" npx vitest run src/calendar test/calendar test/routing test/scenarios src/format/receipt-slip.test.ts
done
echo "== build"
npm run build
echo "== consumer test"
bash test/consumer/run.sh --skip-build
