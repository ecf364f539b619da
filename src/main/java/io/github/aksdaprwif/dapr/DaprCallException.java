package io.github.aksdaprwif.dapr;

/** A failed call to the sidecar. Carries no stack trace: the classified failure says all a caller needs. */
public class DaprCallException extends RuntimeException {

    private final transient DaprFailure failure;

    public DaprCallException(DaprFailure failure) {
        super(failure.reason() + ": " + failure.message(), null, false, false);
        this.failure = failure;
    }

    public DaprFailure failure() {
        return failure;
    }
}
