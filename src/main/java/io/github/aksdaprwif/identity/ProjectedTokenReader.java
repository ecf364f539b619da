package io.github.aksdaprwif.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.aksdaprwif.identity.TokenFileState.Status;

/**
 * Reads the projected token file and decodes the JWT's claims. The raw token and its signature never leave this
 * class: callers get the file's state and the claims only. The signature is not verified; Entra ID does that, and a
 * pod has no business holding the cluster issuer's keys.
 */
public final class ProjectedTokenReader {

    /** Three base64url parts; the signature may be empty (an unsigned token is still a JWT, if a useless one). */
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxBytes;

    public ProjectedTokenReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public TokenInspection inspect(String path) {
        if (path == null) {
            return new TokenInspection(new TokenFileState(null, Status.NOT_SET, null,
                    "AZURE_FEDERATED_TOKEN_FILE is not set."), null, null);
        }
        Path file;
        try {
            file = Path.of(path);
        } catch (InvalidPathException e) {
            return fileProblem(path, Status.INVALID_PATH, null, "The path is not a valid file name here.");
        }
        if (!Files.exists(file)) {
            return fileProblem(path, Status.MISSING, null, "No file at this path.");
        }
        if (!Files.isRegularFile(file)) {
            return fileProblem(path, Status.NOT_A_FILE, null, "The path names a directory or device, not a file.");
        }
        if (!Files.isReadable(file)) {
            return fileProblem(path, Status.UNREADABLE, null, "The file exists but this process may not read it.");
        }
        byte[] content;
        long size;
        try {
            size = Files.size(file);
            if (size > maxBytes) {
                return tooLarge(path, size);
            }
            // Bounded even if the file grew since its size was taken, or is a special file that reports size 0.
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readNBytes(maxBytes + 1);
            }
        } catch (AccessDeniedException e) {
            return fileProblem(path, Status.UNREADABLE, null, "The file exists but this process may not read it.");
        } catch (IOException e) {
            return fileProblem(path, Status.UNREADABLE, null,
                    "Reading the file failed (" + e.getClass().getSimpleName() + ").");
        }
        if (content.length > maxBytes) {
            return tooLarge(path, content.length);
        }
        size = content.length;
        String text = utf8(content);
        if (content.length == 0 || (text != null && text.isBlank())) {
            return fileProblem(path, Status.EMPTY, size, "The file is empty: the kubelet has not written a token.");
        }
        TokenFileState state = new TokenFileState(path, Status.READ, size, null);
        if (text == null) {
            return new TokenInspection(state, null, "The file holds binary data, not a JWT.");
        }
        return decode(state, text.strip());
    }

    private TokenInspection decode(TokenFileState state, String token) {
        if (!JWT.matcher(token).matches()) {
            long dots = token.chars().filter(c -> c == '.').count();
            return new TokenInspection(state, null, dots == 2
                    ? "The content has three parts but characters outside base64url, so it is not a JWT."
                    : "The content is not a JWT: expected three base64url parts separated by '.', found "
                            + (dots + 1) + " part(s).");
        }
        String[] parts = token.split("\\.", -1);
        JsonNode header = json(parts[0]);
        if (header == null || !header.isObject()) {
            return new TokenInspection(state, null, "The JWT header is not a base64url-encoded JSON object.");
        }
        JsonNode payload = json(parts[1]);
        if (payload == null || !payload.isObject()) {
            return new TokenInspection(state, null, "The JWT payload is not a base64url-encoded JSON object.");
        }
        return new TokenInspection(state, new ProjectedToken(text(payload, "iss"), text(payload, "sub"),
                audience(payload.get("aud")), instant(payload, "iat"), instant(payload, "exp")), null);
    }

    private static JsonNode json(String part) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (IllegalArgumentException | IOException e) {
            return null;
        }
    }

    private static String text(JsonNode payload, String claim) {
        JsonNode node = payload.get(claim);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    /** RFC 7519 allows a single string or an array of strings. */
    private static List<String> audience(JsonNode aud) {
        if (aud == null || aud.isNull()) {
            return null;
        }
        List<String> audience = new ArrayList<>();
        if (aud.isTextual()) {
            audience.add(aud.asText());
        } else if (aud.isArray()) {
            aud.forEach(a -> {
                if (a.isTextual()) {
                    audience.add(a.asText());
                }
            });
        }
        return List.copyOf(audience);
    }

    private static Instant instant(JsonNode payload, String claim) {
        JsonNode node = payload.get(claim);
        if (node == null || !node.isNumber()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(node.asLong());
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The text, or null when the bytes are not valid UTF-8 (binary garbage). */
    private static String utf8(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(content))
                    .toString();
            return text.chars().anyMatch(c -> c == 0) ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private TokenInspection tooLarge(String path, long size) {
        return fileProblem(path, Status.TOO_LARGE, size, "The file is larger than " + maxBytes
                + " bytes (identity.token-file.max-bytes); a projected token is about 1 KB, so this is not one.");
    }

    private static TokenInspection fileProblem(String path, Status status, Long size, String detail) {
        return new TokenInspection(new TokenFileState(path, status, size, detail), null, null);
    }
}
