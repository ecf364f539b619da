package io.github.aksdaprwif.identity;

import java.time.Instant;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The latest live token exchange. The access token itself is never kept: only when it expires.
 *
 * @param reason why no exchange was made (disabled, skipped) or is still awaited (pending)
 * @param accessTokenExpiresAt when the access token Entra ID issued expires
 * @param nextAttemptAfter the earliest time of the next exchange (identity.live.interval)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveResult(State state, String scope, String reason, Instant attemptedAt, Long durationMs,
        Instant accessTokenExpiresAt, ExchangeFailure failure, Instant nextAttemptAfter) {

    public static final String CHECK = "token-exchange";

    public enum State {
        DISABLED, SKIPPED, PENDING, SUCCEEDED, FAILED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static LiveResult disabled() {
        return new LiveResult(State.DISABLED, null, "The live check is off (identity.live.enabled=false).", null, null,
                null, null, null);
    }

    static LiveResult skipped(String scope, String reason) {
        return new LiveResult(State.SKIPPED, scope, reason, null, null, null, null, null);
    }

    static LiveResult pending(String scope) {
        return new LiveResult(State.PENDING, scope, "The first token exchange is under way.", null, null, null, null,
                null);
    }

    /** The verdict of the live check, in the same form as the static checks. */
    public Check check() {
        return switch (state) {
            case DISABLED, SKIPPED, PENDING -> Check.skip(CHECK, reason);
            case SUCCEEDED -> Check.pass(CHECK, "Entra ID issued a token for " + scope + " at " + attemptedAt
                    + " (valid until " + accessTokenExpiresAt + ").");
            case FAILED -> Check.fail(CHECK, "The token exchange for " + scope + " failed: " + failure.message(),
                    failure.hint());
        };
    }
}
