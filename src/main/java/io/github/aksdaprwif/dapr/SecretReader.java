package io.github.aksdaprwif.dapr;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.dapr.core.SyncDaprClient;

/** Reads one secret through the Dapr client; every failure comes out classified. */
@ApplicationScoped
public class SecretReader {

    private final SyncDaprClient dapr;

    SecretReader(SyncDaprClient dapr) {
        this.dapr = dapr;
    }

    /**
     * @return the secret's value
     * @throws DaprCallException with the classified failure
     */
    public String read(String store, String name) {
        Map<String, String> data;
        try {
            data = dapr.getSecret(store, name);
        } catch (RuntimeException e) {
            throw new DaprCallException(DaprFailureClassifier.classify(e));
        }
        if (data == null || data.isEmpty()) {
            throw new DaprCallException(new DaprFailure(FailureReason.SECRET_NOT_FOUND, null,
                    "the store answered with no value for secret " + name));
        }
        String value = data.size() == 1 ? data.values().iterator().next() : data.get(name);
        if (value == null) {
            // A multi-valued store (local.file with multiValued) answers the keys below the name; none is "the" value.
            throw new DaprCallException(new DaprFailure(FailureReason.UNEXPECTED, null, "the store answered "
                    + data.size() + " keys for secret " + name + " and none of that name; multi-valued secrets are "
                    + "not supported"));
        }
        if (value.isEmpty()) {
            // secretstores.local.env answers an unknown name with an empty value instead of an error.
            throw new DaprCallException(new DaprFailure(FailureReason.SECRET_NOT_FOUND, null,
                    "the store answered an empty value for secret " + name));
        }
        return value;
    }
}
