package io.github.aksdaprwif.identity;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

public enum Verdict {
    PASS, WARN, FAIL,
    /** Not checked: what it needs is missing (another check says why) or the check is switched off. */
    SKIP;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
