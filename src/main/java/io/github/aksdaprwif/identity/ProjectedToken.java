package io.github.aksdaprwif.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The claims of the projected service account token that decide the token exchange. Deliberately no raw token, no
 * header and no signature: what is shown here cannot be replayed.
 *
 * @param audience the {@code aud} claim, a JSON string or array in the token, always a list here
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProjectedToken(String issuer, String subject, List<String> audience, Instant issuedAt,
        Instant expiresAt) {

    /** Seconds until {@code exp}, negative once expired; null without {@code exp}. */
    public Long secondsLeft(Instant now) {
        return expiresAt == null ? null : Duration.between(now, expiresAt).getSeconds();
    }
}
