package io.github.aksdaprwif.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.github.aksdaprwif.identity.IdentityReport.Status;
import io.quarkus.runtime.StartupEvent;

/**
 * Diagnoses the pod's Azure workload identity, the layer below Dapr's ERR_SECRET_GET: the webhook's variables, the
 * projected token, and (when switched on) a real token exchange. The sidecar shares all of these with this
 * container, so what fails here fails for the sidecar's Key Vault store too.
 */
@ApplicationScoped
public class IdentityDiagnostics {

    private static final Logger LOG = Logger.getLogger(IdentityDiagnostics.class);

    private final WorkloadEnvironment env;
    private final ProjectedTokenReader reader;
    private final IdentityChecks rules;
    private final LiveTokenCheck live;
    private final Clock clock = Clock.systemUTC();

    IdentityDiagnostics(IdentityConfig config, AzureEnvConfig azure, PodConfig pod, LiveTokenCheck live) {
        this.env = WorkloadEnvironment.of(azure, pod);
        this.reader = new ProjectedTokenReader(config.maxTokenBytes());
        this.rules = new IdentityChecks(config.expectedAudience());
        this.live = live;
    }

    /**
     * Checks now. The token file is read afresh each time, since the kubelet rotates it.
     *
     * @param waitForLive whether to wait for a live exchange under way (REST) or answer at once (health)
     */
    public IdentityReport report(boolean waitForLive) {
        Instant now = clock.instant();
        TokenInspection inspection = reader.inspect(env.federatedTokenFile());
        List<Check> checks = new ArrayList<>(rules.evaluate(env, inspection, now));
        LiveTokenCheck.Request request = new LiveTokenCheck.Request(env, context(inspection.token()),
                skipReason(checks));
        LiveResult liveResult = waitForLive ? live.await(request) : live.latest(request);
        checks.add(liveResult.check());
        Status status = env.nothingInjected() ? Status.NOT_CONFIGURED : status(checks);
        IdentityReport draft = new IdentityReport(status, null, now, IdentityReport.InjectedVariables.of(env),
                new IdentityReport.Pod(env.podNamespace(), env.podServiceAccount()), inspection.file(),
                IdentityReport.TokenView.of(inspection.token(), now), List.copyOf(checks), liveResult);
        return new IdentityReport(status, summary(draft), now, draft.environment(), draft.pod(), draft.tokenFile(),
                draft.token(), draft.checks(), liveResult);
    }

    /** One line at start: a developer sees why identity is "not configured", an operator what to fix first. */
    void announce(@Observes StartupEvent event) {
        IdentityReport report = report(false);
        if (report.status() == Status.FAIL) {
            LOG.warnf("Workload identity: %s (GET /identity has the details)", report.summary());
        } else {
            LOG.infof("Workload identity: %s", report.summary());
        }
    }

    private ExchangeFailure.Context context(ProjectedToken token) {
        return new ExchangeFailure.Context(env.clientId(), env.tenantId(), env.authorityHost(),
                token == null ? null : token.issuer(), token == null ? null : token.subject(), live.timeout());
    }

    /** Why a live exchange cannot succeed, from the static checks; null when it is worth trying. */
    private static String skipReason(List<Check> checks) {
        for (Check check : checks) {
            if (check.verdict() != Verdict.FAIL) {
                continue;
            }
            switch (check.name()) {
                case IdentityChecks.ENVIRONMENT:
                    return "Not all four AZURE_* variables are set.";
                case IdentityChecks.AUTHORITY_HOST:
                    return "AZURE_AUTHORITY_HOST is not an https URL.";
                case IdentityChecks.TOKEN_FILE:
                    return "The token file cannot be read.";
                case IdentityChecks.TOKEN_FORMAT:
                    return "The token file holds no service account token.";
                default:
                    break;
            }
        }
        return null;
    }

    private static Status status(List<Check> checks) {
        if (checks.stream().anyMatch(c -> c.verdict() == Verdict.FAIL)) {
            return Status.FAIL;
        }
        return checks.stream().anyMatch(c -> c.verdict() == Verdict.WARN) ? Status.WARN : Status.PASS;
    }

    private String summary(IdentityReport report) {
        return switch (report.status()) {
            case NOT_CONFIGURED -> "not configured: no AZURE_* variable is set (not running in Kubernetes, or the pod "
                    + "lacks the label azure.workload.identity/use: \"true\").";
            case FAIL, WARN -> {
                Check first = report.firstProblem();
                yield (report.status() == Status.FAIL ? "" : "usable, but ") + first.name() + ": " + first.detail();
            }
            case PASS -> switch (report.live().state()) {
                case SUCCEEDED -> "looks right, and Entra ID issued a token for " + report.live().scope() + ".";
                case PENDING -> "looks right; the first live token exchange is under way.";
                default -> "looks right (the live token exchange is off: identity.live.enabled).";
            };
        };
    }
}
