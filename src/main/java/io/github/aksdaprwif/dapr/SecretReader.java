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
        // A multi-valued store (local.file with multiValued) answers several keys; the one named like the secret wins.
        String value = data.get(name);
        return value != null ? value : data.values().iterator().next();
    }
}
