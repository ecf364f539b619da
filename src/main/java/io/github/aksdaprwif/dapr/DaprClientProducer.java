package io.github.aksdaprwif.dapr;

import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.dapr.config.Properties;
import io.dapr.config.Property;
import io.github.aksdaprwif.config.DaprSidecarConfig;
import io.quarkiverse.dapr.serializer.JacksonDaprObjectSerializer;

/**
 * Replaces quarkus-dapr's client producer, which reads the sidecar address only from system properties and the
 * process environment: this one takes it from MicroProfile Config, so application.properties, profiles and test
 * resources can point the client at a sidecar while {@code DAPR_*} variables keep working.
 */
@Singleton
public class DaprClientProducer {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    DaprClient daprClient(DaprSidecarConfig sidecar, JacksonDaprObjectSerializer serializer) {
        Map<Property<?>, String> overrides = new HashMap<>();
        overrides.put(Properties.SIDECAR_IP, sidecar.sidecarIp());
        overrides.put(Properties.HTTP_PORT, Integer.toString(sidecar.httpPort()));
        overrides.put(Properties.GRPC_PORT, Integer.toString(sidecar.grpcPort()));
        overrides.put(Properties.TIMEOUT, Long.toString(sidecar.callTimeout().toMillis()));
        // The SDK's own retries would hide each failure from the loader's backoff and its once-per-failure log.
        overrides.put(Properties.MAX_RETRIES, "0");
        sidecar.apiToken().ifPresent(token -> overrides.put(Properties.API_TOKEN, token));
        return new DaprClientBuilder()
                .withObjectSerializer(serializer)
                .withStateSerializer(serializer)
                .withPropertyOverrides(overrides)
                .build();
    }

    void close(@Disposes DaprClient client) throws Exception {
        client.close();
    }
}
