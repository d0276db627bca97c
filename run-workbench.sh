#!/usr/bin/env bash
# Builds Opsbench if needed and starts the workbench on an embedded Derby workspace (~/.opsbench by default).
# On a fresh machine it first installs what is missing.
#   ./run-workbench.sh [--rebuild] [--workspace DIR] [other bin/opsbench options]
#   ./run-workbench.sh --database jdbc:postgresql://HOST[:PORT]/DB --db-user USER [--db-password-file FILE]
#       works on a team database (docs/server.md, "Rich clients on a team database"): writes the data source and
#       monitoring settings (no scheduling: the servers run the checks) into <workspace>/etc; the password comes from
#       a file (--db-password-file, first line) or from ~/.pgpass, never from the command line. --database embedded goes back.
set -euo pipefail
source "$(dirname "$0")/releng/scripts/env.sh"
ensure_packages libgtk-3-0 libxtst6 fonts-dejavu-core
cd "$OPSBENCH_ROOT"

PRODUCT="$OPSBENCH_ROOT/releng/org.opsbench.repository/target/products/opsbench/linux/gtk/x86_64/opsbench"
REBUILD=false
ARGS=()
DB_URL=""
DB_USER=""
DB_PWFILE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rebuild) REBUILD=true; shift ;;
    --database) DB_URL="${2:?--database needs a JDBC URL or 'embedded'}"; shift 2 ;;
    --db-user) DB_USER="${2:?--db-user needs a user name}"; shift 2 ;;
    --db-password-file) DB_PWFILE="${2:?--db-password-file needs a file}"; shift 2 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
# build when asked, when there is no product yet, or when a source file is newer than it
if $REBUILD || [ ! -x "$PRODUCT/bin/opsbench" ] || \
   [ -n "$(find bundles features releng target-platform -newer "$PRODUCT/bin/opsbench" -type f \
        -not -path '*/target/*' -not -path '*/bin/*' -print -quit 2>/dev/null)" ]; then
  echo "opsbench: building (tests skipped; ./run-tests.sh runs them)" >&2
  mvnw verify -DskipTests
fi

if [ -z "${DISPLAY:-}" ]; then
  echo "opsbench: no display. On a machine without a desktop, run it under a virtual one:" >&2
  echo "  xvfb-run -a $0 $*" >&2
  exit 1
fi
WS="${OPSBENCH_WORKSPACE:-$HOME/.opsbench}"
for ((i = 0; i < ${#ARGS[@]}; i++)); do
  [ "${ARGS[$i]}" = "--workspace" ] && WS="${ARGS[$((i + 1))]:-$WS}"
done
if [ -n "$DB_URL" ]; then
  mkdir -p "$WS/etc"
  if [ "$DB_URL" = "embedded" ]; then
    rm -f "$WS/etc/org.opsbench.persistence.datasource.cfg" "$WS/etc/org.opsbench.monitoring.cfg"
    echo "opsbench: back on the embedded database in $WS/db" >&2
  else
    case "$DB_URL" in
      jdbc:*) ;;
      *) echo "opsbench: --database: a JDBC URL such as jdbc:postgresql://host/opsbench, not '$DB_URL'" >&2; exit 2 ;;
    esac
    case "$DB_URL" in
      *password=*) echo "opsbench: --database: never put a password into the URL (use --db-password-file or ~/.pgpass)" >&2
        exit 2 ;;
    esac
    ref=""; [ -n "$DB_PWFILE" ] && ref="file:$(cd "$(dirname "$DB_PWFILE")" && pwd)/$(basename "$DB_PWFILE")"
    printf 'url = %s\nuser = %s\npasswordReference = %s\n' "$DB_URL" "$DB_USER" "$ref" \
      > "$WS/etc/org.opsbench.persistence.datasource.cfg"
    # the servers run the checks; this client shows and changes data
    printf 'scheduling = false\n' > "$WS/etc/org.opsbench.monitoring.cfg"
    if [ -z "$DB_PWFILE" ] && [[ "$DB_URL" == jdbc:postgresql://* ]]; then
      hostport="${DB_URL#jdbc:postgresql://}"; hostport="${hostport%%/*}"
      dbname="${DB_URL#jdbc:postgresql://*/}"; dbname="${dbname%%\?*}"
      host="${hostport%%:*}"; port="5432"; [ "$hostport" != "$host" ] && port="${hostport#*:}"
      entry="$host:$port:$dbname:${DB_USER:-*}:"
      if ! grep -qs "^$host:$port:$dbname:${DB_USER:-\*}:" "$HOME/.pgpass"; then
        read -r -s -p "Password of ${DB_USER:-the database user} on $host:$port/$dbname (kept in ~/.pgpass, mode 0600): " pw
        echo >&2
        umask 077
        printf '%s%s\n' "$entry" "$(printf '%s' "$pw" | sed 's/\\/\\\\/g; s/:/\\:/g')" >> "$HOME/.pgpass"
        chmod 600 "$HOME/.pgpass"
      fi
    fi
    echo "opsbench: on the team database $DB_URL as ${DB_USER:-(no user)}; log in with your Opsbench account" >&2
  fi
fi
if [ -z "$DB_URL" ] && [ ! -d "$WS/db" ] && [ ! -f "$WS/etc/org.opsbench.persistence.datasource.cfg" ]; then
  echo "opsbench: first start of $WS: log in as 'admin' with the password Opsbench writes to" >&2
  echo "  $WS/security/initial-admin-password" >&2
  echo "  (or put 'singleUser = true' into $WS/etc/org.opsbench.security.cfg to skip the login)" >&2
fi
exec "$PRODUCT/bin/opsbench" ${ARGS[@]+"${ARGS[@]}"}
