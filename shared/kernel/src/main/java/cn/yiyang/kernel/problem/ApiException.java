package cn.yiyang.kernel.problem;

import java.util.List;

/**
 * The one exception the request path turns into an RFC 9457 answer. Its detail is English
 * for developers; the user's message comes from the code. It never carries personal data,
 * and it records no stack trace: it is an answer, not a fault.
 */
public final class ApiException extends RuntimeException {

    private final ProblemCode code;
    private final List<FieldError> fieldErrors;

    public ApiException(ProblemCode code, String detail) {
        this(code, detail, List.of());
    }

    public ApiException(ProblemCode code, String detail, List<FieldError> fieldErrors) {
        super(detail, null, false, false);
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static ApiException notFound(String what) {
        return new ApiException(CommonProblem.NOT_FOUND, what + " not found");
    }

    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(CommonProblem.VALIDATION_FAILED, "The request has invalid fields", errors);
    }

    public static ApiException invalid(String field, String code, String detail) {
        return invalid(List.of(new FieldError(field, code, detail)));
    }

    public ProblemCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}
