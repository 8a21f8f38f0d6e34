#!/usr/bin/env bash
# The whole test suite: type check, unit and CLI tests under several time zones, then the build.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc --noEmit
for tz in UTC Asia/Ho_Chi_Minh America/Los_Angeles Pacific/Kiritimati; do
  echo "== vitest under TZ=$tz"
  TZ="$tz" npx vitest run --reporter=dot
done
npm run build
