package io.github.aksdaprwif.rest;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.github.aksdaprwif.config.SecretsConfig;
import io.github.aksdaprwif.secret.SecretCatalog;
import io.github.aksdaprwif.secret.SecretNames;
import io.github.aksdaprwif.secret.SecretRefresher;
import io.github.aksdaprwif.secret.SecretSnapshot;
import io.github.aksdaprwif.secret.TrackedSecret;
import io.smallrye.common.annotation.NonBlocking;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "secrets", description = "Secrets read through the Dapr sidecar")
public class SecretResource {

    /** Names every store accepts: no whitespace, control character, '/', '\\' or '.'. */
    static final String PORTABLE_NAME = "^[^\\s\\x00-\\x1F\\x7F-\\x9F/\\\\.]+$";

    private final SecretCatalog catalog;
    private final SecretRefresher refresher;
    private final RefreshRateLimit rateLimit;
    private final SecretJson json;
    private final boolean reveal;

    SecretResource(SecretCatalog catalog, SecretRefresher refresher, RefreshRateLimit rateLimit, SecretJson json,
            SecretsConfig config) {
        this.catalog = catalog;
        this.refresher = refresher;
        this.rateLimit = rateLimit;
        this.json = json;
        this.reveal = config.reveal();
    }

    /**
     * The start-up secret as held; 503 until it was loaded once. Never calls the sidecar, so it runs on the I/O
     * thread: no worker-pool hop for an answer that is already in memory, and its JSON is cached (bench/run.sh
     * measured both).
     */
    @GET
    @Path("secret")
    @NonBlocking
    @Operation(summary = "The start-up secret as held",
            description = "Served from memory, never calls the sidecar. The value appears only when secrets.reveal "
                    + "is on; age and the last failed refresh are always shown.")
    @APIResponse(responseCode = "200", description = "The secret is held (status loaded, or failing: the last "
            + "refresh failed and the last good value is served)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SecretView.class)))
    @APIResponse(responseCode = "406", description = "The Accept header excludes application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Not loaded yet: type secret-not-loaded, with the last failure's "
            + "reason, Dapr error code and hint",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String startupSecret() {
        SecretSnapshot snapshot = catalog.startup().snapshot();
        if (!snapshot.loaded()) {
            throw new ProblemException(SecretProblems.notYetLoaded(snapshot, "/secret"));
        }
        return json.of(snapshot, Instant.now());
    }

    /** Re-reads every held secret now. */
    @POST
    @Path("secret/refresh")
    @Operation(summary = "Re-read every held secret now",
            description = "Rate-limited (secrets.refresh.limit per secrets.refresh.window). A failed re-read keeps "
                    + "the last good value. A changed value is logged as rotated, with fingerprints only. Takes no "
                    + "request body.")
    @APIResponse(responseCode = "200", description = "Every held secret was re-read",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RefreshReport.class)))
    @APIResponse(responseCode = "406", description = "The Accept header excludes application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "A request body over quarkus.http.limits.max-body-size: type "
            + "payload-too-large (the endpoint takes no body)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many refreshes: type too-many-refreshes",
            headers = @Header(name = "Retry-After", description = "Seconds to wait",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "The sidecar or the store refused a re-read: type refresh-failed, "
            + "with Dapr's error code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The sidecar did not answer: type refresh-failed, reason "
            + "SIDECAR_UNREACHABLE",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RefreshReport refresh() {
        return rateLimit.call(this::refreshNow, RefreshReport.class);
    }

    /**
     * An allow-listed secret, read through Dapr on first request and then held. The regular expression takes the
     * whole rest of the path, so that a decoded '/' in a name is refused as a bad name rather than routed elsewhere.
     */
    @GET
    @Path("secrets/{name: .*}")
    @Operation(summary = "An allow-listed secret",
            description = "Read through the sidecar on first request, then held and refreshed with the others. Only "
                    + "the start-up secret and the names in secrets.allowed are served; any other name is answered "
                    + "404 without a call to the sidecar.")
    @APIResponse(responseCode = "200", description = "The secret is held",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SecretView.class)))
    @APIResponse(responseCode = "400", description = "A name no store accepts: type invalid-secret-name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A Dapr secret scope denies it: type permission-denied, "
            + "ERR_PERMISSION_DENIED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not on the allow-list (secret-not-allowed), or the store lacks it "
            + "(secret-not-found, ERR_SECRET_GET)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "The Accept header excludes application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "The sidecar or the store failed: types store-not-found, "
            + "stores-not-configured, store-failure, api-token-rejected, unexpected",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The sidecar did not answer: type sidecar-unreachable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SecretView secret(
            @Parameter(description = "The secret's name, 1-127 characters. The pattern is what every store accepts "
                    + "(Key Vault: letters, digits and '-'); the service also takes other names a store may hold, but "
                    + "refuses with 400 a blank name, control characters, '/', '\\\\' and '.' or '..' segments.",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = SecretNames.MAX_LENGTH,
                            pattern = PORTABLE_NAME))
            @PathParam("name") String name) {
        String instance = "/secrets/" + name;
        SecretNames.problem(name).ifPresent(detail -> {
            throw new ProblemException(SecretProblems.badName(detail));
        });
        TrackedSecret secret = catalog.find(name)
                .orElseThrow(() -> new ProblemException(SecretProblems.notAllowed(name, instance)));
        SecretSnapshot snapshot = catalog.current(secret);
        if (!snapshot.loaded()) {
            throw new ProblemException(SecretProblems.readFailed(snapshot, instance));
        }
        return SecretView.of(snapshot, reveal, Instant.now());
    }

    private RefreshReport refreshNow() {
        List<TrackedSecret.ReadOutcome> outcomes = refresher.refreshAll(SecretRefresher.Trigger.MANUAL);
        List<SecretSnapshot> failed = outcomes.stream().map(TrackedSecret.ReadOutcome::snapshot)
                .filter(s -> s.lastError() != null).toList();
        if (!failed.isEmpty()) {
            throw new ProblemException(SecretProblems.refreshFailed(failed, outcomes.size(), "/secret/refresh"));
        }
        Instant now = Instant.now();
        return new RefreshReport(now,
                outcomes.stream().map(o -> SecretView.of(o.snapshot(), reveal, now)).toList(),
                outcomes.stream().filter(TrackedSecret.ReadOutcome::valueChanged).map(o -> o.snapshot().name()).toList());
    }
}
