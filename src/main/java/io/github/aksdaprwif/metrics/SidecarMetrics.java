package io.github.aksdaprwif.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.github.aksdaprwif.dapr.SidecarProbe;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Whether the sidecar answered its last health probe. A gauge must not call out, so it shows the last answer that
 * the loader, the periodic refresh or a readiness probe got.
 */
@ApplicationScoped
public class SidecarMetrics {

    static final String UP = "secrets.dapr.sidecar.up";

    private Gauge gauge;
    private MeterRegistry registry;

    void register(@Observes StartupEvent event, MeterRegistry registry, SidecarProbe probe) {
        this.registry = registry;
        this.gauge = Gauge.builder(UP, probe, p -> p.last().up() ? 1 : 0)
                .description("1 when the Dapr sidecar answered its last outbound health probe, else 0")
                // The injected probe is a client proxy that nothing else holds; a weak reference would lose it.
                .strongReference(true)
                .register(registry);
    }

    /** The registry can outlive the application (tests restart it in one JVM): leave no gauge of a stopped one. */
    void remove(@Observes ShutdownEvent event) {
        if (gauge != null) {
            registry.remove(gauge);
        }
    }
}
