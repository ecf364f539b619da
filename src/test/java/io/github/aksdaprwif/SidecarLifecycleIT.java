package io.github.aksdaprwif;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged application started before its sidecar: it waits, loads, and survives a sidecar outage. */
@QuarkusIntegrationTest
class SidecarLifecycleIT extends SidecarLifecycleTest {
}
