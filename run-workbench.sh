#!/usr/bin/env bash
# Builds Opsbench if needed and starts the workbench on an embedded Derby workspace (~/.opsbench by default).
# On a fresh machine it first installs what is missing.
#   ./run-workbench.sh [--rebuild] [--workspace DIR] [other bin/opsbench options]
set -euo pipefail
source "$(dirname "$0")/releng/scripts/env.sh"
ensure_packages libgtk-3-0 libxtst6 fonts-dejavu-core
cd "$OPSBENCH_ROOT"

PRODUCT="$OPSBENCH_ROOT/releng/org.opsbench.repository/target/products/opsbench/linux/gtk/x86_64/opsbench"
REBUILD=false
ARGS=()
for a in "$@"; do
  if [ "$a" = "--rebuild" ]; then REBUILD=true; else ARGS+=("$a"); fi
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
if [ ! -d "$WS/db" ]; then
  echo "opsbench: first start of $WS: log in as 'admin' with the password Opsbench writes to" >&2
  echo "  $WS/security/initial-admin-password" >&2
  echo "  (or put 'singleUser = true' into $WS/etc/org.opsbench.security.cfg to skip the login)" >&2
fi
exec "$PRODUCT/bin/opsbench" ${ARGS[@]+"${ARGS[@]}"}
