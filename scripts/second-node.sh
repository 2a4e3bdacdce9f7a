#!/usr/bin/env bash
# A second WildFly node of the test stack on the same database (instance "test2", port offset 1300: HTTP 9380,
# management 11290), for the two-node system tests (systemtests.cluster). Started by scripts/test-stack.sh after
# the first node has deployed (so the two never seed the database at the same time), and again by NodeKillIT after
# it killed this node. Needs the environment test-stack.sh exports (MARKET_DB_URL, MARKET_SEED, MARKET_RUN_DIR...).
# Usage: second-node.sh start | stop | pidfile
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
run=${MARKET_RUN_DIR:-$root/.run}
wildfly=$root/ear/src/main/wildfly/wildfly.sh
instance=test2
offset=1300

case ${1:-} in
  start)
    MARKET_JAVA_OPTS="-Dmarket.sim.base-url=http://localhost:$((8080 + offset))/api/sim/v1 ${MARKET_JAVA_OPTS:-}" \
      "$wildfly" start "$instance" "$offset" "$root/ear/target/marketplace.ear" ;;
  stop) "$wildfly" stop "$instance" ;;
  pidfile) echo "$run/wildfly-$instance.pid" ;;
  *) echo "usage: second-node.sh start | stop | pidfile" >&2; exit 2 ;;
esac
