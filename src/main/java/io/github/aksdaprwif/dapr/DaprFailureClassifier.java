package io.github.aksdaprwif.dapr;

import java.util.Locale;
import java.util.regex.Pattern;

import io.dapr.exceptions.DaprException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

/**
 * Turns what the Dapr Java SDK throws into a {@link DaprFailure}. The SDK reads secrets over gRPC, where daprd sends
 * the gRPC code of its API error (ERR_SECRET_STORE_NOT_FOUND is INVALID_ARGUMENT, ERR_PERMISSION_DENIED is
 * PERMISSION_DENIED, ERR_SECRET_STORES_NOT_CONFIGURED is FAILED_PRECONDITION, ERR_SECRET_GET is INTERNAL) and a rejected
 * API token is UNAUTHENTICATED.
 */
public final class DaprFailureClassifier {

    /** local.file's "secret X not found" and the Kubernetes store's 'secrets "X" not found'. */
    private static final Pattern SECRET_NOT_FOUND_TEXT = Pattern.compile("secrets? \\S+ not found");

    private DaprFailureClassifier() {
    }

    public static DaprFailure classify(Throwable failure) {
        Status status = grpcStatus(failure);
        if (status == null) {
            return new DaprFailure(transportFailure(failure) ? FailureReason.SIDECAR_UNREACHABLE : FailureReason.UNEXPECTED,
                    null, describe(failure));
        }
        String message = status.getDescription() != null ? status.getDescription() : describeTransport(status);
        return new DaprFailure(reasonOf(status.getCode(), message), status.getCode().name(), message);
    }

    private static FailureReason reasonOf(Status.Code code, String message) {
        return switch (code) {
            case UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED -> FailureReason.SIDECAR_UNREACHABLE;
            case UNAUTHENTICATED -> FailureReason.API_TOKEN_REJECTED;
            case INVALID_ARGUMENT -> FailureReason.STORE_NOT_FOUND;
            case FAILED_PRECONDITION -> FailureReason.STORES_NOT_CONFIGURED;
            case PERMISSION_DENIED -> FailureReason.PERMISSION_DENIED;
            case INTERNAL, NOT_FOUND -> secretMissing(message) ? FailureReason.SECRET_NOT_FOUND : FailureReason.STORE_FAILURE;
            default -> FailureReason.UNEXPECTED;
        };
    }

    /**
     * ERR_SECRET_GET covers both a missing secret and a failing store; the store's own text tells them apart.
     * Key Vault answers "ERROR CODE: SecretNotFound" with "RESPONSE 404"; local.file "secret X not found";
     * the Kubernetes store 'secrets "X" not found'. An Entra ID error also says "not found" (AADSTS700016: the
     * application was not found in the directory): that is the identity, so any AADSTS code wins.
     */
    private static boolean secretMissing(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (text.contains("aadsts")) {
            return false;
        }
        return text.contains("secretnotfound") || text.contains("response 404")
                || SECRET_NOT_FOUND_TEXT.matcher(text).find();
    }

    private static Status grpcStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StatusRuntimeException sre) {
                return sre.getStatus();
            }
            if (t instanceof StatusException se) {
                return se.getStatus();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static boolean transportFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.http.HttpTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException || t instanceof java.io.IOException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String describeTransport(Status status) {
        Throwable cause = status.getCause();
        return cause != null ? describe(cause) : status.getCode().name();
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage();
        return root.getClass().getSimpleName() + (text == null ? "" : ": " + text);
    }
}
