package io.github.aksdaprwif.rest;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses {@code /secrets/..} and {@code /secrets/%2E%2E} before Vert.x normalises the path: normalised, such a
 * request would silently reach another resource (or none) instead of being told its secret name is invalid.
 */
@ApplicationScoped
public class DotSegmentFilter {

    private static final String PREFIX = "/secrets/";

    private final ProblemWriter problems;

    DotSegmentFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, 100);
    }

    private void filter(RoutingContext context) {
        String uri = context.request().uri();
        int query = uri.indexOf('?');
        String rawPath = query < 0 ? uri : uri.substring(0, query);
        if (rawPath.toLowerCase(Locale.ROOT).startsWith(PREFIX) && hasDotSegment(rawPath.substring(PREFIX.length()))) {
            problems.write(context, SecretProblems.badName("The secret name contains a '.' or '..' path segment, "
                    + "which no store accepts."));
            return;
        }
        context.next();
    }

    private static boolean hasDotSegment(String rawName) {
        String decoded;
        try {
            decoded = QueryStringDecoder.decodeComponent(rawName);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        for (String segment : decoded.split("[/\\\\]", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return true;
            }
        }
        return false;
    }
}
