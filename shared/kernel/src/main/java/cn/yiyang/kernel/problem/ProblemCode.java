package cn.yiyang.kernel.problem;

/**
 * A stable, enumerated error code. Each domain has its own enum implementing this, and names the
 * resource that holds its plain-Chinese {@code userMessage}s ({@link #messages()}), so a function
 * contributes its own messages and the kernel lists none but its own.
 */
public interface ProblemCode {

    /** The kernel's own messages: the request path's codes and those shared by several functions. */
    String COMMON_MESSAGES = "messages/problems-common.properties";

    /** The stable code clients switch on, e.g. {@code MEAL_CUTOFF_PASSED}. */
    String name();

    /** The HTTP status this code is answered with. */
    int httpStatus();

    /** The resource of this code's messages, named (never scanned) so native images find it. */
    default String messages() {
        return COMMON_MESSAGES;
    }
}
