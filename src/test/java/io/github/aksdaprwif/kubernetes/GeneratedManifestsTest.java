package io.github.aksdaprwif.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** The manifest reader refuses what fabric8 alone would accept in silence, so the manifest checks can trust it. */
class GeneratedManifestsTest {

    private static final String SERVICE_ACCOUNT_YAML = """
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: sa
            """;
    private static final String SERVICE_ACCOUNT_JSON = """
            [{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"sa"}}]
            """;

    @TempDir
    Path dir;

    @Test
    void readsTheObjectsOfBothFiles() throws IOException {
        write(SERVICE_ACCOUNT_YAML, SERVICE_ACCOUNT_JSON);
        assertEquals("sa", GeneratedManifests.read(dir).serviceAccount().getMetadata().getName());
    }

    @Test
    void misspelledKubernetesFieldFails() throws IOException {
        write("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: app
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          securityContxt:
                            runAsNonRoot: true
                """, """
                [{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"app"},"spec":{"template":{"spec":
                {"containers":[{"name":"app","securityContxt":{"runAsNonRoot":true}}]}}}}]
                """);
        assertRefused("securityContxt");
    }

    @Test
    void daprFieldInTheWrongPlaceFails() throws IOException {
        write("""
                apiVersion: dapr.io/v1alpha1
                kind: Component
                metadata:
                  name: store
                spec:
                  type: secretstores.azure.keyvault
                  version: v1
                  metadata: []
                  scopes: [app]
                """, """
                [{"apiVersion":"dapr.io/v1alpha1","kind":"Component","metadata":{"name":"store"},
                "spec":{"type":"secretstores.azure.keyvault","version":"v1","metadata":[],"scopes":["app"]}}]
                """);
        assertRefused("scopes");
    }

    @Test
    void unexpectedKindFails() throws IOException {
        write("""
                apiVersion: v1
                kind: Secret
                metadata:
                  name: leaked
                """, """
                [{"apiVersion":"v1","kind":"Secret","metadata":{"name":"leaked"}}]
                """);
        AssertionError e = assertThrows(AssertionError.class, () -> GeneratedManifests.read(dir));
        assertTrue(e.getMessage().contains("v1/Secret"), e.getMessage());
    }

    @Test
    void jsonThatDiffersFromTheYamlFails() throws IOException {
        write(SERVICE_ACCOUNT_YAML, SERVICE_ACCOUNT_JSON.replace("\"sa\"", "\"other\""));
        AssertionError e = assertThrows(AssertionError.class, () -> GeneratedManifests.read(dir));
        assertTrue(e.getMessage().contains("kubernetes.json"), e.getMessage());
    }

    private void assertRefused(String field) {
        AssertionError e = assertThrows(AssertionError.class, () -> GeneratedManifests.read(dir));
        assertEquals(field, assertInstanceOf(UnrecognizedPropertyException.class, e.getCause()).getPropertyName());
    }

    private void write(String yaml, String json) throws IOException {
        Files.writeString(dir.resolve("kubernetes.yml"), yaml);
        Files.writeString(dir.resolve("kubernetes.json"), json);
    }
}
