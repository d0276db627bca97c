#!/usr/bin/env bash
# Builds examples/ (a third party's Tycho build) against the p2 repository of this checkout's build.
# Usage: releng/scripts/build-examples.sh [MAVEN-LOCAL-REPOSITORY] [offline=true|offline=false]
# The jars land in examples/*/target/; the server integration tests (ExtensionsTest) install them.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
REPO="$ROOT/releng/org.opsbench.repository/target/repository"
if [ ! -f "$REPO/artifacts.jar" ] && [ ! -f "$REPO/artifacts.xml.xz" ]; then
  echo "No p2 repository at $REPO: build the project first (./mvnw -B verify -DskipTests)" >&2
  exit 1
fi
args=(-B -f "$ROOT/examples/pom.xml" clean verify "-Dopsbench.sdk.repository=file:$REPO")
[ -n "${1:-}" ] && args+=("-Dmaven.repo.local=$1")
[ "${2:-}" = "offline=true" ] && args+=(-o)
exec "$ROOT/mvnw" "${args[@]}"
