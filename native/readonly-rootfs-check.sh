#!/usr/bin/env bash
# Rehearses Kubernetes' readOnlyRootFilesystem without a container engine (Linux, as root): the packaged app (the
# jar, or the native executable after -Dnative) runs in a private mount namespace whose root filesystem is
# remounted read-only, with no writable /tmp, next to a real daprd; it must start, answer health and load the
# how-to's secret.
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=native/packaged-app.sh
. native/packaged-app.sh
start_daprd
app_http=$(free_port)

# Everything below / read-only (as in the pod, /dev/shm and /proc stay as they are), /tmp included.
env -i PATH="$PATH" HOME=/nonexistent DAPR_HTTP_PORT="$dapr_http" DAPR_GRPC_PORT="$dapr_grpc" \
  QUARKUS_HTTP_PORT="$app_http" \
  unshare --mount --propagation private sh -c 'mount -o remount,bind,ro / && cd / && exec "$@"' app "${app[@]}" \
  > "$work/app.log" 2>&1 &
pids+=($!)

started=000
for _ in $(seq 1 120); do
  started=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$app_http/q/health/started" || true)
  [ "$started" = 200 ] && break
  sleep 0.5
done
secret=$(curl -s "http://127.0.0.1:$app_http/secret" || true)
echo "artifact: $artifact_type ($artifact)"
echo "root filesystem read-only, no writable /tmp; /q/health/started: $started; GET /secret: $secret"
if [ "$started" = 200 ] && grep -q '"status":"loaded"' <<<"$secret" && grep -q 'Fetched Secret: <hidden>' "$work/app.log"; then
  echo "readOnlyRootFilesystem check: passed"
else
  echo "readOnlyRootFilesystem check: FAILED; the app's output:" >&2
  cat "$work/app.log" >&2
  exit 1
fi
