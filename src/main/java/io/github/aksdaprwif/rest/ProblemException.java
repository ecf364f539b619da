package io.github.aksdaprwif.rest;

/** Ends a request with a problem+json answer; no stack trace is kept or shown. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
