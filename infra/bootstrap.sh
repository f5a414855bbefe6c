#!/usr/bin/env bash
# Shared first step of the README's two commands: Node dependencies and the engines, installed
# only when missing (a second run takes seconds).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

PNPM_VERSION=10.34.9
if ! command -v pnpm >/dev/null 2>&1 || [[ "$(pnpm --version)" != "$PNPM_VERSION" ]]; then
  echo "[bootstrap] installing pnpm $PNPM_VERSION from the npm registry"
  npm install --global --no-fund --no-audit "pnpm@$PNPM_VERSION" >/dev/null
fi
echo "[bootstrap] node dependencies"
pnpm install --frozen-lockfile --reporter=silent
# DUBAN_TEST_CLUSTER=1 (test/cluster's files) needs the cluster profile's engines too: PostgreSQL
# from apt if absent, temporal-server and temporal-sql-tool by go install (install-engines.sh).
if [[ "${DUBAN_TEST_CLUSTER:-}" == 1 && ",${DUBAN_ENGINES:-}," != *,cluster,* ]]; then
  DUBAN_ENGINES="${DUBAN_ENGINES:+$DUBAN_ENGINES,}cluster" bash "$root/infra/install-engines.sh"
else
  bash "$root/infra/install-engines.sh"
fi
bash "$root/infra/install-fuzzer.sh"

# The browser tests (issue 6) drive Debian's Chromium with playwright-core (no browser download);
# fonts-noto-cjk lets it draw the console's Chinese in the screenshots instead of boxes.
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
if [[ ${#missing[@]} -gt 0 ]]; then
  if [[ "$(id -u)" -eq 0 ]]; then
    echo "[bootstrap] installing Debian's ${missing[*]} for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "[bootstrap] missing ${missing[*]}: run 'apt-get update && apt-get install ${missing[*]}' as root" >&2
  fi
fi
