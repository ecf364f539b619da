package io.github.aksdaprwif.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * The local daprd that dev mode starts when no sidecar answers. Unused in prod, where Dapr's injector runs the
 * sidecar. {@code DAPRD_PATH} names a binary; otherwise PATH, {@code ~/.dapr/bin/daprd} (dapr init --slim) and the
 * project's own build (src/tools/daprd/build.sh) are searched.
 */
@ConfigMapping(prefix = "daprd")
public interface DaprdConfig {

    /** A daprd binary to use instead of searching for one. */
    Optional<String> path();

    /** Whether dev mode may start daprd itself. */
    @WithName("dev.launch")
    @WithDefault("true")
    boolean launch();

    /** The Dapr components and configuration dev mode gives its daprd. */
    @WithName("dev.resources-path")
    @WithDefault("src/main/dapr/components")
    String resourcesPath();

    /** daprd's log level, and its log file under target/. */
    @WithName("dev.log-level")
    @WithDefault("info")
    String logLevel();
}
