#!/bin/sh
# Runs a command against a throw-away PostgreSQL cluster built from Debian's server binaries
# (/usr/lib/postgresql/*/bin), listening on 127.0.0.1 only, then stops and deletes it.
# Usage: collector/scripts/with-postgres.sh [command …]
#   default command: the collector on PostgreSQL, in one vitest run (vitest.postgres.config.ts): the
#   collector's tests that can open a database (the files collector/scripts/database-tests.mjs lists:
#   those that can reach the PostgreSQL adapter, start a process or name DATABASE_URL; the rest run
#   once, on PGlite, in the vitest step) and every *.postgres.test.ts
# The command sees DATABASE_URL, and PG_CTL: pg_ctl on that cluster as its owner, for tests that
# stop, start or restart the server under a running collector (`sh -c "$PG_CTL -m fast -w restart"`).
# As root, the server runs as the `postgres` user (initdb refuses root).
set -eu

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "with-postgres: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2
  exit 2
fi

port=${PGPORT_TEST:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
dir=$(mktemp -d "${TMPDIR:-/tmp}/hearback-pg.XXXXXX")
as_owner() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  chown postgres "$dir"
  as_owner() { runuser -u postgres -- "$@"; }
fi

stop() {
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT INT TERM

as_owner "$bin/initdb" -D "$dir/data" -U hearback --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }

export DATABASE_URL="postgres://hearback@127.0.0.1:$port/postgres"
PG_CTL="$bin/pg_ctl -D $dir/data -l $dir/server.log"
[ "$(id -u)" = 0 ] && PG_CTL="runuser -u postgres -- $PG_CTL"
export PG_CTL
echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
if [ $# -eq 0 ]; then
  npx vitest run --config vitest.postgres.config.ts
else
  "$@"
fi
