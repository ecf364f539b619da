package io.github.aksdaprwif.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as application/problem+json: the service's own problems, JAX-RS's (unknown route, wrong method,
 * unacceptable media type) and anything unexpected, which is logged here by class only and answered without details.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder builder = Response.status(e.problem().status()).type(Problem.MEDIA_TYPE)
                .entity(e.problem());
        e.retryAfterSeconds().ifPresent(seconds -> builder.header("Retry-After", seconds));
        return builder.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return respond(Problem.of(slug, status.getReasonPhrase(), status.getStatusCode(), detailOf(status.getStatusCode()),
                uri.getPath()), e.getResponse(), uri.getPath());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        // The class says where to look; the message could carry data, so it stays out of the log and the answer.
        LOG.errorf("Unexpected %s while serving %s", e.getClass().getName(), uri.getPath());
        return respond(Problem.of("internal-error", "Internal Server Error", 500,
                "The service failed unexpectedly; its log names the failure.", uri.getPath()));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response respond(Problem problem, Response original, String path) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        String allow = original.getHeaderString("Allow");
        if ((allow == null || allow.isBlank()) && problem.status() == 405) {
            allow = AllowedMethods.of(path).orElse(null);
        }
        if (allow != null && !allow.isBlank()) {
            builder.header("Allow", allow);
        }
        return builder.build();
    }

    private static String detailOf(int status) {
        return switch (status) {
            case 404 -> "No resource here. The service answers GET /secret, POST /secret/refresh, GET /secrets/{name}, "
                    + "GET /identity, /q/health, /q/metrics and /q/openapi.";
            case 405 -> "This resource does not accept that method; the Allow header lists those it does.";
            case 406 -> "The service answers only application/json (problem+json for errors).";
            case 415 -> "The service does not accept that request body type.";
            default -> "The request cannot be served as sent.";
        };
    }
}
