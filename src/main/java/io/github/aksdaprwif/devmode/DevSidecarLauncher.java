package io.github.aksdaprwif.devmode;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.github.aksdaprwif.config.DaprSidecarConfig;
import io.github.aksdaprwif.config.DaprdConfig;
import io.github.aksdaprwif.dapr.SidecarProbe;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode only (the bean does not exist in prod builds): makes {@code ./mvnw quarkus:dev} useful on its own. A
 * sidecar that already listens (say from {@code dapr run}) is used as it is; otherwise a local daprd is started with
 * the dev components of src/main/dapr/ and stopped on exit. quarkus-dapr's container dev services stay off: these
 * machines have no container engine.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevSidecarLauncher {

    private static final Logger LOG = Logger.getLogger(DevSidecarLauncher.class);

    private final SidecarProbe probe;
    private final DaprSidecarConfig sidecar;
    private final DaprdConfig daprd;
    private final String appId;
    private final int appPort;
    private DaprdProcess process;

    DevSidecarLauncher(SidecarProbe probe, DaprSidecarConfig sidecar, DaprdConfig daprd,
            @ConfigProperty(name = "quarkus.application.name") String appId,
            @ConfigProperty(name = "quarkus.http.port") int appPort) {
        this.probe = probe;
        this.sidecar = sidecar;
        this.daprd = daprd;
        this.appId = appId;
        this.appPort = appPort;
    }

    /**
     * Runs before the secret loader's observer (lower priority value first), so that its first attempt finds the
     * dev daprd already up instead of logging an unreachable sidecar with hints meant for a pod. daprd is ready in
     * well under a second; dev mode only waits that long.
     */
    void start(@Observes @Priority(10) StartupEvent event) {
        if (daprd.launch()) {
            launch();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        DaprdProcess running;
        synchronized (this) {
            running = process;
            process = null;
        }
        if (running != null) {
            running.stop();
            LOG.info("Stopped the dev daprd");
        }
    }

    private void launch() {
        if (probe.check().up()) {
            LOG.infof("Using the Dapr sidecar that already answers at %s", probe.healthUri());
            return;
        }
        Path projectDir = Path.of("").toAbsolutePath();
        Optional<Path> binary = DaprdBinary.find(daprd.path(), projectDir, DaprdBinary.defaultCacheDir());
        if (binary.isEmpty()) {
            LOG.warnf("No Dapr sidecar answers at %s and no daprd binary was found: %s. The service keeps retrying.",
                    probe.healthUri(), DaprdBinary.howToGetOne());
            return;
        }
        Path logFile = projectDir.resolve("target").resolve("daprd-dev.log");
        DaprdProcess.Spec spec = new DaprdProcess.Spec(binary.get(), appId,
                projectDir.resolve(daprd.resourcesPath()), null, appPort, sidecar.apiToken().orElse(null),
                daprd.logLevel(), logFile);
        DaprdProcess started = new DaprdProcess(spec, sidecar.httpPort(), sidecar.grpcPort());
        try {
            LOG.infof("Starting daprd %s (HTTP %d, gRPC %d, resources %s, log %s)", binary.get(), sidecar.httpPort(),
                    sidecar.grpcPort(), spec.resourcesPath(), logFile);
            started.start(Duration.ofSeconds(15));
            synchronized (this) {
                process = started;
            }
            LOG.info("The dev daprd is ready");
        } catch (IOException e) {
            LOG.warnf("Could not start daprd: %s. The service keeps retrying.", e.getMessage());
        }
    }
}
