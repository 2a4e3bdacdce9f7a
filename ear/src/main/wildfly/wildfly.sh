#!/usr/bin/env bash
# Provisions, starts and stops WildFly for the marketplace. The distribution comes from Maven Central, is unpacked
# once under $MARKET_RUN_DIR and configured only by configure.cli (re-provisioned when that script changes).
# Each instance (dev, test, node2...) runs from its own base directory with its own port offset.
# Usage: wildfly.sh provision | start INSTANCE PORT_OFFSET EAR | stop INSTANCE | status INSTANCE
# Env for start: MARKET_DB_URL, MARKET_DB_USER, MARKET_DB_PASSWORD, KEYCLOAK_URL, MARKET_JAVA_OPTS, and any
#                MARKET_* setting the application reads.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
run=${MARKET_RUN_DIR:-$root/.run}
version=${WILDFLY_VERSION:-39.0.1.Final}
pg_version=${POSTGRESQL_DRIVER_VERSION:-42.7.14}
home=$run/wildfly-$version
mkdir -p "$run"

m2_artifact() { # group artifact version ext -> path in the local repository, fetched if missing
  local path=${M2_REPO:-$HOME/.m2/repository}/${1//.//}/$2/$3/$2-$3.$4
  if [[ ! -f $path ]]; then
    mvn -q -B dependency:get -Dartifact="$1:$2:$3:$4" -Dtransitive=false >&2
  fi
  echo "$path"
}

provision() {
  local stamp; stamp=$(cat "$here/configure.cli" "$0" | sha256sum | cut -c1-16)
  [[ -f $home/.configured-$stamp ]] && return 0
  echo "Provisioning WildFly $version (first time or configuration changed)..." >&2
  local zip; zip=$(m2_artifact org.wildfly wildfly-dist "$version" zip)
  rm -rf "$home"
  (cd "$run" && jar xf "$zip") # jar ships with every JDK; unzip may be missing
  chmod +x "$home"/bin/*.sh
  local driver; driver=$(m2_artifact org.postgresql postgresql "$pg_version" jar)
  local mod=$home/modules/org/postgresql/main
  mkdir -p "$mod"
  cp "$driver" "$mod/"
  cat > "$mod/module.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<module xmlns="urn:jboss:module:1.9" name="org.postgresql">
  <resources><resource-root path="$(basename "$driver")"/></resources>
  <dependencies><module name="java.sql"/><module name="java.naming"/><module name="java.logging"/><module name="java.management"/><module name="java.security.jgss"/><module name="java.xml"/><module name="jakarta.transaction.api"/></dependencies>
</module>
XML
  "$home/bin/jboss-cli.sh" --file="$here/configure.cli" >"$run/wildfly-configure.log" 2>&1 \
    || { cat "$run/wildfly-configure.log" >&2; exit 1; }
  touch "$home/.configured-$stamp"
}

pid_alive() { [[ -f $1 ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

start() {
  local instance=$1 offset=$2 ear=$3
  local base=$run/wildfly-$instance pidfile=$run/wildfly-$instance.pid
  provision
  if pid_alive "$pidfile"; then
    echo "WildFly $instance already running (pid $(cat "$pidfile")); stop it first" >&2; exit 1
  fi
  mkdir -p "$base/deployments" "$base/data" "$base/log"
  rm -rf "$base/configuration" "$base/tmp"
  cp -r "$home/standalone/configuration" "$base/configuration"
  rm -f "$base"/deployments/*
  cp "$ear" "$base/deployments/marketplace.ear"
  local opts="-Xms256m -Xmx${MARKET_HEAP:-1g} -XX:+UseParallelGC -XX:MetaspaceSize=96m -Djava.net.preferIPv4Stack=true"
  opts+=" -Djava.util.concurrent.ForkJoinPool.common.parallelism=4 -Djboss.modules.system.pkgs=org.jboss.byteman"
  opts+=" -Djava.awt.headless=true ${MARKET_JAVA_OPTS:-}"
  JAVA_OPTS="$opts" nohup "$home/bin/standalone.sh" -c standalone.xml \
    -Djboss.server.base.dir="$base" -Djboss.socket.binding.port-offset="$offset" \
    -Djboss.tx.node.id="market-$instance" -Djboss.node.name="market-$instance" \
    >"$run/wildfly-$instance.out" 2>&1 &
  echo $! >"$pidfile"
  local deadline=$((SECONDS + ${MARKET_DEPLOY_TIMEOUT:-240}))
  while ((SECONDS < deadline)); do
    [[ -f $base/deployments/marketplace.ear.deployed ]] && return 0
    if [[ -f $base/deployments/marketplace.ear.failed ]]; then
      echo "Deployment failed; see $base/log/server.log" >&2; cat "$base/deployments/marketplace.ear.failed" >&2; return 1
    fi
    pid_alive "$pidfile" || { echo "WildFly exited; see $run/wildfly-$instance.out" >&2; tail -30 "$run/wildfly-$instance.out" >&2; return 1; }
    sleep 0.5
  done
  echo "WildFly $instance did not deploy within the timeout; see $base/log/server.log" >&2
  return 1
}

stop() {
  local pidfile=$run/wildfly-$1.pid
  if pid_alive "$pidfile"; then
    local pid; pid=$(cat "$pidfile")
    # standalone.sh runs java as a child: stop the whole process group
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    pkill -KILL -P "$pid" 2>/dev/null || true
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

case ${1:-} in
  provision) provision ;;
  start) start "$2" "$3" "$4" ;;
  stop) stop "$2" ;;
  status) pid_alive "$run/wildfly-$2.pid" && echo "running (pid $(cat "$run/wildfly-$2.pid"))" || echo "stopped" ;;
  *) echo "usage: wildfly.sh provision | start INSTANCE PORT_OFFSET EAR | stop INSTANCE | status INSTANCE" >&2; exit 2 ;;
esac
