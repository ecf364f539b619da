"""The service's own rules, checked on every response schemathesis provokes."""
import os

import schemathesis

# 502 and 503 are the documented answers when the sidecar or the store fails; any other 5xx is a bug.
DOCUMENTED_SERVER_ERRORS = {502, 503}


def _secret_values():
    path = os.environ.get("SECRET_VALUES_FILE")
    if not path:
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


SECRET_VALUES = _secret_values()


@schemathesis.check
def only_documented_server_errors(ctx, response, case):
    if response.status_code >= 500 and response.status_code not in DOCUMENTED_SERVER_ERRORS:
        raise AssertionError(f"Undocumented server error {response.status_code}")


@schemathesis.check
def no_secret_value_in_response(ctx, response, case):
    body = response.content.decode("utf-8", errors="replace")
    headers = " ".join(f"{k}: {v}" for k, values in response.headers.items() for v in values)
    for value in SECRET_VALUES:
        if value in body or value in headers:
            raise AssertionError("A secret value appears in the response")


@schemathesis.check
def errors_are_problem_json(ctx, response, case):
    # A DOWN health report (503) is MicroProfile Health's documented JSON, not an error of the request.
    if case.path.startswith("/q/health") and response.status_code == 503:
        return
    if response.status_code >= 400 and response.content:
        content_type = " ".join(response.headers.get("content-type", []))
        if "application/problem+json" not in content_type:
            raise AssertionError(f"Error {response.status_code} is not application/problem+json: {content_type}")
