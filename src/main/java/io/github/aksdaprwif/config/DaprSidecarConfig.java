package io.github.aksdaprwif.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Where the Dapr sidecar listens. The keys are the Dapr SDK's own names, so the variables that the Dapr injector and
 * {@code dapr run} set ({@code DAPR_HTTP_PORT}, {@code DAPR_GRPC_PORT}, {@code DAPR_API_TOKEN}) apply unchanged, and
 * application.properties can set them too.
 */
@ConfigMapping(prefix = "dapr")
public interface DaprSidecarConfig {

    @WithName("sidecar.ip")
    @WithDefault("127.0.0.1")
    String sidecarIp();

    @WithName("http.port")
    @WithDefault("3500")
    int httpPort();

    @WithName("grpc.port")
    @WithDefault("50001")
    int grpcPort();

    /** Sent as {@code dapr-api-token} when daprd was started with {@code DAPR_API_TOKEN}. */
    @WithName("api.token")
    Optional<String> apiToken();

    /** How long one call to the sidecar (health probe or secret read) may take. */
    @WithName("call.timeout")
    @WithDefault("5s")
    Duration callTimeout();
}
