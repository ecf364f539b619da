package io.github.aksdaprwif;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The how-to end to end against the packaged application: the JVM jar, or the native executable with -Dnative. */
@QuarkusIntegrationTest
class HowToEndToEndIT extends HowToEndToEndTest {
}
