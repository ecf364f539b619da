package io.github.aksdaprwif.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.github.aksdaprwif.identity.Check;
import io.github.aksdaprwif.identity.IdentityConfig;
import io.github.aksdaprwif.identity.IdentityDiagnostics;
import io.github.aksdaprwif.identity.IdentityReport;
import io.github.aksdaprwif.identity.LiveResult;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.health.api.HealthRegistry;

/**
 * The workload identity verdicts as a health check, in a group of its own (/q/health/group/workload-identity): it
 * informs without taking the pod out of service, since a Key Vault outage is not a reason to stop serving the
 * secrets already held. {@code identity.health.readiness=true} adds it to readiness as well. Never blocks on the
 * live exchange: it reports the last result.
 */
@HealthGroup(WorkloadIdentityCheck.NAME)
@ApplicationScoped
public class WorkloadIdentityCheck implements HealthCheck {

    static final String NAME = "workload-identity";

    private final IdentityDiagnostics diagnostics;
    private volatile boolean inReadiness;

    WorkloadIdentityCheck(IdentityDiagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    @Override
    public HealthCheckResponse call() {
        IdentityReport report = diagnostics.report(false);
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(report.healthy())
                .withData("status", report.status().json())
                .withData("summary", report.summary());
        for (Check check : report.checks()) {
            response.withData(check.name(), check.verdict().json());
        }
        Check first = report.firstProblem();
        if (first != null && first.fix() != null) {
            response.withData("fix", first.fix());
        }
        LiveResult live = report.live();
        if (live.failure() != null && live.failure().aadsts() != null) {
            response.withData("aadsts", live.failure().aadsts());
        }
        if (report.token() != null) {
            // Not "subject": that key is the subject check's verdict.
            response.withData("tokenIssuer", String.valueOf(report.token().issuer()))
                    .withData("tokenSubject", String.valueOf(report.token().subject()));
        }
        return response.build();
    }

    /** Registered at run time, so the switch is an ordinary runtime property rather than a build-time one. */
    void joinReadiness(@Observes StartupEvent event, IdentityConfig config, @Readiness HealthRegistry readiness) {
        if (config.health().readiness()) {
            readiness.register(NAME, this);
            inReadiness = true;
        }
    }

    /**
     * SmallRye keeps registered checks in a static registry that outlives this application: a restart in the same
     * JVM (dev-mode reload, the next test class) would otherwise keep a check whose application is gone.
     */
    void leaveReadiness(@Observes ShutdownEvent event, @Readiness HealthRegistry readiness) {
        if (inReadiness) {
            readiness.remove(NAME);
            inReadiness = false;
        }
    }
}
