package io.github.aksdaprwif.secret;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

public enum SecretStatus {
    /** Never loaded; the last attempt (if any) failed or is under way. */
    WAITING,
    /** Loaded, and the last read succeeded. */
    LOADED,
    /** Loaded once, but the last read failed: the last good value is served. */
    FAILING;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
