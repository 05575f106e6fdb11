package cn.yiyang.kernel.problem;

/** Problems of the shared request path, before or around any domain logic. */
public enum CommonProblem implements ProblemCode {
    MALFORMED_JSON(400),
    VALIDATION_FAILED(400),
    MISSING_PARAMETER(400),
    IDEMPOTENCY_KEY_REQUIRED(400),
    IDEMPOTENCY_KEY_INVALID(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    ROUTE_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    IDEMPOTENCY_IN_PROGRESS(409),
    CONCURRENT_UPDATE(409),
    BODY_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    IDEMPOTENCY_KEY_REUSED(422),
    INTERNAL_ERROR(500),
    STORE_UNAVAILABLE(503);

    private final int httpStatus;

    CommonProblem(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
