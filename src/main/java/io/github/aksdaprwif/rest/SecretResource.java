package io.github.aksdaprwif.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.github.aksdaprwif.config.SecretsConfig;
import io.github.aksdaprwif.secret.SecretCatalog;
import io.github.aksdaprwif.secret.SecretNames;
import io.github.aksdaprwif.secret.SecretSnapshot;
import io.github.aksdaprwif.secret.TrackedSecret;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class SecretResource {

    private final SecretCatalog catalog;
    private final boolean reveal;

    SecretResource(SecretCatalog catalog, SecretsConfig config) {
        this.catalog = catalog;
        this.reveal = config.reveal();
    }

    /** The start-up secret as held; 503 until it was loaded once. Never calls the sidecar. */
    @GET
    @Path("secret")
    public SecretView startupSecret() {
        SecretSnapshot snapshot = catalog.startup().snapshot();
        if (!snapshot.loaded()) {
            throw new ProblemException(SecretProblems.notYetLoaded(snapshot, "/secret"));
        }
        return SecretView.of(snapshot, reveal);
    }

    /**
     * An allow-listed secret, read through Dapr on first request and then held. The regular expression takes the
     * whole rest of the path, so that a decoded '/' in a name is refused as a bad name rather than routed elsewhere.
     */
    @GET
    @Path("secrets/{name: .*}")
    public SecretView secret(@PathParam("name") String name) {
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
        return SecretView.of(snapshot, reveal);
    }
}
