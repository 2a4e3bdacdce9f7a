# Sourced by ./marketplace test: every test, in two layers.
#  1. mvn install: unit tests of every module (money, ledger, holds and journals on a real PostgreSQL).
#  2. The system tests (*IT in system-tests) against a fresh test stack: its own database, Keycloak instance
#     "test" on 8480, WildFly instance "test" on 8380 and the Stripe stub on 12211 (unless STRIPE_SECRET_KEY is set),
#     so a running dev stack is left alone.
# PostgreSQL is the one on 127.0.0.1:5432 when it answers, else an embedded one started for the run.

test_pg_host=127.0.0.1
# the test stack's own Stripe stub, so a running dev stack's (12111) is left alone
test_stripe_stub_port=12211
test_pg_port=5432

ensure_test_postgres() {
  if (exec 3<>/dev/tcp/$test_pg_host/$test_pg_port) 2>/dev/null; then
    log "Using PostgreSQL at $test_pg_host:$test_pg_port"
    return 0
  fi
  log "No PostgreSQL on $test_pg_host:$test_pg_port: starting an embedded one for the tests"
  test_pg_port=15433
  start_embedded_db "$test_pg_port" test
}

ensure_browser() {
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then return 0; fi
  log "Installing Debian's chromium and chromium-driver for the browser tests..."
  if [[ $(id -u) == 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

run_all_tests() {
  local t0=$SECONDS rc=0
  # one test stack per machine (fixed ports): a second run waits for the first
  exec 9>"${TMPDIR:-/tmp}/marketplace-test-stack.lock"
  if ! flock -n 9; then
    log "Another test run holds the test stack; waiting for it..."
    flock 9
  fi
  ensure_browser
  # devtools is needed for an embedded database before the unit tests run
  if [[ ! -f $root/devtools/target/devtools.jar ]]; then
    mvn -B -q -o install -DskipTests >"$run/build.log" 2>&1 || mvn -B -q install -DskipTests >"$run/build.log" 2>&1 \
      || { tail -40 "$run/build.log" >&2; die "build failed"; }
  fi
  ensure_test_postgres
  # MARKET_IT=<failsafe pattern> (e.g. "Webhook*IT"): build without unit tests, run only those system tests
  local skip_units=() it_filter=()
  if [[ -n ${MARKET_IT:-} ]]; then
    skip_units=(-DskipTests); it_filter=("-Dit.test=$MARKET_IT" -Dfailsafe.failIfNoSpecifiedTests=false)
    log "MARKET_IT=$MARKET_IT: unit tests skipped, only matching system tests run"
  fi
  log "Unit tests (mvn install)..."
  set +e
  mvn -B clean install "${skip_units[@]}" -Dmarket.test.pgHost=$test_pg_host -Dmarket.test.pgPort=$test_pg_port 2>&1 | tee "$run/unit-tests.log" \
    | grep --line-buffered -E '^\[(INFO|ERROR|WARNING)\] (Tests run:|BUILD|Reactor Summary|.*FAIL)|^\[ERROR\]'
  rc=${PIPESTATUS[0]}
  set -e
  ((rc == 0)) || die "unit tests failed ($((SECONDS - t0)) s); see $run/unit-tests.log"

  # globals: the EXIT trap uses them after this function has returned
  test_db="market_test_$(date +%Y%m%d%H%M%S)_$$"
  admin_url="jdbc:postgresql://$test_pg_host:$test_pg_port/postgres"
  java -cp "$devtools_cp" dev.marketplace.devtools.CreateDatabase "$admin_url" postgres "$test_db" >&2
  export MARKET_DB_URL="jdbc:postgresql://$test_pg_host:$test_pg_port/$test_db" MARKET_DB_USER=postgres MARKET_DB_PASSWORD=postgres
  # the system tests spend the demo credit quickly: give the test stack more
  export MARKET_DEMO_CREDIT_MICROS=${MARKET_DEMO_CREDIT_MICROS:-1000000000}
  # upstreams the routing tests serve themselves (failing, healthy, breaking mid-stream, slow)
  export MARKET_SEED=$root/system-tests/src/test/resources/test-seed.json
  # loopback stubs the provider tests register as endpoints and import from (systemtests.listings: 18220,
  # ProviderJourneyIT: 18200) and the
  # probe tests' stubs (systemtests.probe, 18230-18233) are exempt from the outbound guard; re-probe every 3 s so three
  # failures in a row happen within seconds (only listings with a probe run on record are re-probed)
  export MARKET_OUTBOUND_ALLOW="${MARKET_OUTBOUND_ALLOW:+$MARKET_OUTBOUND_ALLOW,}http://127.0.0.1:18200,http://127.0.0.1:18220,http://127.0.0.1:18230,http://127.0.0.1:18231,http://127.0.0.1:18232,http://127.0.0.1:18233"
  export MARKET_PROBE_INTERVAL=${MARKET_PROBE_INTERVAL:-3}
  # endpoint stats reach their rollup every second instead of every 5 s (catalog.stats, decision 0017), so the tests
  # that read uptime, latency or health after their own calls poll for about a second plus the readers' 5 s cache
  export MARKET_STATS_FLUSH_SECONDS=${MARKET_STATS_FLUSH_SECONDS:-1}
  trap '"$root/scripts/second-node.sh" stop || true; stop_stack test; java -cp "$devtools_cp" dev.marketplace.devtools.CreateDatabase "$admin_url" postgres "$test_db" --drop >&2 || true' EXIT
  unset KEYCLOAK_URL
  "$wildfly" stop test; "$root/scripts/second-node.sh" stop; KC_INSTANCE=test "$keycloak" stop >/dev/null 2>&1 || true
  # settlement sees the clock 25 h ahead, so today's period counts as closed (systemtests.finance)
  export MARKET_JAVA_OPTS="-Dmarket.settlement.clock-offset-seconds=90000 ${MARKET_JAVA_OPTS:-}"
  # 9>&-: the servers started from here must not inherit the lock's descriptor, or one left behind by a failed
  # run (a Keycloak still starting when the run died) would hold the lock for every later run on the machine
  start_stack test 300 8480 9480 "$test_stripe_stub_port" 9>&-
  # the two-node tests (systemtests.cluster, *Cluster*IT) need a second WildFly on the same database: only started
  # when they run (about 20 s)
  local node2=()
  if [[ -z ${MARKET_IT:-} || ${MARKET_IT,,} == *cluster* ]]; then
    log "Starting the second WildFly node (test2) on port 9380..."
    "$root/scripts/second-node.sh" start 9>&-
    node2=(-Dmarket.baseUrl2=http://localhost:9380 "-Dmarket.secondNodeScript=$root/scripts/second-node.sh")
  fi
  log "Test stack up after $((SECONDS - t0)) s; system tests..."
  set +e
  mvn -B -o verify -pl system-tests -DskipSystemTests=false "${it_filter[@]}" \
      -Dmarket.baseUrl=http://localhost:8380 -Dmarket.keycloakUrl=http://localhost:8480 \
      -Dmarket.apiKey="${MARKET_DEMO_API_KEY:-$demo_key_default}" -Dmarket.dbUrl="$MARKET_DB_URL" \
      -Dmarket.managementKey="${MARKET_DEMO_MANAGEMENT_KEY:-$demo_management_key_default}" "${node2[@]}" \
      -Dmarket.stripeStubUrl="$([[ -z ${STRIPE_SECRET_KEY:-} ]] && echo "http://localhost:$test_stripe_stub_port")" \
      9>&- 2>&1 | tee "$run/system-tests.log" | grep --line-buffered -E 'Tests run:|BUILD|FAIL|ERROR\]'
  rc=${PIPESTATUS[0]}
  set -e
  local units its
  units=$({ grep -h 'Tests run:' "$run/unit-tests.log" | grep -v ' in ' || true; } | awk -F'[:,]' '{s+=$2} END {print s+0}')
  its=$({ grep -h 'Tests run:' "$run/system-tests.log" | grep -v ' in ' || true; } | awk -F'[:,]' '{s+=$2} END {print s+0}')
  log "Unit tests: $units, system tests: $its, total time $((SECONDS - t0)) s"
  ((rc == 0)) || die "system tests failed; logs: $run/system-tests.log, $run/wildfly-test/log/server.log"
}
