# shellcheck shell=bash
# Sourced by the scripts next to it: the packaged application and a real daprd with the how-to's store, on free
# loopback ports. Needs ./mvnw package (or verify) first, and the project's daprd build (./mvnw verify builds it).

version=$(awk '$1 == "github.com/dapr/dapr" { print $2 }' src/tools/daprd/go.mod)
daprd=${DAPRD_PATH:-${DAPRD_CACHE_DIR:-$HOME/.cache/aks-dapr-wif-secrets/daprd}/$version/daprd}
[ -x "$daprd" ] || { echo "no daprd at $daprd: run ./mvnw verify once, or set DAPRD_PATH" >&2; exit 2; }
[ -f target/quarkus-artifact.properties ] || { echo "no packaged app: run ./mvnw package first" >&2; exit 2; }

# app: the command that runs what the build produced (the fast-jar, or the native executable after -Dnative).
artifact_type=$(sed -n 's/^type=//p' target/quarkus-artifact.properties)
artifact=$PWD/target/$(sed -n 's/^path=//p' target/quarkus-artifact.properties)
# shellcheck disable=SC2034 # app is for the scripts that source this file
case "$artifact_type" in
  jar) read -r -a java_opts <<< "${JAVA_OPTS:-}"; app=(java "${java_opts[@]}" -jar "$artifact") ;;
  native) app=("$artifact") ;;
  *) echo "artifact type $artifact_type: these scripts run the jar or the native executable" >&2; exit 2 ;;
esac

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# start_daprd: a daprd with demo-secret-store (secretstores.local.file, secret dapr = "Hello Dapr!"); sets
# dapr_http and dapr_grpc.
start_daprd() {
  mkdir -p "$work/components"
  printf '{"dapr": "Hello Dapr!"}\n' > "$work/secrets.json"
  cat > "$work/components/secret-store.yaml" <<YAML
apiVersion: dapr.io/v1alpha1
kind: Component
metadata:
  name: demo-secret-store
spec:
  type: secretstores.local.file
  version: v1
  metadata:
  - name: secretsFile
    value: "$work/secrets.json"
YAML
  dapr_http=$(free_port)
  dapr_grpc=$(free_port)
  env -u DAPR_API_TOKEN "$daprd" --mode standalone --app-id aks-dapr-wif-secrets \
    --resources-path "$work/components" --dapr-http-port "$dapr_http" --dapr-grpc-port "$dapr_grpc" \
    --dapr-internal-grpc-port "$(free_port)" --metrics-port "$(free_port)" --dapr-listen-addresses 127.0.0.1 \
    > "$work/daprd.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$dapr_http/v1.0/healthz/outbound")" = 204 ] && return 0
    sleep 0.1
  done
  echo "daprd did not become ready; its log:" >&2
  cat "$work/daprd.log" >&2
  exit 1
}
