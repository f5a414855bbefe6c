#!/usr/bin/env bash
# Installs the three engines (and the Temporal time-skipping test server) from the package
# registries only, into .engines/ of this checkout. Idempotent: whatever is already there at the
# pinned version is skipped, so a second run takes a second.
#
# Routes (see infra/README.md for why):
#   temporal      go install github.com/temporalio/cli/cmd/temporal@v1.5.1
#   nats-server   go install github.com/nats-io/nats-server/v2@v2.12.2
#   ferretdb      source of github.com/FerretDB/FerretDB@v1.24.2 from the Go module proxy, built with
#                 go build ./cmd/ferretdb after writing build/version/version.txt (plain go install
#                 builds a binary that panics at start; infra/README.md) and one line patched so
#                 its `_id` index serves lookups by id (below) — skipped when MONGODB_URI is set
#   test server   Maven Central io.temporal:temporal-test-server + dependencies, wrapped in a script
#
# DUBAN_ENGINES=cluster adds the engines of the cluster profile (`duban stack up --profile cluster`,
# infra/production/README.md); nothing of it is installed unless asked:
#   postgresql         Debian's postgresql package (its binaries stay in /usr/lib/postgresql/<v>/bin;
#                      .engines/postgresql-bin names that directory)
#   temporal-server    go install go.temporal.io/server/cmd/server@v1.29.1 (the server itself, not
#                      the CLI's dev server), renamed
#   temporal-sql-tool  go install go.temporal.io/server/cmd/tools/sql@v1.29.1, renamed: creates and
#                      migrates the Temporal schemas (it carries them embedded)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
engines="${DUBAN_ENGINES_DIR:-$root/.engines}"
bin="$engines/bin"
mkdir -p "$bin"

TEMPORAL_CLI_VERSION=v1.5.1
NATS_SERVER_VERSION=v2.12.2
FERRETDB_VERSION=v1.24.2
TEST_SERVER_WRAPPER=3
TEMPORAL_SERVER_VERSION=v1.29.1
TEST_SERVER_VERSION=$(sed -n 's:.*<temporal-test-server.version>\(.*\)</temporal-test-server.version>.*:\1:p' "$root/infra/test-server/pom.xml")

log() { printf '[engines] %s\n' "$*"; }

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "[engines] missing '$1': $2" >&2; exit 1; }
}

# go install puts the binary in GOBIN; a marker file records the version so upgrades re-install.
go_engine() {
  local name="$1" module="$2" version="$3"
  local marker="$bin/.$name.version"
  if [[ -x "$bin/$name" && -f "$marker" && "$(cat "$marker")" == "$module@$version" ]]; then
    log "$name $version already installed"
    return
  fi
  need go "the Go toolchain builds $name from the Go module proxy"
  log "building $name $version with go install (first run takes a few minutes)"
  local started=$SECONDS
  GOBIN="$bin" GOFLAGS="${GOFLAGS:-} -buildvcs=false" go install "$module@$version"
  echo "$module@$version" >"$marker"
  log "$name built in $((SECONDS - started))s"
}

# A Go command whose binary is named after its folder (`server`, `sql`): installed under a name of
# ours, through a scratch GOBIN so nothing named `server` lands in .engines/bin.
go_engine_as() {
  local name="$1" module="$2" version="$3"
  local marker="$bin/.$name.version"
  if [[ -x "$bin/$name" && -f "$marker" && "$(cat "$marker")" == "$module@$version" ]]; then
    log "$name $version already installed"
    return
  fi
  need go "the Go toolchain builds $name from the Go module proxy"
  log "building $name $version with go install (first run takes several minutes)"
  local started=$SECONDS scratch
  scratch=$(mktemp -d)
  GOBIN="$scratch" GOFLAGS="${GOFLAGS:-} -buildvcs=false" go install "$module@$version"
  mv "$scratch/$(basename "$module")" "$bin/$name"
  rm -rf "$scratch"
  echo "$module@$version" >"$marker"
  log "$name built in $((SECONDS - started))s"
}

# PostgreSQL from Debian, for Temporal's persistence and FerretDB's PostgreSQL handler. The
# package's own cluster is not used (the stack runs initdb under .data/cluster/); its binaries are
# found through .engines/postgresql-bin. initdb and postgres refuse to run as root: the stack runs
# them as the package's `postgres` user when it is started by root (packages/stack).
postgresql_engine() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [[ -z "$found" || ! -x "$found/postgres" ]]; then
    log "installing postgresql from Debian's packages"
    local sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get install -y -qq postgresql >/dev/null ||
      ("${sudo[@]}" apt-get update -qq && "${sudo[@]}" apt-get install -y -qq postgresql >/dev/null)
    found=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  fi
  echo "$found" >"$engines/postgresql-bin"
  log "postgresql $("$found/postgres" --version | awk '{print $3}') in $found"
}

# FerretDB 1.24.2 on SQLite creates its `_id` index on `_ferretdb_sjson->"_id"` but filters by id
# (find, update, replace, delete by `{_id: <string>}`) on `_ferretdb_sjson->'$._id'`; SQLite
# matches an index to a query by the expression's text, so every lookup by id scanned the table
# (EXPLAIN QUERY PLAN: SCAN) and a read-model write cost grew with the collection. Both spell the
# same JSON path; writing the filter as the index does makes it `SEARCH ... USING INDEX`
# (bench/src/store-by-key.ts). Existing databases need nothing: the index is the one they have.
FERRETDB_PATCH=id-lookup-1+field-pushdown-2
patch_ferretdb_id_lookup() {
  local file="$1/internal/backends/sqlite/metadata/metadata.go"
  grep -q "IDColumn = DefaultColumn + \"->'\$._id'\"" "$file" ||
    { echo "[engines] FerretDB's IDColumn is not the one patched here: check $file" >&2; exit 1; }
  sed -i "s|IDColumn = DefaultColumn + \"->'\$._id'\"|IDColumn = DefaultColumn + \"->'_id'\"|" "$file"
}

# FerretDB 1.24.2 on SQLite sends only {_id: <string>} to SQL: a read model's find by another field
# ({itemId}, {unitCode}) decoded every document of its collection, and the indexes the read models
# declare were never used. infra/ferretdb/duban_pushdown.go (why and how, in its header) also sends
# each top-level {field: <string>} to SQL, as a condition that keeps every document the handler's own
# filter could match; Query and Explain call it instead of their {_id}-only block.
patch_ferretdb_field_pushdown() {
  local dir="$1/internal/backends/sqlite"
  cp "$root/infra/ferretdb/duban_pushdown.go" "$dir/duban_pushdown.go"
  python3 - "$dir/collection.go" <<'PY'
import re, sys
path = sys.argv[1]
source = open(path).read()
block = re.compile(
    r"\tif params\.Filter\.Len\(\) == 1 \{\n\t\tv, _ := params\.Filter\.Get\(\"_id\"\)\n"
    r"\t\tswitch v\.\(type\) \{\n\t\tcase string, types\.ObjectID:\n(\t\t\tfilterPushdown = true\n)?"
    r"\t\t\twhereClause = [^\n]*\n\t\t\targs = [^\n]*\n\t\t\}\n\t\}\n"
)
def call(match):
    pushdown = "filterPushdown" if match.group(1) else "_"
    return f"\twhereClause, args, {pushdown} = dubanWhereClause(params.Filter, params.Sort)\n"
patched, count = block.subn(call, source)
if count != 2:
    sys.exit(f"[engines] FerretDB's query blocks are not the ones patched here ({count} of 2 found): check {path}")
open(path, "w").write(patched)
PY
}

# FerretDB's main package panics when build/version/version.txt is missing, and the module zip
# served by the proxy ships without it; so build the very same cmd/ferretdb from the module's
# source with that one file written, as FerretDB's own build does.
ferretdb_engine() {
  local version="$1" module=github.com/FerretDB/FerretDB
  local marker="$bin/.ferretdb.version"
  if [[ -x "$bin/ferretdb" && -f "$marker" && "$(cat "$marker")" == "$module@$version+$FERRETDB_PATCH" ]]; then
    log "ferretdb $version already installed"
    return
  fi
  need go "the Go toolchain builds FerretDB from the Go module proxy"
  log "building ferretdb $version from its module source (first run takes a few minutes)"
  local started=$SECONDS src="$engines/src/ferretdb"
  local dir
  dir=$(go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [[ -d "$dir" ]] || { echo "[engines] go mod download gave no source for $module@$version" >&2; exit 1; }
  rm -rf "$src"
  mkdir -p "$(dirname "$src")"
  cp -r "$dir" "$src"
  chmod -R u+w "$src"
  echo "$version" >"$src/build/version/version.txt"
  patch_ferretdb_id_lookup "$src"
  patch_ferretdb_field_pushdown "$src"
  (cd "$src" && GOFLAGS="${GOFLAGS:-} -buildvcs=false" go build -o "$bin/ferretdb" ./cmd/ferretdb)
  rm -rf "$src"
  echo "$module@$version+$FERRETDB_PATCH" >"$marker"
  log "ferretdb built in $((SECONDS - started))s"
}

test_server() {
  local dir="$engines/temporal-test-server"
  local marker="$dir/.version"
  if [[ -x "$bin/temporal-test-server" && -f "$marker" && "$(cat "$marker")" == "$TEST_SERVER_VERSION/$TEST_SERVER_WRAPPER" ]]; then
    log "temporal-test-server $TEST_SERVER_VERSION already installed"
    return
  fi
  need mvn "Maven fetches io.temporal:temporal-test-server from Maven Central"
  need java "the Temporal test server runs on the JVM"
  local libfaketime
  libfaketime=$(dpkg -L libfaketime 2>/dev/null | grep -m1 '/libfaketime.so.1$' || true)
  [[ -n "$libfaketime" ]] || { echo "[engines] libfaketime.so.1 not found (Debian package libfaketime)" >&2; exit 1; }
  log "fetching temporal-test-server $TEST_SERVER_VERSION and its dependencies from Maven Central"
  rm -rf "$dir/lib"
  mkdir -p "$dir/lib"
  mvn -q -B -f "$root/infra/test-server/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$dir/lib" -DincludeScope=runtime
  # @temporalio/testing runs this with the port as first argument and --enable-time-skipping.
  # TEMPORAL_TEST_SERVER_START_AT='2019-04-20 00:00:00' (UTC) starts the server's clock on that
  # day through libfaketime, so workflow tests walk the real 2019 calendar (holidays, 调休).
  cat >"$bin/temporal-test-server" <<SCRIPT
#!/usr/bin/env bash
java_opts=\${TEMPORAL_TEST_SERVER_JAVA_OPTS:--Xmx512m}
if [[ -n "\${TEMPORAL_TEST_SERVER_START_AT:-}" ]]; then
  # libfaketime preloaded into java itself (not the faketime wrapper, which would stand between
  # the SDK and the server and not pass on its stop signal).
  export LD_PRELOAD="$libfaketime" FAKETIME="@\$TEMPORAL_TEST_SERVER_START_AT" FAKETIME_DONT_RESET=1
  exec java \$java_opts -cp "$dir/lib/*" io.temporal.testserver.TestServer "\$@"
fi
exec java \$java_opts -cp "$dir/lib/*" io.temporal.testserver.TestServer "\$@"
SCRIPT
  chmod +x "$bin/temporal-test-server"
  echo "$TEST_SERVER_VERSION/$TEST_SERVER_WRAPPER" >"$marker"
}

started=$SECONDS
# libfaketime (Debian) lets the time-skipping test server start its clock on a 2019 date.
if ! command -v faketime >/dev/null 2>&1; then
  log "installing faketime from Debian's packages"
  if [[ $(id -u) -eq 0 ]]; then
    (apt-get update -qq && apt-get install -y -qq faketime) >/dev/null
  else
    (sudo apt-get update -qq && sudo apt-get install -y -qq faketime) >/dev/null
  fi
fi
go_engine temporal github.com/temporalio/cli/cmd/temporal "$TEMPORAL_CLI_VERSION"
go_engine nats-server github.com/nats-io/nats-server/v2 "$NATS_SERVER_VERSION"
if [[ -n "${MONGODB_URI:-}" ]]; then
  log "MONGODB_URI is set: using that server, not installing FerretDB"
else
  ferretdb_engine "$FERRETDB_VERSION"
fi
test_server
if [[ ",${DUBAN_ENGINES:-}," == *,cluster,* ]]; then
  postgresql_engine
  go_engine_as temporal-server go.temporal.io/server/cmd/server "$TEMPORAL_SERVER_VERSION"
  go_engine_as temporal-sql-tool go.temporal.io/server/cmd/tools/sql "$TEMPORAL_SERVER_VERSION"
fi
log "engines ready in $engines ($((SECONDS - started))s)"
