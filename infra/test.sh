#!/usr/bin/env bash
# README test command: installs what is missing, checks lint and types (the whole-system tests start
# beside them), then runs every other test.
# The system tests start their own engines (test/setup/engines.ts) on ports of their own; the
# whole-system files of the `whole` project start stacks of their own (one per gazette file, one
# shared by the others: test/setup/whole-stack.ts), so they run in a second vitest process beside. With arguments, one vitest run gets them as they are.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# The cluster profile's end-to-end file (test/cluster, issue 21) is part of every run: bootstrap then
# installs the cluster engines too (PostgreSQL from Debian, temporal-server by go install).
# DUBAN_TEST_CLUSTER=0 leaves both out, e.g. on a machine without root for apt.
export DUBAN_TEST_CLUSTER="${DUBAN_TEST_CLUSTER:-1}"
bash "$root/infra/bootstrap.sh"
cd "$root"
mkdir -p .data
# eslint, prettier and tsc (scripts lint:code, lint:format, typecheck) take about 70, 30 and 20 s
# of CPU: side by side they end about when eslint does, not after all three one by one. Each one's
# output is shown whole once all have ended. tsc is TypeScript 7's native compiler (package
# typescript-native; 49 s of CPU with TypeScript 5.9); eslint's type-aware rules keep TypeScript
# 5.9, whose JavaScript API they need. Prettier keeps a cache (--cache, by each file's content,
# prettier's version and options; node_modules/.cache/prettier): a run after the first checks only
# changed files (17 → 2 s of CPU). eslint's cache is left off: a type-aware rule's verdict on a
# file can change when another file changes, which that cache would not see.
run_checks() {
  echo "[test] lint and types"
  local pids=() check pid failed=0
  local checks=(lint:code lint:format typecheck)
  for check in "${checks[@]}"; do
    pnpm --silent "$check" >".data/test-${check/:/-}.log" 2>&1 &
    pids+=("$!")
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  for check in "${checks[@]}"; do cat ".data/test-${check/:/-}.log"; done
  return "$failed"
}
if [ "$#" -gt 0 ]; then
  run_checks || { echo "[test] FAILED: lint or types"; exit 1; }
  echo "[test] vitest $*"
  exec pnpm --silent vitest run "$@"
fi

# Each workflow bundle is built once per run and shared by every whole-system start of both
# vitest processes (packages/workflow-core/src/worker.ts); a fresh folder per run, so never stale.
export DUBAN_WORKFLOW_BUNDLE_CACHE="$root/.data/test-bundles"
rm -rf "$DUBAN_WORKFLOW_BUNDLE_CACHE"
# The whole-system files start at once, beside the checks: eslint runs on one core for most of
# them, and the other core would otherwise wait for it. A failed check still fails the run at once.
whole_log=".data/test-whole.log"
echo "[test] whole-system tests (end-to-end and browser) in the background → $whole_log"
pnpm --silent vitest run --project whole >"$whole_log" 2>&1 &
whole_pid=$!
# If this script is stopped (or the checks fail), stop the background run and its engines too: the
# engines run detached from it (a stack outlives a test file), and left running they would hold
# their ports against the next run on this machine. Every engine runs from this checkout's
# .engines/ or keeps its data in its .data/ (PostgreSQL of the cluster profile).
stop_whole_run() {
  kill "$whole_pid" 2>/dev/null || true
  wait "$whole_pid" 2>/dev/null || true
  pkill -f "$root/.engines/" 2>/dev/null || true
  pkill -f "$root/.data/" 2>/dev/null || true
}
trap stop_whole_run EXIT
run_checks || { echo "[test] FAILED: lint or types"; exit 1; }

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
