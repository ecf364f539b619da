package io.github.aksdaprwif.testing;

import java.nio.file.Path;

/**
 * What a test of the live check needs: the fake token endpoint, the projected token it was given, the app's log.
 *
 * @param projectedToken the content of the token file: what azure-identity must send as client_assertion
 */
public record FakeEntraIdFixture(FakeEntraId entra, String projectedToken, Path appLogFile) {

    public String appLog() {
        return TestFiles.readIfExists(appLogFile);
    }
}
