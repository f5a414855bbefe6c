#!/usr/bin/env bash
# README start command: installs what is missing, then runs the whole system in the foreground.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/infra/bootstrap.sh"
cd "$root"
exec pnpm --silent duban start "$@"
