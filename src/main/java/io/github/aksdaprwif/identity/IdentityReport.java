package io.github.aksdaprwif.identity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything GET /identity shows: the injected variables (ids and paths, never credentials), the token file, the
 * projected token's claims, the checks with their fixes, and the live exchange.
 *
 * @param environment the four variables the webhook injects, null where unset
 * @param token the projected token's claims; no raw token and no signature
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentityReport(Status status, String summary, Instant checkedAt,
        InjectedVariables environment, Pod pod, TokenFileState tokenFile, TokenView token, List<Check> checks, LiveResult live) {

    public enum Status {
        PASS, WARN, FAIL, NOT_CONFIGURED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The four variables the webhook injects, by their own names; null where unset. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record InjectedVariables(
            @JsonProperty(WorkloadEnvironment.AZURE_CLIENT_ID) @Schema(nullable = true) String clientId,
            @JsonProperty(WorkloadEnvironment.AZURE_TENANT_ID) @Schema(nullable = true) String tenantId,
            @JsonProperty(WorkloadEnvironment.AZURE_FEDERATED_TOKEN_FILE) @Schema(nullable = true) String federatedTokenFile,
            @JsonProperty(WorkloadEnvironment.AZURE_AUTHORITY_HOST) @Schema(nullable = true) String authorityHost) {

        static InjectedVariables of(WorkloadEnvironment env) {
            return new InjectedVariables(env.clientId(), env.tenantId(), env.federatedTokenFile(), env.authorityHost());
        }
    }

    /** Where the pod runs, as the downward API tells; null where unknown. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Pod(@Schema(nullable = true) String namespace, @Schema(nullable = true) String serviceAccount) {
    }

    /** @param secondsLeft until {@code exp}; negative once expired */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenView(String issuer, String subject, List<String> audience, Instant issuedAt,
            Instant expiresAt, Long secondsLeft) {

        static TokenView of(ProjectedToken token, Instant now) {
            return token == null ? null
                    : new TokenView(token.issuer(), token.subject(), token.audience(), token.issuedAt(),
                            token.expiresAt(), token.secondsLeft(now));
        }
    }

    /** Healthy while nothing fails: warnings inform, they do not take the pod out. */
    @JsonIgnore
    public boolean healthy() {
        return status == Status.PASS || status == Status.WARN;
    }

    /** The first failing check, or else the first warning: the one thing to fix first. */
    @JsonIgnore
    public Check firstProblem() {
        return checks.stream().filter(c -> c.verdict() == Verdict.FAIL).findFirst()
                .or(() -> checks.stream().filter(c -> c.verdict() == Verdict.WARN).findFirst())
                .orElse(null);
    }
}
