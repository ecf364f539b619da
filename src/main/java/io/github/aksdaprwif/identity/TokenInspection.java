package io.github.aksdaprwif.identity;

/**
 * The token file and, where it holds a decodable JWT, its claims.
 *
 * @param token the decoded claims; null when the file could not be read or is not a JWT
 * @param malformed why the content is not a usable JWT; null when it decoded or was never read
 */
public record TokenInspection(TokenFileState file, ProjectedToken token, String malformed) {
}
