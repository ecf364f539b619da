package io.github.aksdaprwif.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What reading AZURE_FEDERATED_TOKEN_FILE found, without its content.
 *
 * @param size the file's size in bytes, where it could be read
 * @param detail what is wrong, in one sentence; null when the file was read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenFileState(String path, Status status, Long size, String detail) {

    public boolean read() {
        return status == Status.READ;
    }

    public enum Status {
        READ, NOT_SET, INVALID_PATH, MISSING, NOT_A_FILE, UNREADABLE, EMPTY, TOO_LARGE;

        @JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
