#!/usr/bin/env bash
# Start, stop and query a local Keycloak with the "marketplace" realm.
#
#   keycloak.sh start | stop | restart | status | token USER PASSWORD
#
# Environment (all optional):
#   KEYCLOAK_VERSION      dist version (default 26.5.6)
#   MARKET_RUN_DIR        where dists, instances, logs and pid files live (default <repo>/.run)
#   KC_INSTANCE           instance name; each has its own copy of the dist and database (default dev)
#   KC_PORT               HTTP port (default 8180)
#   KC_MGMT_PORT          management port: health, metrics (default 9180)
#   KC_ADMIN_PASSWORD     bootstrap admin password of the master realm (default admin)
#   PORTAL_CLIENT_SECRET  secret of the confidential "portal" client (default portal-dev-secret)
#   KC_START_TIMEOUT      seconds to wait for the realm to answer (default 180)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULE_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
REALM_FILE="$MODULE_DIR/realm/marketplace-realm.json"
REALM_NAME="marketplace"

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.5.6}"
RUN_DIR="${MARKET_RUN_DIR:-$REPO_ROOT/.run}"
case "$RUN_DIR" in /*) ;; *) RUN_DIR="$PWD/$RUN_DIR" ;; esac
KC_INSTANCE="${KC_INSTANCE:-dev}"
PORT_FILE="$RUN_DIR/keycloak-$KC_INSTANCE.port"
# a running instance remembers its port, so status/token/stop find it without KC_PORT
if [ -z "${KC_PORT:-}" ] && [ -f "$PORT_FILE" ]; then KC_PORT="$(cat "$PORT_FILE")"; fi
KC_PORT="${KC_PORT:-8180}"
KC_MGMT_PORT="${KC_MGMT_PORT:-9180}"
KC_ADMIN_PASSWORD="${KC_ADMIN_PASSWORD:-admin}"
KC_START_TIMEOUT="${KC_START_TIMEOUT:-180}"
export PORTAL_CLIENT_SECRET="${PORTAL_CLIENT_SECRET:-portal-dev-secret}"

DIST_DIR="$RUN_DIR/keycloak-$KEYCLOAK_VERSION"
INSTANCE_DIR="$RUN_DIR/keycloak-$KC_INSTANCE"
PID_FILE="$RUN_DIR/keycloak-$KC_INSTANCE.pid"
LOG_FILE="$RUN_DIR/keycloak-$KC_INSTANCE.log"
BASE_URL="http://localhost:$KC_PORT"
WELL_KNOWN="$BASE_URL/realms/$REALM_NAME/.well-known/openid-configuration"

log() { echo "keycloak[$KC_INSTANCE]: $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

http_code() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }
answering() { [ "$(http_code "$WELL_KNOWN")" = "200" ]; }

running_pid() {
  # prints the pid if the pid file names a live process, else nothing (and removes a stale pid file)
  [ -f "$PID_FILE" ] || return 0
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    echo "$pid"
  else
    rm -f "$PID_FILE" "$PORT_FILE"
  fi
}

# --- distribution -------------------------------------------------------------------------------------

unpack_zip() { # zip targetdir
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$1" -d "$2"
  elif command -v jar >/dev/null 2>&1; then
    (cd "$2" && jar xf "$1")
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$1" "$2"
  else
    die "need unzip, jar or python3 to unpack $1"
  fi
}

ensure_dist() {
  [ -x "$DIST_DIR/bin/kc.sh" ] && return 0
  mkdir -p "$RUN_DIR"
  local m2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
  local zip="$m2/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  if [ ! -f "$zip" ]; then
    log "fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip with Maven"
    local dl="$RUN_DIR/download"
    mkdir -p "$dl"
    # run outside any project (a pom.xml in the cwd would be loaded as the reactor)
    (cd "$dl" && mvn -q -B -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy -Dtransitive=false \
      "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" "-DoutputDirectory=$dl") \
      || die "could not fetch the Keycloak distribution"
    zip="$dl/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  fi
  log "unpacking $zip"
  local tmp="$RUN_DIR/.unpack-$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  unpack_zip "$zip" "$tmp"
  [ -d "$tmp/keycloak-$KEYCLOAK_VERSION" ] || die "unexpected zip layout in $zip"
  chmod +x "$tmp/keycloak-$KEYCLOAK_VERSION"/bin/*.sh
  rm -rf "$DIST_DIR"
  mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$DIST_DIR"
  rm -rf "$tmp" "$RUN_DIR/download"
}

# Each instance is its own copy of the dist (Keycloak keeps its H2 database, import dir and the
# re-augmented build under its home), so dev and test never share state.
ensure_instance() {
  ensure_dist
  if [ ! -x "$INSTANCE_DIR/bin/kc.sh" ] || [ "$(cat "$INSTANCE_DIR/.kc-version" 2>/dev/null || true)" != "$KEYCLOAK_VERSION" ]; then
    log "creating instance $INSTANCE_DIR from keycloak-$KEYCLOAK_VERSION"
    rm -rf "$INSTANCE_DIR"
    cp -a "$DIST_DIR" "$INSTANCE_DIR"
    echo "$KEYCLOAK_VERSION" > "$INSTANCE_DIR/.kc-version"
  fi
  local import_dir="$INSTANCE_DIR/data/import"
  mkdir -p "$import_dir"
  # --import-realm skips a realm that already exists: when the realm file (or the secret substituted
  # into it at import time) changes, drop the database so the next start imports it afresh.
  local want have
  want="$( { cat "$REALM_FILE"; echo "PORTAL_CLIENT_SECRET=$PORTAL_CLIENT_SECRET"; } | sha256sum | cut -d' ' -f1)"
  have="$(cat "$INSTANCE_DIR/.realm-hash" 2>/dev/null || true)"
  if [ "$want" != "$have" ]; then
    if [ -d "$INSTANCE_DIR/data/h2" ]; then
      log "realm file changed: wiping $INSTANCE_DIR/data/h2 to re-import"
    fi
    rm -rf "$INSTANCE_DIR/data/h2"
    cp "$REALM_FILE" "$import_dir/$REALM_NAME-realm.json"
    echo "$want" > "$INSTANCE_DIR/.realm-hash"
  fi
}

# --- subcommands --------------------------------------------------------------------------------------

cmd_start() {
  local pid t0 t0ns elapsed
  pid="$(running_pid)"
  if [ -n "$pid" ]; then
    local running_port
    running_port="$(cat "$PORT_FILE" 2>/dev/null || true)"
    if [ -n "$running_port" ] && [ "$running_port" != "$KC_PORT" ]; then
      die "instance $KC_INSTANCE already runs on port $running_port (pid $pid); stop it first"
    fi
    if answering; then
      echo "Keycloak: $BASE_URL (realm $REALM_NAME) already running, pid $pid"
      return 0
    fi
    log "pid $pid is alive but the realm does not answer yet: waiting for it"
  else
    if [ "$(http_code "$BASE_URL/")" != "000" ]; then
      die "port $KC_PORT is already in use by something else (no live pid in $PID_FILE)"
    fi
    ensure_instance
    : > "$LOG_FILE"
    # setsid: own process group, so stop can also kill the JVM if kc.sh does not forward the signal
    (
      cd "$INSTANCE_DIR"
      KC_BOOTSTRAP_ADMIN_USERNAME=admin \
      KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD" \
      JAVA_OPTS_APPEND="${KC_JAVA_OPTS_APPEND:--XX:TieredStopAtLevel=1 -Xmx256m}" \
      exec setsid nohup "$INSTANCE_DIR/bin/kc.sh" start-dev \
        --http-host=127.0.0.1 --http-port="$KC_PORT" --http-management-port="$KC_MGMT_PORT" \
        --hostname="$BASE_URL" --import-realm \
        </dev/null >>"$LOG_FILE" 2>&1
    ) &
    pid=$!
    echo "$pid" > "$PID_FILE"
    echo "$KC_PORT" > "$PORT_FILE"
    log "started pid $pid, log $LOG_FILE"
  fi
  t0=$(date +%s)
  t0ns=$(date +%s%N)
  local polls=0
  while ! answering; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo >&2
      rm -f "$PID_FILE" "$PORT_FILE"
      tail -n 40 "$LOG_FILE" >&2 || true
      die "Keycloak exited during start-up (see $LOG_FILE)"
    fi
    elapsed=$(( $(date +%s) - t0 ))
    if [ "$elapsed" -ge "$KC_START_TIMEOUT" ]; then
      echo >&2
      tail -n 40 "$LOG_FILE" >&2 || true
      die "realm $REALM_NAME did not answer within ${KC_START_TIMEOUT}s (see $LOG_FILE); still running as pid $pid"
    fi
    polls=$((polls + 1))
    [ $((polls % 4)) -eq 0 ] && printf '.' >&2
    sleep 0.5
  done
  echo >&2
  elapsed="$(awk -v a="$t0ns" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')"
  echo "Keycloak: $BASE_URL (realm $REALM_NAME) ready in ${elapsed}s"
}

cmd_stop() {
  local pid i
  pid="$(running_pid)"
  if [ -z "$pid" ]; then
    echo "Keycloak[$KC_INSTANCE]: not running"
    rm -f "$PID_FILE" "$PORT_FILE"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "pid $pid did not stop within 20 s: killing its process group"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  # the JVM child (same process group) may outlive kc.sh for a moment
  for i in $(seq 1 20); do
    pgrep -g "$pid" >/dev/null 2>&1 || break
    sleep 0.5
  done
  if pgrep -g "$pid" >/dev/null 2>&1; then
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE" "$PORT_FILE"
  echo "Keycloak[$KC_INSTANCE]: stopped (pid $pid)"
}

cmd_status() {
  local pid
  pid="$(running_pid)"
  if [ -n "$pid" ] && answering; then
    echo "Keycloak[$KC_INSTANCE]: running, pid $pid, $BASE_URL (realm $REALM_NAME), log $LOG_FILE"
  elif [ -n "$pid" ]; then
    echo "Keycloak[$KC_INSTANCE]: pid $pid alive but realm $REALM_NAME not answering at $BASE_URL (starting?)"
    return 1
  else
    echo "Keycloak[$KC_INSTANCE]: not running"
    return 3
  fi
}

cmd_token() {
  [ $# -eq 2 ] || die "usage: keycloak.sh token USER PASSWORD"
  local body token
  body="$(curl -s -m 20 -X POST "$BASE_URL/realms/$REALM_NAME/protocol/openid-connect/token" \
    --data-urlencode grant_type=password \
    --data-urlencode client_id=marketplace-cli \
    --data-urlencode "username=$1" \
    --data-urlencode "password=$2" \
    --data-urlencode scope=openid)" || die "token endpoint at $BASE_URL not reachable"
  token="$(printf '%s' "$body" | tr -d '\n' | sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')"
  [ -n "$token" ] || die "no access token: $body"
  printf '%s\n' "$token"
}

usage() {
  cat >&2 <<EOF
usage: $(basename "$0") start | stop | restart | status | token USER PASSWORD
env: KC_INSTANCE=$KC_INSTANCE KC_PORT=$KC_PORT KC_MGMT_PORT=$KC_MGMT_PORT MARKET_RUN_DIR=$RUN_DIR
EOF
  exit 2
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  restart) cmd_stop; cmd_start ;;
  status) cmd_status ;;
  token) shift; cmd_token "$@" ;;
  *) usage ;;
esac
