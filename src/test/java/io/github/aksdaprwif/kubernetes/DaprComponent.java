package io.github.aksdaprwif.kubernetes;

import java.util.List;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Dapr's Component custom resource (dapr.io/v1alpha1), only the fields Dapr 1.18 defines, so that a field in the wrong
 * place (scopes under spec, say) fails the strict reading instead of being ignored by Dapr.
 */
record DaprComponent(String apiVersion, String kind, ObjectMeta metadata, Spec spec, Auth auth, List<String> scopes) {

    record Spec(String type, String version, Boolean ignoreErrors, List<NameValue> metadata, String initTimeout) {
    }

    record NameValue(String name, String value, SecretKeyRef secretKeyRef, String envRef) {
    }

    record SecretKeyRef(String name, String key) {
    }

    record Auth(String secretStore) {
    }

    String metadataValue(String name) {
        return spec.metadata().stream().filter(m -> m.name().equals(name)).map(NameValue::value).findFirst()
                .orElse(null);
    }
}
