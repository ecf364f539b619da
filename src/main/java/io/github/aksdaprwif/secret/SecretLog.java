package io.github.aksdaprwif.secret;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.github.aksdaprwif.config.SecretsConfig;
import io.github.aksdaprwif.dapr.DaprFailure;

/**
 * The log lines about secrets, in one place so that no other line can carry a value. Only
 * {@link #fetchedStartupSecret(SecretSnapshot)} with revealing on prints one: the how-to's {@code Fetched Secret: <value>}.
 */
@ApplicationScoped
public class SecretLog {

    private static final Logger LOG = Logger.getLogger("io.github.aksdaprwif.secret");

    private final boolean reveal;

    SecretLog(SecretsConfig config) {
        this.reveal = config.reveal();
    }

    /** The start-up secret's first read: the line the how-to promises. */
    public void fetchedStartupSecret(SecretSnapshot snapshot) {
        SecretValue value = snapshot.value();
        if (reveal) {
            LOG.info("Fetched Secret: " + value.reveal());
        } else {
            LOG.infof("Fetched Secret: <hidden> (secret '%s' from store '%s', %d characters, sha256 %s; "
                    + "set secrets.reveal=true to print the value)", snapshot.name(), snapshot.store(),
                    value.length(), value.fingerprint());
        }
    }

    /** Any other secret's first read: never with its value, it is served over REST instead. */
    public void fetched(SecretSnapshot snapshot) {
        LOG.infof("Read secret '%s' from store '%s' (%d characters, sha256 %s)", snapshot.name(), snapshot.store(),
                snapshot.value().length(), snapshot.value().fingerprint());
    }

    public void failed(SecretSnapshot snapshot) {
        DaprFailure failure = snapshot.lastError();
        LOG.warnf("Cannot read secret '%s' from store '%s': %s%s%s: %s. Hint: %s (this failure is logged once; "
                + "retries go on)", snapshot.name(), snapshot.store(), failure.reason(),
                failure.daprErrorCode() == null ? "" : " " + failure.daprErrorCode(),
                failure.grpcStatus() == null ? "" : " (gRPC " + failure.grpcStatus() + ")",
                failure.message(), failure.reason().hint());
    }

    public void recovered(SecretSnapshot snapshot) {
        LOG.infof("Secret '%s' from store '%s' can be read again", snapshot.name(), snapshot.store());
    }

    public void rotated(SecretSnapshot before, SecretSnapshot after) {
        LOG.infof("Secret '%s' from store '%s' rotated: sha256 %s -> %s", after.name(), after.store(),
                before.value().fingerprint(), after.value().fingerprint());
    }
}
