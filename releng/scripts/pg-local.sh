#!/usr/bin/env bash
# A throw-away PostgreSQL for benchmarks and manual runs, on 127.0.0.1 only.
#   pg-local.sh start DIR PORT   initdb into DIR (if new), start postgres on PORT, create database and user "opsbench"
#                                with a random password (written to DIR/opsbench.password, mode 0600), print the URL
#   pg-local.sh stop DIR         stop it (the data stays in DIR; rm -rf DIR to throw it away)
# As root the server runs as the unprivileged user opsbench-test (PostgreSQL refuses root); DIR then belongs to it.
set -euo pipefail
cmd=${1:-}; dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2
fi
bin=${OPSBENCH_POSTGRES_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
if [ ! -x "$bin/initdb" ]; then
  echo "pg-local: no PostgreSQL server found (apt-get install postgresql, or set OPSBENCH_POSTGRES_BIN)" >&2; exit 1
fi
as_server() {
  if [ "$(id -u)" -eq 0 ]; then
    id opsbench-test >/dev/null 2>&1 || useradd -m -s /bin/sh opsbench-test
    (cd / && runuser -u opsbench-test -- "$@")
  else
    "$@"
  fi
}
case "$cmd" in
  start)
    port=${3:?usage: $0 start DIR PORT}
    mkdir -p "$dir"; dir=$(cd "$dir" && pwd); chmod 700 "$dir"
    if [ "$(id -u)" -eq 0 ]; then
      id opsbench-test >/dev/null 2>&1 || useradd -m -s /bin/sh opsbench-test
      chown opsbench-test "$dir"
      if ! runuser -u opsbench-test -- test -w "$dir"; then
        echo "pg-local: the server runs as opsbench-test, which cannot reach $dir (a parent folder is closed to it):" \
          "choose a DIR under /tmp or /var/tmp" >&2; exit 1
      fi
    fi
    fresh=no
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_server "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C --auth-local=trust \
        --auth-host=scram-sha-256 >"$dir/initdb.log"
      fresh=yes
    fi
    as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -o "-c listen_addresses=127.0.0.1 -c port=$port \
      -c unix_socket_directories=$dir -c max_connections=200" start >/dev/null
    if [ "$fresh" = yes ]; then
      pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
      umask 077; printf '%s\n' "$pw" >"$dir/opsbench.password"
      "$bin/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE opsbench LOGIN PASSWORD '$pw'" -c "CREATE DATABASE opsbench OWNER opsbench"
    fi
    echo "url=jdbc:postgresql://127.0.0.1:$port/opsbench"
    echo "user=opsbench"
    echo "passwordReference=file:$dir/opsbench.password"
    ;;
  stop)
    dir=$(cd "$dir" && pwd)
    as_server "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
