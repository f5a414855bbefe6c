#!/usr/bin/env bash
# Installs schemathesis (PyPI) for the fuzzing in the test command into a virtual environment in
# .engines/fuzz-venv, at the versions pinned in infra/fuzz/requirements.txt. Idempotent: a marker
# records the pinned list installed, so a second run takes well under a second.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
engines="${DUBAN_ENGINES_DIR:-$root/.engines}"
mkdir -p "$engines"
# The real path: a venv's scripts name their python by absolute path, so one made through a
# symlinked .engines (a second checkout) must not name the link, which may go away.
venv="$(cd -P "$engines" && pwd)/fuzz-venv"
requirements="$root/infra/fuzz/requirements.txt"
marker="$venv/.requirements"

log() { printf '[fuzzer] %s\n' "$*"; }

# Installed means it runs, not only that the file is there (a moved venv's scripts do not run).
if [[ -x "$venv/bin/schemathesis" && -f "$marker" ]] && cmp -s "$marker" "$requirements" &&
  "$venv/bin/schemathesis" --version >/dev/null 2>&1; then
  log "schemathesis already installed"
  exit 0
fi

command -v python3 >/dev/null 2>&1 || { echo "[fuzzer] missing python3: the fuzzing runs schemathesis" >&2; exit 1; }
# Debian's python3 leaves venv (and its pip) to the python3-venv package.
probe="$(mktemp -d)"
if ! python3 -m venv "$probe/venv" >/dev/null 2>&1; then
  log "installing python3-venv from Debian's packages"
  if [[ $(id -u) -eq 0 ]]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv) >/dev/null
  else
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv) >/dev/null
  fi
fi
rm -rf "$probe"

started=$SECONDS
log "installing schemathesis into $venv"
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --requirement "$requirements"
cp "$requirements" "$marker"
log "schemathesis ready in $((SECONDS - started))s"
