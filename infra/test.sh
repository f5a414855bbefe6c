#!/usr/bin/env bash
# README test command: installs what is missing, checks lint and types, then runs every test.
# The system tests start their own engines (test/setup/engines.ts) on ports of their own.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/infra/bootstrap.sh"
cd "$root"
echo "[test] lint"
pnpm --silent lint
echo "[test] types"
pnpm --silent typecheck
echo "[test] unit and system tests"
pnpm --silent vitest run "$@"
