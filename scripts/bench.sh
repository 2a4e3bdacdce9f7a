# Sourced by ./marketplace bench: our gateway against the Portkey gateway in front of the same mock upstream, same
# run, same machine (../shared/bench), then a streaming run; the numbers go to docs/benchmarks.md.
# Its own stack: embedded database "bench" (port 15434, created empty for each run) and WildFly instance "bench" on
# port 8580; no Keycloak (the inference path never calls it). A running dev or test stack is left alone.

bench_dir=${MARKET_BENCH_DIR:-$root/../shared/bench}

run_bench() {
  [[ -x $bench_dir/compare.sh ]] || die "benchmark scripts not found in $bench_dir (set MARKET_BENCH_DIR)"
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  log "open files limit: $(ulimit -n)"
  build_if_needed
  "$bench_dir/setup.sh" >&2
  # every bench starts from an empty database: one grown by earlier runs (millions of usage rows, journals and
  # postings, their indexes no longer in memory) makes the same build measure slower, so runs would not compare
  stop_stack bench >/dev/null 2>&1 || true
  rm -rf "$run/pgdata-bench"
  start_embedded_db 15434 bench
  export MARKET_SEED=$root/examples/bench-seed.json KEYCLOAK_URL=http://localhost:8180 MARKET_DEMO=true
  trap 'stop_stack bench; "$bench_dir/mock-upstream.sh" stop >/dev/null 2>&1 || true' EXIT
  migrate
  log "Starting WildFly (bench) on port 8580..."
  MARKET_JAVA_OPTS="-Dmarket.sim.base-url=http://localhost:8580/api/sim/v1 ${MARKET_JAVA_OPTS:-}" \
    "$wildfly" start bench 500 "$ear"
  local key=${MARKET_DEMO_API_KEY:-$demo_key_default} out=$run/bench-$(date +%Y%m%d-%H%M%S).txt
  # other work on the machine distorts every number: say how busy it was (1-minute load average, 2 cores)
  echo "machine_load_before=$(cut -d' ' -f1 /proc/loadavg) other_test_stacks=$(pgrep -fc 'jboss.node.name=market-test' || true)" | tee "$out"
  # HotSpot compiles the hot path over one to three minutes of load (its compiler threads share the 2 cores with
  # the load); compare.sh's own warm-up (15 s at 2 connections) is enough for Portkey's V8 but leaves the JVM
  # measuring its interpreter at 1 connection
  log "Warming the gateway's JVM: ${BENCH_WARMUP:-120s} at 64 connections..."
  "$bench_dir/mock-upstream.sh" start >/dev/null
  BENCH_KEY=$key BENCH_MODEL=bench/mock-model "$bench_dir/load.sh" http://127.0.0.1:8580/api/v1 64 "${BENCH_WARMUP:-120s}" >/dev/null
  "$bench_dir/mock-upstream.sh" stop >/dev/null
  log "compare.sh (mock, Portkey, gateway; ${BENCH_DURATION:-15s} per run)..."
  BENCH_KEY=$key BENCH_MODEL=bench/mock-model "$bench_dir/compare.sh" http://127.0.0.1:8580/api/v1 | tee -a "$out"
  "$bench_dir/mock-upstream.sh" start >/dev/null
  cpu_per_request "$key" | tee -a "$out"
  log "Streaming (SSE) at 64 connections: mock alone, then through the gateway..."
  local s_mock s_gw
  s_mock=$(BENCH_STREAM=1 "$bench_dir/load.sh" http://127.0.0.1:18081/v1 64 "${BENCH_DURATION:-15s}")
  s_gw=$(BENCH_STREAM=1 BENCH_KEY=$key BENCH_MODEL=bench/mock-stream "$bench_dir/load.sh" http://127.0.0.1:8580/api/v1 64 "${BENCH_DURATION:-15s}")
  echo "stream-mock c=64 $s_mock" | tee -a "$out"
  echo "stream-gateway c=64 $s_gw" | tee -a "$out"
  local pid peak
  pid=$(pgrep -f "java.*jboss.node.name=market-bench" | head -1)
  peak=$(jcmd "$pid" PerfCounter.print 2>/dev/null | sed -n 's/^java.threads.livePeak=//p')
  echo "gateway_peak_threads=${peak:-unknown} gateway_rss_mb=$(( $(ps -o rss= -p "$pid") / 1024 ))" | tee -a "$out"
  run_many_streams "$key" "$pid" | tee -a "$out"
  echo "machine_load_after=$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out"
  write_bench_doc "$out"
  log "Results: $out and docs/benchmarks.md"
}

# Where a request's CPU goes: one more 10 s run at 64 connections, with the CPU time the gateway's JVM and the bench
# database's processes used during it (from /proc), per request served. Other work on the machine does not count
# here, unlike in the wall-clock numbers above.
cpu_per_request() {
  local key=$1 jvm pg line rps j0 j1 p0 p1
  jvm=$(pgrep -f "java.*jboss.node.name=market-bench" | head -1)
  pg_ticks() { local t=0 p; for p in $(pgrep -f "^postgres: postgres market |pgdata-bench"); do t=$((t + $(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $t; }
  j0=$(awk '{print $14+$15}' "/proc/$jvm/stat"); p0=$(pg_ticks)
  line=$(BENCH_KEY=$key BENCH_MODEL=bench/mock-model "$bench_dir/load.sh" http://127.0.0.1:8580/api/v1 64 10s)
  j1=$(awk '{print $14+$15}' "/proc/$jvm/stat"); p1=$(pg_ticks)
  rps=$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' <<<"$line")
  awk -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v r="$rps" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    n = r * 10; if (n < 1) n = 1;
    printf "cpu_per_request c=64 rps=%s gateway_jvm_us=%.0f database_us=%.0f\n", r, j * 1e6 / hz / n, p * 1e6 / hz / n }'
}

# Many slow streams at once (mock port 18082: 20 chunks 50 ms apart): BENCH_STREAMS slots (default 2,000) each
# stream, read to [DONE] and stream again for BENCH_STREAMS_SECONDS; wrk cannot hold that many streams, so the
# client is devtools' StreamLoad. ThreadMXBean's peak is reset before (WildFly's platform-mbean resource, over the
# bench node's management port) and read after, so it is the peak of this run alone.
run_many_streams() {
  local key=$1 pid=$2 streams=${BENCH_STREAMS:-2000} result peak
  local cli="$run/wildfly-${WILDFLY_VERSION:-39.0.1.Final}/bin/jboss-cli.sh -c --controller=127.0.0.1:10490"
  $cli --command="/core-service=platform-mbean/type=threading:reset-peak-thread-count" >/dev/null || true
  log "$streams concurrent slow streams through the gateway for ${BENCH_STREAMS_SECONDS:-20} s..."
  result=$(java -cp "$devtools_cp" dev.marketplace.devtools.StreamLoad http://127.0.0.1:8580/api/v1 "$key" bench/mock-slow \
    "$streams" "${BENCH_STREAMS_SECONDS:-20}")
  peak=$($cli --command="/core-service=platform-mbean/type=threading:read-attribute(name=peak-thread-count)" \
    | sed -n 's/.*"result" => \([0-9]*\).*/\1/p' || true)
  echo "slow-streams-gateway $result"
  echo "gateway_peak_threads_during_slow_streams=${peak:-unknown} gateway_max_heap=${MARKET_HEAP:-1g}" \
    "gateway_rss_mb=$(( $(ps -o rss= -p "$pid") / 1024 ))"
}

write_bench_doc() {
  local results=$1 doc=$root/docs/benchmarks.md
  {
    cat <<TXT
# Benchmarks

Written by \`./marketplace bench\` (method: the gateway's JVM warmed for ${BENCH_WARMUP:-120s} at 64 connections, then
\`../shared/bench/compare.sh\`, wrk with 1 and 64 connections against
the nginx mock upstream alone, the Portkey gateway in front of it and our gateway in front of it, in one run;
then SSE streams at 64 connections, then 2,000 concurrent slow streams (\`StreamLoad\`, mock port 18082, 20
chunks 50 ms apart, each slot streaming again as soon as its stream ends) with the JVM's peak live threads; the gateway meters and charges every call through the ledger, with the usage
record and journal committed before the client sees the end of the reply).

Last run: $(date -u +"%Y-%m-%d %H:%M UTC"), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown),
$(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1).

\`\`\`
$(cat "$results")
\`\`\`
TXT
    if [[ -f $root/docs/benchmarks-history.md ]]; then echo; cat "$root/docs/benchmarks-history.md"; fi
  } >"$doc"
}
