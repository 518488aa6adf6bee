#!/usr/bin/env bash
# Makes sure the PostgreSQL server the tests use answers: a cluster of berth's own (not Debian's
# main one) on 127.0.0.1:${BERTH_TEST_PG_PORT:-55432}, data in /var/tmp/berth-pg, user `berth`
# trusted on loopback only, database `berth`. As root on a machine without the server, installs
# Debian's postgresql. Idempotent: does nothing when the cluster already answers. Tests reach it
# at postgres://berth@127.0.0.1:55432/berth unless BERTH_TEST_PG says otherwise, and each test
# works in a schema or database of its own that it drops afterwards.
set -euo pipefail

port="${BERTH_TEST_PG_PORT:-55432}"
data=/var/tmp/berth-pg
log=/var/tmp/berth-pg.log

answers() { pg_isready -q -h 127.0.0.1 -p "$port" 2>/dev/null; }
if command -v pg_isready >/dev/null 2>&1 && answers; then
  exit 0
fi

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(bindir)" ] || [ ! -x "$(bindir)/postgres" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "No PostgreSQL server is installed; the PostgreSQL tests need one." >&2
    echo "Install it (Debian: 'sudo apt-get install postgresql'), then run this again." >&2
    exit 1
  fi
  echo "Installing Debian's postgresql ..." >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
bin="$(bindir)"

# PostgreSQL refuses to run as root: as root the cluster belongs to the postgres user.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ ! -f "$data/PG_VERSION" ]; then
  rm -rf "$data"
  mkdir -p "$data"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$data"; fi
  as_owner "$bin/initdb" -D "$data" -U berth -A trust --auth-host=trust -E UTF8 >/dev/null
fi
# Descriptors beyond the standard three are closed so that a flock held by the caller is not
# inherited by the server for good.
touch "$log"
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$log"; fi
as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=/tmp -c max_connections=300 -c fsync=off" \
  start >/dev/null 3>&- 4>&- 5>&- 6>&- 7>&- 8>&- 9>&- || { tail -n 20 "$log" >&2; exit 1; }
if ! psql -h 127.0.0.1 -p "$port" -U berth -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'berth'" | grep -q 1; then
  psql -h 127.0.0.1 -p "$port" -U berth -d postgres -qc "CREATE DATABASE berth" >/dev/null
fi
