package io.github.aksdaprwif.secret;

import java.util.Optional;

/**
 * Names no secret store accepts, refused before any call to the sidecar. Key Vault allows 1-127 characters of
 * letters, digits and '-'; other stores (local.file's nested keys, Kubernetes) allow a little more, so only what
 * none of them can hold, or what could reroute the sidecar's HTTP path, is refused here.
 */
public final class SecretNames {

    public static final int MAX_LENGTH = 127;

    private SecretNames() {
    }

    /** @return why the name is refused, or empty when it may be asked for */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("The secret name is empty.");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("The secret name has " + name.length() + " characters; stores accept at most " + MAX_LENGTH + ".");
        }
        if (name.isBlank()) {
            return Optional.of("The secret name is blank.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of("The secret name contains a control character (U+" + String.format("%04X", (int) c) + ").");
            }
            if (c == '/' || c == '\\') {
                return Optional.of("The secret name contains '" + c + "', which no store accepts in a name.");
            }
        }
        if (name.equals(".") || name.contains("..")) {
            return Optional.of("The secret name contains '..' or is '.', which no store accepts.");
        }
        return Optional.empty();
    }
}
