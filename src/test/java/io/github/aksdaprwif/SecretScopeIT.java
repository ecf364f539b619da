package io.github.aksdaprwif;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged application when a Dapr secret scope denies the how-to's secret. */
@QuarkusIntegrationTest
class SecretScopeIT extends SecretScopeTest {
}
