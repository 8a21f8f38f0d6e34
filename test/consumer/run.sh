#!/usr/bin/env bash
# Consumer test: installs the packed tarball into a scratch project and uses it the way users do.
# Checks ESM import, CJS require, a TypeScript type-check under moduleResolution nodenext, and the tthc bin.
#
# Usage: test/consumer/run.sh [--skip-build] [--keep]
#   --skip-build  use the existing dist/ (the caller just ran `npm run build`)
#   --keep        keep the scratch directory and print its path
# Needs network access to the npm registry for the package's runtime dependencies (or a warm npm cache).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fixtures="$repo/test/consumer/fixture"
build=1
keep=0
for arg in "$@"; do
  case "$arg" in
    --skip-build) build=0 ;;
    --keep) keep=1 ;;
    *) echo "consumer: unknown argument $arg" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/tthc-consumer.XXXXXX")"
cleanup() {
  if [ "$keep" = 1 ]; then echo "consumer: scratch directory kept at $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

current_step=''
step() {
  current_step="$*"
  printf '\n== consumer: %s\n' "$*"
}
fail() {
  printf '\nconsumer test FAILED at "%s": %s\n' "$current_step" "$*" >&2
  exit 1
}
on_error() {
  local code=$?
  printf '\nconsumer test FAILED at "%s" (exit %s)\n' "$current_step" "$code" >&2
  exit "$code"
}
trap on_error ERR

# Runs a command, showing its output only when it fails (then stops the test).
quiet() {
  local log="$work/last.log"
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    fail "command failed: $*"
  fi
}

tsc="$repo/node_modules/.bin/tsc"
[ -x "$tsc" ] || fail "$tsc not found; run npm install in the repo first"
version="$(node -p "require('$repo/package.json').version")"

if [ "$build" = 1 ]; then
  step "build (npm run build)"
  (cd "$repo" && quiet npm run build)
fi

step "pack"
mkdir -p "$work/pack"
(cd "$repo" && npm pack --ignore-scripts --silent --pack-destination "$work/pack" >"$work/pack/name.txt" 2>"$work/pack/stderr.txt") ||
  { cat "$work/pack/stderr.txt" >&2; fail "npm pack failed"; }
tarball="$work/pack/$(tail -n 1 "$work/pack/name.txt")"
[ -f "$tarball" ] || fail "npm pack did not produce a tarball (got: $(cat "$work/pack/name.txt"))"
echo "packed $(basename "$tarball") ($(du -k "$tarball" | cut -f1) kB)"

step "tarball contents"
tar -tzf "$tarball" >"$work/pack/files.txt"
for expected in \
  package/package.json \
  package/dist/index.js package/dist/index.cjs package/dist/index.d.ts package/dist/index.d.cts \
  package/dist/testing/index.js package/dist/testing/index.cjs package/dist/testing/index.d.ts package/dist/testing/index.d.cts \
  package/dist/cli.js; do
  grep -qx "$expected" "$work/pack/files.txt" || fail "the tarball lacks ${expected#package/}"
done
grep -q '^package/catalog/' "$work/pack/files.txt" || fail "the tarball has no catalog/"
grep -q '^package/rules/' "$work/pack/files.txt" || fail "the tarball has no rules/"
if grep -E '^package/(src|test|bench|scripts|node_modules)/' "$work/pack/files.txt" >&2; then
  fail "the tarball ships development files (listed above)"
fi
echo "$(wc -l <"$work/pack/files.txt") files"

step "install the tarball into a scratch project"
app="$work/app"
mkdir -p "$app"
# TypeScript fixtures carry a .fixture suffix so the repo's own tsc (which includes test/) leaves them alone.
for file in "$fixtures"/*; do
  name="$(basename "$file")"
  cp "$file" "$app/${name%.fixture}"
done
cat >"$app/package.json" <<JSON
{ "name": "tthc-consumer", "version": "0.0.0", "private": true, "type": "module" }
JSON
(cd "$app" && quiet npm install --no-audit --no-fund --prefer-offline --loglevel=error "$tarball")
[ -f "$app/node_modules/tthc/package.json" ] || fail "node_modules/tthc is missing after npm install"
installed="$(node -p "require('$app/node_modules/tthc/package.json').version")"
[ "$installed" = "$version" ] || fail "installed tthc $installed, expected $version"

step "ESM: import { ... } from 'tthc' and 'tthc/testing'"
(cd "$app" && node esm.mjs) || fail "esm.mjs failed (see above)"

step "CJS: require('tthc') and require('tthc/testing')"
(cd "$app" && node cjs.cjs) || fail "cjs.cjs failed (see above)"

step "TypeScript: type-check with moduleResolution nodenext (ESM and CJS)"
(cd "$app" && "$tsc" -p tsconfig.json) || fail "the type-check failed (see above)"

step "bin: tthc --version"
out="$(cd "$app" && npx --no-install tthc --version 2>"$work/version.err")" ||
  { cat "$work/version.err" >&2; fail "tthc --version exited non-zero"; }
echo "$out"
[ "$out" = "$version" ] || fail "tthc --version printed \"$out\", expected $version"

step "bin: tthc validate node_modules/tthc/catalog node_modules/tthc/rules"
# Warnings about the shipped data are expected; show only the summary line unless validation fails.
if (cd "$app" && npx --no-install tthc validate node_modules/tthc/catalog node_modules/tthc/rules) >"$work/validate.log" 2>&1; then
  tail -n 1 "$work/validate.log"
else
  code=$?
  tail -n 60 "$work/validate.log" >&2
  fail "tthc validate of the shipped data exited $code (last 60 lines above; warnings alone do not fail)"
fi

trap - ERR
printf '\nconsumer test passed (tthc %s)\n' "$version"
