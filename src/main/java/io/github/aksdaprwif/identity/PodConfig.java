package io.github.aksdaprwif.identity;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * Where this pod runs, from the downward API variables POD_NAMESPACE and POD_SERVICE_ACCOUNT of the generated
 * manifest (or {@code pod.namespace} / {@code pod.service-account} set directly). The token's subject must name them.
 */
@ConfigMapping(prefix = "pod")
public interface PodConfig {

    Optional<String> namespace();

    @WithName("service-account")
    Optional<String> serviceAccount();
}
