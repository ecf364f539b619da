#!/usr/bin/env bash
# Property-based test of the running service against its own OpenAPI document, with schemathesis from PyPI.
# Usage: run.sh BASE_URL SECRET_VALUES_FILE REPORT_DIR
#   BASE_URL            e.g. http://127.0.0.1:8081 (the document is read from BASE_URL/q/openapi)
#   SECRET_VALUES_FILE  values, one per line, that no response may contain (revealing is off)
#   REPORT_DIR          where the JUnit report goes
# Installs the pinned schemathesis into a virtualenv under SCHEMATHESIS_CACHE_DIR (default
# ~/.cache/aks-dapr-wif-secrets/schemathesis-<version>) on first use; needs python3 (3.10+) with venv and pip.
set -euo pipefail

VERSION=4.32.5
BASE_URL=$1
# Absolute, since the run changes directory.
SECRET_VALUES_FILE=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
REPORT_DIR=$(mkdir -p "$3" && cd "$3" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
VENV=${SCHEMATHESIS_CACHE_DIR:-$HOME/.cache/aks-dapr-wif-secrets}/schemathesis-$VERSION

if [[ ! -x "$VENV/bin/st" ]]; then
  PYTHON=$(command -v python3.11 || command -v python3)
  echo "Installing schemathesis $VERSION into $VENV (once)"
  rm -rf "$VENV"
  if "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION"
  else
    # Debian's python3 lacks ensurepip unless python3-venv is installed: a bare venv, filled by the system's pip.
    rm -rf "$VENV"
    "$PYTHON" -m venv --without-pip "$VENV"
    "$PYTHON" -m pip --python "$VENV/bin/python" install --quiet --disable-pip-version-check "schemathesis==$VERSION"
  fi
fi

export SCHEMATHESIS_HOOKS=hooks
export PYTHONPATH="$HERE"
export SECRET_VALUES_FILE
# Schemathesis keeps a cache in its working directory: target/, not the source tree.
cd "$REPORT_DIR"
# Bounded: at most 200 cases per operation and phase; a fixed seed makes a finding reproducible.
exec "$VENV/bin/st" run "$BASE_URL/q/openapi?format=json" \
  --url "$BASE_URL" \
  --checks all \
  --exclude-checks not_a_server_error,ignored_auth,object_level_authorization,use_after_free,ensure_resource_availability \
  --max-examples 200 \
  --seed 6 \
  --workers 2 \
  --request-timeout 10 \
  --report junit --report-junit-path "$REPORT_DIR/schemathesis-junit.xml" \
  --no-color
