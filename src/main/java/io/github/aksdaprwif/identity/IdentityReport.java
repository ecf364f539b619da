package io.github.aksdaprwif.identity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Everything GET /identity shows: the injected variables (ids and paths, never credentials), the token file, the
 * projected token's claims, the checks with their fixes, and the live exchange.
 *
 * @param environment the four variables the webhook injects, null where unset
 * @param token the projected token's claims; no raw token and no signature
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentityReport(Status status, String summary, Instant checkedAt,
        @JsonInclude(content = JsonInclude.Include.ALWAYS) Map<String, String> environment, Pod pod, TokenFileState tokenFile, TokenView token, List<Check> checks, LiveResult live) {

    public enum Status {
        PASS, WARN, FAIL, NOT_CONFIGURED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Where the pod runs, as the downward API tells; null where unknown. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Pod(String namespace, String serviceAccount) {
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
