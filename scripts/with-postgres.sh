#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster:
#   scripts/with-postgres.sh build/dxmon_tests --gtest_filter='*Conformance*'
# Starts a private cluster in a temporary directory (listening on 127.0.0.1 only, on a free port,
# trust authentication), creates the database dxmon_test, exports
#   DXMON_TEST_POSTGRES=postgresql://dxmon@127.0.0.1:PORT/dxmon_test
# runs the command, then stops the cluster and deletes the directory, whatever the command did.
# The command's exit status is the script's. Works as a normal user and as root (initdb refuses to
# run as root, so the server then runs as the `postgres` user).
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS…]" >&2
  exit 2
fi

# The newest installed server (Debian: /usr/lib/postgresql/<version>/bin).
bindir=""
for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5 -n); do
  [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && bindir=$dir
done
if [ -z "$bindir" ]; then
  echo "with-postgres: no PostgreSQL server found under /usr/lib/postgresql/*/bin (run scripts/setup.sh)" >&2
  exit 1
fi

# The server may not run as root: as root, run it as `postgres` in a directory that user owns.
as_root=""
if [ "$(id -u)" -eq 0 ]; then
  as_root=yes
  if ! id postgres >/dev/null 2>&1; then
    echo "with-postgres: running as root but there is no 'postgres' user to run the server as" >&2
    exit 1
  fi
fi
as_server() {
  if [ -z "$as_root" ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
  fi
}

workdir=$(mktemp -d "${TMPDIR:-/tmp}/dxmon-pg.XXXXXX")
chmod 755 "$workdir"
if [ -n "$as_root" ]; then chown postgres: "$workdir"; fi

cleanup() {
  if [ -f "$workdir/data/postmaster.pid" ]; then
    as_server "$bindir/pg_ctl" -D "$workdir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# C.UTF-8 keeps the server independent of which locales the machine has generated.
as_server "$bindir/initdb" -D "$workdir/data" -U dxmon --auth=trust --encoding=UTF8 \
  --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1 || {
  cat "$workdir/initdb.log" >&2
  exit 1
}

# Pick a free port; if another process takes it before the server binds, try another.
started=""
for _ in 1 2 3 4 5 6 7 8; do
  port=$((20000 + RANDOM % 40000))
  port_in_use "$port" && continue
  if as_server "$bindir/pg_ctl" -D "$workdir/data" -l "$workdir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$workdir' -c fsync=off" \
    start >/dev/null; then
    started=yes
    break
  fi
done
if [ -z "$started" ]; then
  echo "with-postgres: the server did not start; its log:" >&2
  cat "$workdir/server.log" >&2 || true
  exit 1
fi

"$bindir/createdb" -h 127.0.0.1 -p "$port" -U dxmon dxmon_test
export DXMON_TEST_POSTGRES="postgresql://dxmon@127.0.0.1:$port/dxmon_test"
echo "with-postgres: PostgreSQL $(basename "$(dirname "$bindir")") on $DXMON_TEST_POSTGRES" >&2

status=0
"$@" || status=$?
exit "$status"
