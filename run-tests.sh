#!/usr/bin/env bash
# Runs the whole test suite (OSGi, Derby and PostgreSQL, a real sshd, SWT under Xvfb) and archcheck.
# On a fresh machine it first installs what is missing. Extra arguments go to Maven (e.g. -o).
set -euo pipefail
source "$(dirname "$0")/releng/scripts/env.sh"
ensure_packages "${UI_PACKAGES[@]}" "${SSH_PACKAGES[@]}" "${MONITORING_PACKAGES[@]}" "${ASSETS_PACKAGES[@]}" \
  "${POSTGRES_PACKAGES[@]}"
ensure_ssh_test_user
cd "$OPSBENCH_ROOT"

if [ -x ../shared/tools/archcheck ]; then
  ../shared/tools/archcheck .
fi

# SWT tests need a display: use the caller's, or a private Xvfb.
if [ -n "${DISPLAY:-}" ] && xdpyinfo >/dev/null 2>&1; then
  mvnw clean verify "$@"
else
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$OPSBENCH_ROOT/mvnw" -B clean verify "$@"
fi
