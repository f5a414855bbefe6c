#!/usr/bin/env bash
# README test command: installs what is missing, checks lint and types, then runs every test.
# The system tests start their own engines (test/setup/engines.ts) on ports of their own; the
# whole-system files of the `whole` project start stacks of their own (one per gazette file, one
# shared by the others: test/setup/whole-stack.ts), so they run in a second vitest process beside. With arguments, one vitest run gets them as they are.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/infra/bootstrap.sh"
cd "$root"
mkdir -p .data
# eslint, prettier and tsc (scripts lint:code, lint:format, typecheck) take about 70, 30 and 45 s
# of CPU: side by side on two cores they end about when eslint does, not after all three one by
# one. Each one's output is shown whole once all have ended.
echo "[test] lint and types"
pids=()
checks=(lint:code lint:format typecheck)
for check in "${checks[@]}"; do
  pnpm --silent "$check" >".data/test-${check/:/-}.log" 2>&1 &
  pids+=("$!")
done
checks_failed=0
for pid in "${pids[@]}"; do wait "$pid" || checks_failed=1; done
for check in "${checks[@]}"; do cat ".data/test-${check/:/-}.log"; done
if [ "$checks_failed" -ne 0 ]; then echo "[test] FAILED: lint or types"; exit 1; fi
if [ "$#" -gt 0 ]; then
  echo "[test] vitest $*"
  exec pnpm --silent vitest run "$@"
fi

# Each workflow bundle is built once per run and shared by every whole-system start of both
# vitest processes (packages/workflow-core/src/worker.ts); a fresh folder per run, so never stale.
export DUBAN_WORKFLOW_BUNDLE_CACHE="$root/.data/test-bundles"
rm -rf "$DUBAN_WORKFLOW_BUNDLE_CACHE"
whole_log=".data/test-whole.log"
echo "[test] whole-system tests (end-to-end and browser) in the background → $whole_log"
pnpm --silent vitest run --project whole >"$whole_log" 2>&1 &
whole_pid=$!
# If this script is stopped, stop the background run (and its engines) too.
trap 'kill "$whole_pid" 2>/dev/null || true' EXIT

unit_log=".data/test-unit.log"
echo "[test] unit and system tests (also → $unit_log)"
status=0
pnpm --silent vitest run --project unit --project system 2>&1 | tee "$unit_log" || status=$?

whole_status=0
wait "$whole_pid" || whole_status=$?
trap - EXIT
echo "[test] whole-system tests (end-to-end and browser):"
cat "$whole_log"
# A CI log is often read from its end: repeat each failing run's own account of its failures last.
failures_of() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" | awk '/Failed Tests|Unhandled Errors|Failed Suites/{p=1} p' | head -200
}
if [ "$status" -ne 0 ]; then echo "[test] unit/system failures:"; failures_of "$unit_log"; fi
if [ "$whole_status" -ne 0 ]; then echo "[test] whole-system failures:"; failures_of "$whole_log"; fi
if [ "$status" -ne 0 ] || [ "$whole_status" -ne 0 ]; then
  echo "[test] FAILED: unit/system exit $status, whole-system exit $whole_status"
  exit 1
fi
echo "[test] all tests passed"
