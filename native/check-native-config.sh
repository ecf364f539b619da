#!/usr/bin/env bash
# Runs the Quarkus native build up to the point where it would start native-image (quarkus.native.sources-only=true,
# so no GraalVM/Mandrel is needed), then checks the native-image configuration Quarkus generated for what this
# service needs at run time. It proves that the build steps accept the project's native settings and that the
# registrations are there; only a real native build (and the *IT tests with -Dnative) proves that the image runs.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q package -DskipTests -Dnative -Dquarkus.native.sources-only=true
sources=target/native-sources
jar=$(ls "$sources"/*-runner.jar)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q -o "$jar" 'META-INF/native-image/*' -d "$work"

python3 - "$work/META-INF/native-image" "$sources/native-image.args" <<'PY'
import json, pathlib, re, sys

config, args_file = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
reflect = {e["name"]: e for e in json.loads((config / "reflect-config.json").read_text())}
resources = [i["pattern"] for i in json.loads((config / "resource-config.json").read_text())["resources"]["includes"]]
args = args_file.read_text()
passed, failed = 0, 0

def check(ok, what):
    global passed, failed
    print(("ok      " if ok else "MISSING ") + what)
    if ok:
        passed += 1
    else:
        failed += 1

def registered(name, why, methods=True):
    entry = reflect.get(name, {})
    ok = bool(entry) and (not methods or entry.get("allDeclaredMethods") or entry.get("allPublicMethods"))
    check(ok, f"reflection: {name} ({why})")

registered("io.github.aksdaprwif.rest.Problem", "problem+json body, serialised through Response and ObjectMapper")
registered("io.github.aksdaprwif.rest.SecretView", "GET /secret body")
registered("io.github.aksdaprwif.rest.SecretView$ErrorView", "lastError in the body")
registered("io.github.aksdaprwif.secret.SecretStatus", "enum written through its @JsonValue method")
registered("io.grpc.netty.NettyChannelProvider", "the Dapr SDK's ManagedChannelBuilder.forTarget finds its transport")
registered("io.grpc.internal.DnsNameResolverProvider", "resolves the dns:/// target the Dapr SDK builds")
registered("io.grpc.internal.PickFirstLoadBalancerProvider", "default gRPC load balancer")
def includes(resource):
    for p in resources:
        if p.startswith("\\Q") and p.endswith("\\E"):
            if p[2:-2] == resource:
                return True
        elif re.fullmatch(p, resource):
            return True
    return False

registered("com.google.rpc.ErrorInfo", "the Dapr SDK reads rich gRPC error details reflectively")
registered("com.google.rpc.ErrorInfo$Builder", "protobuf's field accessors look up builder methods by name")
check(includes("sdk_version.properties"),
      "resource: sdk_version.properties (read by io.dapr.utils.Version whenever a Dapr client is built)")
check("--enable-url-protocols=http,https" in args, "native-image args: http/https URL protocols")
check("--no-fallback" in args, "native-image args: --no-fallback (a failing analysis fails the build)")
print(f"native config check: {passed} ok, {failed} missing")
sys.exit(1 if failed else 0)
PY
