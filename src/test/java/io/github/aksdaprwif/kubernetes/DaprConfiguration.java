package io.github.aksdaprwif.kubernetes;

import java.util.List;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Dapr's Configuration custom resource (dapr.io/v1alpha1), reduced to secret scoping: the manifests need nothing else
 * from it, and anything else in it fails the strict reading.
 */
record DaprConfiguration(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(Secrets secrets) {
    }

    record Secrets(List<Scope> scopes) {
    }

    record Scope(String storeName, String defaultAccess, List<String> allowedSecrets, List<String> deniedSecrets) {
    }

    Scope scope(String storeName) {
        return spec.secrets().scopes().stream().filter(s -> s.storeName().equals(storeName)).findFirst().orElse(null);
    }
}
