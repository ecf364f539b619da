package io.github.aksdaprwif.rest;

import java.util.OptionalLong;

/** Ends a request with a problem+json answer; no stack trace is kept or shown. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final OptionalLong retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, OptionalLong.empty());
    }

    /** A problem that the caller may retry later, answered with a {@code Retry-After} header. */
    public ProblemException(Problem problem, OptionalLong retryAfterSeconds) {
        super(problem.title(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
