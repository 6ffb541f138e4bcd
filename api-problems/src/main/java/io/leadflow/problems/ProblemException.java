package io.leadflow.problems;

/**
 * A request that is refused with {@link #problem()}, having changed nothing: thrown anywhere below a
 * resource, answered as problem+json by {@code ProblemExceptionMapper}. A service's own refusals
 * extend it.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
