#!/usr/bin/env bash
# Benchmark: measures and prints, never fails on a target. Everything runs on loopback.
#
#   bench/run.sh                      uses target/quarkus-app if built, else packages the service first
#   BENCH_BUILD=1 bench/run.sh        packages the service (./mvnw package -DskipTests) before measuring
#   BENCH_DURATION=30s BENCH_CONNECTIONS=64 BENCH_THREADS=2 BENCH_STARTS=5 bench/run.sh
#   BENCH_JAVA_OPTS=-Xmx128m bench/run.sh   JVM options for the service (default: none, as the jar ships)
#
# Starts daprd (the project's build, src/tools/daprd/build.sh) with a secretstores.local.file store
# demo-secret-store, then the packaged service (JVM jar or native executable, prod profile), warms up, and measures with wrk:
# GET /secret, the service's cheapest endpoint (GET /q/health/live) and daprd's own
# GET /v1.0/secrets/demo-secret-store/dapr. Prints requests/s, p50/p99 latency, the ratios, the service's RSS
# after warm-up, and the median over BENCH_STARTS starts of the time from process start to the
# "Fetched Secret" line.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
STARTS=${BENCH_STARTS:-5}
WORK=$PWD/target/bench

log() { echo "[bench] $*" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
  log "installing wrk (Debian package)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi
DAPRD=$(bash src/tools/daprd/build.sh)
if [ "${BENCH_BUILD:-0}" = 1 ] || [ ! -f target/quarkus-artifact.properties ]; then
  log "packaging the service"
  ./mvnw -B -q package -DskipTests
fi

# The packaged app ($app: the jar, or the native executable after -Dnative), free_port, start_daprd and the
# clean-up of every process started: shared with native/startup-bench.sh.
JAVA_OPTS=${BENCH_JAVA_OPTS:-${JAVA_OPTS:-}}
# shellcheck source=SCRIPTDIR/../native/packaged-app.sh
source native/packaged-app.sh
start_daprd
DAPR_HTTP=$dapr_http; DAPR_GRPC=$dapr_grpc; APP_PORT=$(free_port)
rm -rf "$WORK"; mkdir -p "$WORK"

APP_PID=""
start_app() { # $1: log file; sets APP_PID
  DAPR_HTTP_PORT=$DAPR_HTTP DAPR_GRPC_PORT=$DAPR_GRPC QUARKUS_HTTP_PORT=$APP_PORT "${app[@]}" > "$1" 2>&1 &
  APP_PID=$!
  pids+=("$APP_PID")
}
stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }

# --- start to secret, median over $STARTS starts -------------------------------------------------------------
times=()
for i in $(seq "$STARTS"); do
  t0=$(date +%s%N)
  start_app "$WORK/start-$i.log"
  until grep -q "Fetched Secret" "$WORK/start-$i.log"; do
    kill -0 "$APP_PID" 2>/dev/null || { log "the service exited; see $WORK/start-$i.log"; exit 1; }
    sleep 0.01
  done
  times+=($(( ($(date +%s%N) - t0) / 1000000 )))
  stop_app
done
START_MEDIAN=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')

# --- throughput -----------------------------------------------------------------------------------------------
start_app "$WORK/app.log"
until curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/secret"; do sleep 0.1; done

SECRET_URL="http://127.0.0.1:$APP_PORT/secret"
CHEAP_URL="http://127.0.0.1:$APP_PORT/q/health/live"
DAPR_URL="http://127.0.0.1:$DAPR_HTTP/v1.0/secrets/demo-secret-store/dapr"

log "warming up ($WARMUP each)"
for url in "$SECRET_URL" "$CHEAP_URL" "$DAPR_URL"; do wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$url" >/dev/null; done
RSS_MB=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$APP_PID/status")

measure() { # $1 name, $2 url -> "name rps p50ms p99ms"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$2" > "$WORK/wrk-$1.txt"
  awk -v name="$1" '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    END { printf "%s %.0f %.3f %.3f %d\n", name, rps, p50, p99, bad }' "$WORK/wrk-$1.txt"
}
log "measuring ($DURATION each, $THREADS threads, $CONNECTIONS connections)"
R_SECRET=$(measure service-secret "$SECRET_URL")
R_CHEAP=$(measure service-health-live "$CHEAP_URL")
R_DAPR=$(measure daprd-secret-api "$DAPR_URL")

rps() { echo "$1" | awk '{print $2}'; }
CPU=$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
echo
echo "Benchmark $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) x ${CPU:-unknown CPU}, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "$(java -version 2>&1 | head -1) ${BENCH_JAVA_OPTS:-(no JVM options)}; daprd $("$DAPRD" --version 2>/dev/null | head -1); wrk -t$THREADS -c$CONNECTIONS -d$DURATION on loopback"
echo
printf '| %-48s | %10s | %8s | %8s | %7s |\n' "endpoint" "requests/s" "p50 ms" "p99 ms" "non-2xx"
printf '|%s|%s|%s|%s|%s|\n' "--------------------------------------------------" "-----------:" "---------:" "---------:" "--------:"
for r in "$R_SECRET" "$R_CHEAP" "$R_DAPR"; do
  set -- $r
  case $1 in
    service-secret) label="service GET /secret";;
    service-health-live) label="service GET /q/health/live (cheapest)";;
    daprd-secret-api) label="daprd GET /v1.0/secrets/demo-secret-store/dapr";;
  esac
  printf '| %-48s | %10s | %8s | %8s | %7s |\n' "$label" "$2" "$3" "$4" "$5"
done
echo
awk -v s="$(rps "$R_SECRET")" -v c="$(rps "$R_CHEAP")" -v d="$(rps "$R_DAPR")" 'BEGIN {
  printf "GET /secret vs daprd secret API: %.2fx (target >= 3x)\n", s/d
  printf "GET /secret vs cheapest endpoint: %.0f%% (target >= 80%%)\n", 100*s/c }'
echo "RSS after warm-up: ${RSS_MB} MiB"
echo "Start to 'Fetched Secret' (median of $STARTS): ${START_MEDIAN} ms (all: ${times[*]} ms)"
