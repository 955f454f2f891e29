#!/usr/bin/env bash
# Build and install the pgvector extension into the local Debian PostgreSQL
# server, so that `CREATE EXTENSION vector` works.
#
# Debian bookworm ships no pgvector package. This script takes Debian's own
# pgvector source package from trixie and builds it against the running
# server's major version, using the server headers extracted (not installed)
# from postgresql-server-dev-<major>. It never touches the system's apt source
# lists or package cache and never installs/upgrades/restarts the server.
#
# Idempotent: if the `vector` extension is already available it exits at once.
#
# Environment: PGHOST (default 127.0.0.1), PGPORT (5432), PGUSER (postgres).
# How: a private apt configuration that knows only trixie's deb-src (the
# system's lists stay untouched) downloads the pgvector source package; the
# headers of exactly the installed server version come from
# postgresql-server-dev-<major>, downloaded and extracted with dpkg -x (a plain
# install would upgrade and restart the server); `make` with with_llvm=no and
# includedir_server pointing at them, then `make install`. The build uses
# -march=native, so build on the machine that runs it.
set -euo pipefail

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
SRC_SUITE="${PGVECTOR_SRC_SUITE:-trixie}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
SECURITY_MIRROR="${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

log() { printf '[pgvector] %s\n' "$*"; }
die() { printf '[pgvector] ERROR: %s\n' "$*" >&2; exit 1; }

q() { PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "${2:-postgres}" -v ON_ERROR_STOP=1 -tAXqc "$1"; }

# ---------------------------------------------------------------- 0. check
command -v psql >/dev/null || die "psql not found"
q 'SELECT 1' >/dev/null || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER"

avail="$(q "SELECT default_version FROM pg_available_extensions WHERE name = 'vector'")"
if [[ -n "$avail" ]]; then
  log "vector $avail already available on $PGHOST:$PGPORT; nothing to do."
  exit 0
fi

START=$SECONDS

# Run privileged commands directly as root, else via sudo if present.
if [[ $EUID -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null; then
  SUDO=(sudo)
else
  die "must run as root (or have sudo) to install the extension"
fi

# ------------------------------------------------- 1. find server + pg_config
ver_num="$(q 'SHOW server_version_num')"
major=$(( ver_num / 10000 ))
PG_CONFIG="/usr/lib/postgresql/$major/bin/pg_config"
[[ -x "$PG_CONFIG" ]] || die "$PG_CONFIG not found (server is PostgreSQL $major)"
log "server is PostgreSQL $major (server_version_num $ver_num), using $PG_CONFIG"

# Build tools (only installed if missing).
missing=()
command -v make >/dev/null || missing+=(make)
command -v gcc >/dev/null || missing+=(gcc)
command -v dpkg-deb >/dev/null || missing+=(dpkg)
if ((${#missing[@]})); then
  log "installing missing build tools: ${missing[*]}"
  "${SUDO[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

# -------------------------------------------------------------- 2. temp dir
WORK="$(mktemp -d -t pgvector-build.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/apt/lists/partial" "$WORK/apt/cache/archives/partial" \
         "$WORK/apt/sources.list.d" "$WORK/dl" "$WORK/hdr"

# Private apt: its own sources list, lists dir and cache dir; the system's
# /etc/apt/sources.list*, /var/lib/apt/lists and /var/cache/apt stay untouched.
papt() {
  local sources="$1"; shift
  "${SUDO[@]}" apt-get -q \
    -o Dir::Etc::sourcelist="$sources" \
    -o Dir::Etc::sourceparts="$WORK/apt/sources.list.d" \
    -o Dir::State::Lists="$WORK/apt/lists" \
    -o Dir::Cache="$WORK/apt/cache" \
    -o APT::Sandbox::User=root \
    "$@"
}

# --------------------------------------------------- 3. pgvector source
echo "deb-src [signed-by=$KEYRING] $MIRROR $SRC_SUITE main" > "$WORK/apt/src.list"
log "fetching pgvector source package from Debian $SRC_SUITE ..."
papt "$WORK/apt/src.list" update >"$WORK/apt-update.log" 2>&1 \
  || { cat "$WORK/apt-update.log" >&2; die "apt-get update (private, $SRC_SUITE sources) failed"; }
(cd "$WORK/dl" && papt "$WORK/apt/src.list" source --download-only pgvector) \
  >"$WORK/apt-source.log" 2>&1 \
  || { cat "$WORK/apt-source.log" >&2; die "apt-get source pgvector failed"; }

dsc="$(ls "$WORK"/dl/pgvector_*.dsc | head -n1)"
orig="$(ls "$WORK"/dl/pgvector_*.orig.tar.* | head -n1)"
mkdir -p "$WORK/src"
if command -v dpkg-source >/dev/null; then
  # Unpacks upstream tarball and applies Debian's patches (if any).
  dpkg-source --no-check -x "$dsc" "$WORK/src/pgvector" >"$WORK/dpkg-source.log" 2>&1 \
    || { cat "$WORK/dpkg-source.log" >&2; die "dpkg-source -x failed"; }
else
  mkdir -p "$WORK/src/pgvector"
  tar -xf "$orig" -C "$WORK/src/pgvector" --strip-components=1
fi
log "got $(basename "$dsc" .dsc)"

# ------------------------------------------------- 4. server headers
inc_server="/usr/include/postgresql/$major/server"
if [[ -f "$inc_server/postgres.h" ]]; then
  log "server headers already present in $inc_server"
else
  pkg="postgresql-server-dev-$major"
  want="$(dpkg-query -W -f='${Version}' "postgresql-$major" 2>/dev/null || true)"
  log "fetching $pkg${want:+=$want} (download + extract only, not installed) ..."
  got=""
  # a) exact installed version, via the system's (read-only) package lists
  if [[ -n "$want" ]] && (cd "$WORK/dl" && apt-get -q download "$pkg=$want") >"$WORK/dl.log" 2>&1; then
    got=yes
  else
    # b) private lists of this release (+updates, +security): exact, then newest
    codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-}")"
    [[ -n "$codename" ]] || die "cannot determine Debian codename"
    {
      echo "deb [signed-by=$KEYRING] $MIRROR $codename main"
      echo "deb [signed-by=$KEYRING] $MIRROR $codename-updates main"
      echo "deb [signed-by=$KEYRING] $SECURITY_MIRROR $codename-security main"
    } > "$WORK/apt/bin.list"
    papt "$WORK/apt/bin.list" update >>"$WORK/dl.log" 2>&1 \
      || { cat "$WORK/dl.log" >&2; die "apt-get update (private, $codename) failed"; }
    if [[ -n "$want" ]] && (cd "$WORK/dl" && papt "$WORK/apt/bin.list" download "$pkg=$want") >>"$WORK/dl.log" 2>&1; then
      got=yes
    elif (cd "$WORK/dl" && papt "$WORK/apt/bin.list" download "$pkg") >>"$WORK/dl.log" 2>&1; then
      got=yes
      log "exact version $want not available; using newest $pkg instead (same major)"
    fi
  fi
  [[ -n "$got" ]] || { cat "$WORK/dl.log" >&2; die "could not download $pkg"; }
  deb="$(ls "$WORK"/dl/"$pkg"_*.deb | head -n1)"
  dpkg-deb -x "$deb" "$WORK/hdr"
  inc_server="$WORK/hdr/usr/include/postgresql/$major/server"
  [[ -f "$inc_server/postgres.h" ]] || die "no postgres.h in $(basename "$deb")"
  log "using headers from $(basename "$deb")"
fi

# ------------------------------------------------------- 5. build + install
MAKEARGS=(PG_CONFIG="$PG_CONFIG" with_llvm=no includedir_server="$inc_server")
log "building pgvector ..."
b0=$SECONDS
make -C "$WORK/src/pgvector" -j"$(nproc 2>/dev/null || echo 2)" "${MAKEARGS[@]}" \
  >"$WORK/build.log" 2>&1 || { tail -n 50 "$WORK/build.log" >&2; die "build failed"; }
log "built in $((SECONDS - b0)) s; installing into $("$PG_CONFIG" --pkglibdir) ..."
"${SUDO[@]}" make -C "$WORK/src/pgvector" "${MAKEARGS[@]}" install \
  >"$WORK/install.log" 2>&1 || { tail -n 50 "$WORK/install.log" >&2; die "install failed"; }

# --------------------------------------------------------------- 6. verify
db=pgvector_check
q "DROP DATABASE IF EXISTS $db" >/dev/null
q "CREATE DATABASE $db" >/dev/null
if ! extver="$(q "CREATE EXTENSION IF NOT EXISTS vector; SELECT extversion FROM pg_extension WHERE extname = 'vector'" "$db")" \
   || [[ -z "$extver" ]]; then
  q "DROP DATABASE IF EXISTS $db" >/dev/null || true
  die "CREATE EXTENSION vector failed after install"
fi
q "SELECT '[1,2,3]'::vector <-> '[1,2,4]'::vector" "$db" >/dev/null
q "DROP DATABASE $db" >/dev/null
log "OK: CREATE EXTENSION vector works (extversion $extver); total $((SECONDS - START)) s."
