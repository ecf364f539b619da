#!/usr/bin/env bash
# Start-up time and memory of the packaged application next to a real daprd that is already up, as in a pod whose
# sidecar started first. Prints, per run and as medians: ms from process start to the first HTTP answer
# (/q/health/live) and to the how-to's "Fetched Secret" line, and the resident memory (VmRSS, VmHWM) one second
# after the secret was loaded. Measures what ./mvnw package built: the fast-jar (JVM), or the native executable
# after ./mvnw package -Dnative. Prints figures; it asserts nothing.
#   RUNS=5 (default)   JAVA_OPTS="-Xmx64m" to try JVM options
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=native/packaged-app.sh
. native/packaged-app.sh
start_daprd

RUNS=${RUNS:-5} DAPR_HTTP_PORT=$dapr_http DAPR_GRPC_PORT=$dapr_grpc WORK=$work ARTIFACT_TYPE=$artifact_type \
python3 - "${app[@]}" <<'PY'
import os, re, socket, statistics, subprocess, sys, time, urllib.request

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def kib(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])

def answers(url):
    try:
        with urllib.request.urlopen(url, timeout=0.5) as r:
            return r.status == 200
    except Exception:
        return False

command, runs, rows = sys.argv[1:], int(os.environ["RUNS"]), []
print(f"artifact: {os.environ['ARTIFACT_TYPE']}; command: {' '.join(command)}; cpus: {os.cpu_count()}")
for run in range(1, runs + 1):
    port = free_port()
    log_path = os.path.join(os.environ["WORK"], f"app-{run}.log")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QUARKUS_", "SECRETS_"))}
    env.update(QUARKUS_HTTP_PORT=str(port))
    env.pop("DAPR_API_TOKEN", None)
    with open(log_path, "w") as log:
        t0 = time.monotonic()
        app = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=os.environ["WORK"])
    http_ms = secret_ms = None
    try:
        while time.monotonic() - t0 < 60 and (http_ms is None or secret_ms is None):
            now = (time.monotonic() - t0) * 1000
            if http_ms is None and answers(f"http://127.0.0.1:{port}/q/health/live"):
                http_ms = now
            if secret_ms is None and "Fetched Secret" in open(log_path).read():
                secret_ms = now
            time.sleep(0.02)
        if http_ms is None or secret_ms is None:
            sys.exit(f"run {run}: no answer or no secret within 60 s; see the log:\n" + open(log_path).read())
        time.sleep(1)
        rss, hwm = kib(app.pid, "VmRSS"), kib(app.pid, "VmHWM")
        started = re.search(r"started in ([0-9.]+)s", open(log_path).read())
    finally:
        app.terminate()
        app.wait(30)
    rows.append((http_ms, secret_ms, rss / 1024, hwm / 1024))
    print(f"run {run}: first HTTP answer {http_ms:.0f} ms, 'Fetched Secret' {secret_ms:.0f} ms, "
          f"Quarkus says started in {started.group(1) if started else '?'} s, RSS {rss / 1024:.0f} MiB "
          f"(peak {hwm / 1024:.0f} MiB)")
med = [statistics.median(c) for c in zip(*rows)]
print(f"median of {runs}: first HTTP answer {med[0]:.0f} ms, 'Fetched Secret' {med[1]:.0f} ms, "
      f"RSS {med[2]:.0f} MiB (peak {med[3]:.0f} MiB)")
PY
