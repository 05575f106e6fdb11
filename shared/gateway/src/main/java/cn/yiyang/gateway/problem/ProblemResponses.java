package cn.yiyang.gateway.problem;

import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.problem.ProblemCode;
import cn.yiyang.kernel.problem.UserMessages;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Locale;

/**
 * Writes RFC 9457 {@code application/problem+json} bodies. FieldError lives in the framework-free
 * kernel and is serialised here, so it is registered for reflection here.
 */
@RegisterForReflection(targets = FieldError.class)
public final class ProblemResponses {

    public static final String CONTENT_TYPE = "application/problem+json";

    private ProblemResponses() {
    }

    public static String body(ApiException e, String instance, String requestId) {
        return body(e.code(), e.detail(), e.fieldErrors(), instance, requestId);
    }

    public static String body(ProblemCode code, String detail, List<FieldError> errors, String instance,
                              String requestId) {
        return StrictJson.write(new Problem(
                "urn:yiyang:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                code.name(), code.httpStatus(), code.name(), detail, UserMessages.of(code), instance, requestId,
                errors.isEmpty() ? null : errors));
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String type, String title, int status, String code, String detail, String userMessage,
                          @Nullable String instance, @Nullable String requestId, @Nullable List<FieldError> errors) {
    }
}
