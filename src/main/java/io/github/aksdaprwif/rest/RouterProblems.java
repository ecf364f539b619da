package io.github.aksdaprwif.rest;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives the requests that Vert.x and Quarkus refuse before any JAX-RS resource runs the same problem+json answer as
 * the rest: wrong methods on the read-only {@code /q/} endpoints (which would otherwise answer any method), bodies
 * over {@code quarkus.http.limits.max-body-size}, and whatever fails at router level. Refusals of Vert.x's HTTP
 * codec (414 for an over-long request line, 431 for over-large headers, 400 for a malformed percent-escape) happen
 * before any router sees the request and keep Vert.x's empty answer; the README lists them. {@code OPTIONS} is answered here too, with the methods of
 * the path asked about.
 */
@ApplicationScoped
public class RouterProblems {

    private static final Logger LOG = Logger.getLogger(RouterProblems.class);
    /** The non-application endpoints this service exposes; all of them only read. */
    private static final List<String> READ_ONLY = List.of("/q/health", "/q/metrics", "/q/openapi");

    private final ProblemWriter problems;
    private final Optional<Long> maxBodySize;

    RouterProblems(ProblemWriter problems,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.problems = problems;
        this.maxBodySize = maxBodySize.map(MemorySize::asLongValue);
    }

    void filters(@Observes Filters filters) {
        // Above Quarkus's own body-size check (route order -2), which answers 413 with an empty body.
        filters.register(this::answerEarly, 90);
    }

    void router(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        // Failures that match no route (failure handlers included) reach the router's error handlers.
        for (int status : new int[] { 400, 404, 405, 413 }) {
            router.errorHandler(status, this::failed);
        }
    }

    private void answerEarly(RoutingContext context) {
        String path = context.normalizedPath();
        HttpMethod method = context.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD && readOnly(path)) {
            context.response().putHeader("Allow", "GET, HEAD");
            problems.write(context, Problem.of("method-not-allowed", "Method Not Allowed", 405,
                    "This endpoint only answers GET and HEAD.", path));
            return;
        }
        if (maxBodySize.isPresent() && declaredLength(context) > maxBodySize.get()) {
            context.response().putHeader("Connection", "close");
            problems.write(context, Problem.of("payload-too-large", "Payload Too Large", 413,
                    "The request body is larger than the service accepts (" + maxBodySize.get() + " bytes); no "
                            + "endpoint of this service needs a body.", path));
            return;
        }
        if (method == HttpMethod.OPTIONS) {
            // Quarkus REST would list every method of the resource class, not those of this path.
            Optional<String> allowed = AllowedMethods.of(path);
            if (allowed.isPresent()) {
                context.response().setStatusCode(204).putHeader("Allow", allowed.get() + ", OPTIONS").end();
                return;
            }
        }
        context.next();
    }

    private void failed(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        int status = context.statusCode() > 0 ? context.statusCode() : 500;
        if (status >= 500) {
            // Class only: a failure's message may carry request data.
            LOG.errorf("Unexpected %s while routing %s", context.failure() == null ? "failure"
                    : context.failure().getClass().getName(), context.normalizedPath());
        }
        Problem problem = switch (status) {
            case 400 -> Problem.of("bad-request", "Bad Request", 400,
                    "The request cannot be parsed; check the escaping of its path.", null);
            case 413 -> Problem.of("payload-too-large", "Payload Too Large", 413,
                    "The request body is larger than the service accepts; no endpoint of this service needs one.", null);
            default -> status >= 500
                    ? Problem.of("internal-error", HttpResponseStatus.valueOf(status).reasonPhrase(), status,
                            "The service failed unexpectedly; its log names the failure.", null)
                    : Problem.of("request-refused", HttpResponseStatus.valueOf(status).reasonPhrase(), status,
                            "The request cannot be served as sent.", null);
        };
        problems.write(context, problem);
    }

    private static boolean readOnly(String path) {
        if (path == null) {
            return false;
        }
        for (String prefix : READ_ONLY) {
            if (path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    private static long declaredLength(RoutingContext context) {
        String header = context.request().getHeader("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
