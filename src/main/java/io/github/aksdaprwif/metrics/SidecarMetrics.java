package io.github.aksdaprwif.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.github.aksdaprwif.dapr.SidecarProbe;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Whether the sidecar answered its last health probe. A gauge must not call out, so it shows the last answer that
 * the loader, the periodic refresh or a readiness probe got.
 */
@ApplicationScoped
public class SidecarMetrics {

    static final String UP = "secrets.dapr.sidecar.up";

    void register(@Observes StartupEvent event, MeterRegistry registry, SidecarProbe probe) {
        Gauge.builder(UP, probe, p -> p.last().up() ? 1 : 0)
                .description("1 when the Dapr sidecar answered its last outbound health probe, else 0")
                .register(registry);
    }
}
