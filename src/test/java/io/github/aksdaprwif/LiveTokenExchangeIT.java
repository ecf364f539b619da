package io.github.aksdaprwif;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The live check against the packaged application (prod profile, the jar's own class path). */
@QuarkusIntegrationTest
class LiveTokenExchangeIT extends LiveTokenExchangeTest {
}
