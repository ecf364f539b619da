package io.github.aksdaprwif.kubernetes;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What one build configuration must produce: the values the manifests may take from nowhere else. */
record ManifestExpectations(
        String appName,
        int replicas,
        String image,
        int httpPort,
        String serviceAccount,
        String clientId,
        Optional<String> tenantId,
        String vaultName,
        String daprAppId,
        String daprConfig,
        String daprLogLevel,
        String store,
        String startupSecret,
        List<String> allowedSecrets) {

    /** The Dapr Configuration's allow-list: the start-up secret first, then the allow-listed ones. */
    List<String> scopedSecrets() {
        return Stream.concat(Stream.of(startupSecret), allowedSecrets.stream())
                .toList();
    }
}
