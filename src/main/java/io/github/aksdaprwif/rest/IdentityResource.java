package io.github.aksdaprwif.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.github.aksdaprwif.identity.IdentityDiagnostics;
import io.github.aksdaprwif.identity.IdentityReport;

/**
 * The pod's workload identity as diagnosed now. Always 200 when the diagnosis ran, whatever it found: the verdicts
 * are the answer. Unexpected failures leave as problem+json through {@link ProblemMappers}.
 */
@Path("/identity")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityResource {

    private final IdentityDiagnostics diagnostics;

    IdentityResource(IdentityDiagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    @GET
    public IdentityReport identity() {
        return diagnostics.report(true);
    }
}
