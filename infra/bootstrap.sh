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
bash "$root/infra/install-engines.sh"
