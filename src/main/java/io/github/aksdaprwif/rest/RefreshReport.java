package io.github.aksdaprwif.rest;

import java.time.Instant;
import java.util.List;

/**
 * What {@code POST /secret/refresh} did: every held secret as it is after the re-read.
 *
 * @param rotated names of the secrets whose value changed
 */
public record RefreshReport(Instant refreshedAt, List<SecretView> secrets, List<String> rotated) {
}
