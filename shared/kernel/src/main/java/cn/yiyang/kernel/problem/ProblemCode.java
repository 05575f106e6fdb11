package cn.yiyang.kernel.problem;

/**
 * A stable, enumerated error code. Each domain has its own enum implementing this; the
 * plain-Chinese {@code userMessage} for a code lives in {@code messages/problems.properties}
 * (see {@link UserMessages}), never in code.
 */
public interface ProblemCode {

    /** The stable code clients switch on, e.g. {@code MEAL_CUTOFF_PASSED}. */
    String name();

    /** The HTTP status this code is answered with. */
    int httpStatus();
}
