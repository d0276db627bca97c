# Sourced by the top-level scripts: selects the JDK and installs the system packages a command needs.
# Installs through apt when run as root; otherwise stops with the exact line to run.

OPSBENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export OPSBENCH_ROOT

# Temurin 25: Tycho 5 needs Java 21+, current SWT needs JavaSE-21; the machine's default java 17 is too old.
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [ ! -x "$JAVA_HOME/bin/java" ]; then
  echo "opsbench: no JDK 21+ found. Install Temurin 25 and run again with:" >&2
  echo "  JAVA_HOME=/path/to/temurin-25 $0 $*" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

# ensure_packages PKG... : installs the Debian packages that are missing.
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "opsbench: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || {
      echo "opsbench: apt-get install ${missing[*]} failed" >&2
      exit 1
    }
  else
    echo "opsbench: missing system packages. Run:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
}

# Packages for SWT under Xvfb.
UI_PACKAGES=(xvfb xauth libgtk-3-0 libxtst6 fonts-dejavu-core imagemagick)
# Packages for the SSH tests: a real OpenSSH server and client (ssh-keygen).
SSH_PACKAGES=(openssh-server openssh-client)
# Packages for the monitoring tests: the real monitoring-plugins (check_tcp, check_dummy, check_disk, check_load).
MONITORING_PACKAGES=(monitoring-plugins-basic)
# Packages for the assets tests: ansible-inventory checks the exported inventories.
ASSETS_PACKAGES=(ansible-core)
# Packages for the PostgreSQL tests: a real server (initdb, pg_ctl, postgres, psql under /usr/lib/postgresql/*/bin),
# started per test class by PostgresExtension as the unprivileged test user (PostgreSQL refuses to run as root).
POSTGRES_PACKAGES=(postgresql)
# Packages for the REST API benchmark only (releng/bench-api, never CI): the wrk load generator.
BENCH_PACKAGES=(wrk)

# ensure_ssh_test_user : the SSH tests log in as a dedicated user with /bin/sh (root's profile is slow and
# would swamp the figures). Created when run as root; otherwise the tests log in as the current user.
ensure_ssh_test_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  if ! id opsbench-test >/dev/null 2>&1; then
    useradd -m -s /bin/sh opsbench-test
  fi
  # '*' = no password can ever match, key login stays allowed
  usermod -p '*' opsbench-test
}

# mvnw : the Maven wrapper with the project's JDK.
mvnw() {
  "$OPSBENCH_ROOT/mvnw" -B "$@"
}
