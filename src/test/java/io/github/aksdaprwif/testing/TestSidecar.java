package io.github.aksdaprwif.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import io.github.aksdaprwif.devmode.DaprdProcess;

/** The real daprd of a test class, and the application's log file, for tests that stop, start or read them. */
public final class TestSidecar {

    private final DaprdProcess daprd;
    private final Path appLog;

    TestSidecar(DaprdProcess daprd, Path appLog) {
        this.daprd = daprd;
        this.appLog = appLog;
    }

    public void start() {
        try {
            daprd.start(Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void stop() {
        daprd.stop();
    }

    public boolean running() {
        return daprd.running();
    }

    public int httpPort() {
        return daprd.httpPort();
    }

    public String token() {
        return daprd.spec().apiToken();
    }

    /** Everything the application logged so far. */
    public String appLog() {
        return TestFiles.readIfExists(appLog);
    }

    /** What daprd logged so far. */
    public String daprdLog() {
        return TestFiles.readIfExists(daprd.spec().logFile());
    }
}
