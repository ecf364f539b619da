package io.github.aksdaprwif.dapr;

/**
 * Why a secret read failed, with the Dapr error code where Dapr defines one, the HTTP status this service answers,
 * and what an operator should check first.
 */
public enum FailureReason {

    SIDECAR_UNREACHABLE(null, 503,
            "The Dapr sidecar does not answer. Check that the pod carries dapr.io/enabled: \"true\" and "
                    + "dapr.io/app-id, that the sidecar container runs, and that DAPR_HTTP_PORT / DAPR_GRPC_PORT "
                    + "match its ports."),
    API_TOKEN_REJECTED(null, 502,
            "The sidecar rejected this app's API token. Set DAPR_API_TOKEN (or dapr.api.token) to the token "
                    + "daprd was started with, or remove the token from daprd."),
    STORES_NOT_CONFIGURED("ERR_SECRET_STORES_NOT_CONFIGURED", 502,
            "This sidecar loaded no secret store at all. Apply the Component (kubectl get components) in the "
                    + "app's namespace, then restart the pod so the sidecar loads it."),
    STORE_NOT_FOUND("ERR_SECRET_STORE_NOT_FOUND", 502,
            "The secret store is not loaded by this sidecar. Check the Component's name and namespace, and that "
                    + "its scopes list this app id; the sidecar log says why a component failed to load."),
    PERMISSION_DENIED("ERR_PERMISSION_DENIED", 403,
            "A secret scope in the Dapr Configuration (dapr.io/config) denies this secret: add it to "
                    + "allowedSecrets of that store, or check defaultAccess and deniedSecrets."),
    SECRET_NOT_FOUND("ERR_SECRET_GET", 404,
            "The store has no secret with this name. Check its spelling in the vault (Key Vault names allow "
                    + "only letters, digits and '-')."),
    STORE_FAILURE("ERR_SECRET_GET", 502,
            "The secret store failed to answer. For Azure Key Vault check the vault name, network access and the "
                    + "workload identity: federated credential (issuer and subject "
                    + "system:serviceaccount:<namespace>:<serviceaccount>), client-id annotation and the "
                    + "'Key Vault Secrets User' role."),
    UNEXPECTED(null, 502,
            "The sidecar answered in a way this service does not know. Check the sidecar's log.");

    private final String daprErrorCode;
    private final int httpStatus;
    private final String hint;

    FailureReason(String daprErrorCode, int httpStatus, String hint) {
        this.daprErrorCode = daprErrorCode;
        this.httpStatus = httpStatus;
        this.hint = hint;
    }

    /** Dapr's own error code ({@code errorCode} of its HTTP API), or null where Dapr has none. */
    public String daprErrorCode() {
        return daprErrorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String hint() {
        return hint;
    }

    /** The problem type slug, e.g. {@code store-not-found}. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
