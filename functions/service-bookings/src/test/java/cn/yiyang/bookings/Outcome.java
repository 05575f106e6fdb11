package cn.yiyang.bookings;

import cn.yiyang.kernel.problem.ApiException;
import java.util.stream.Collectors;

/**
 * A rule's outcome as one comparable word, for table-driven tests: {@code OK}, the problem code
 * ({@code BOOKING_TOO_SOON}), or for a 400 the invalid fields ({@code address:BAD_ADDRESS}).
 */
public final class Outcome {

    public static final String OK = "OK";

    private Outcome() {
    }

    public static String of(Runnable rule) {
        try {
            rule.run();
            return OK;
        } catch (ApiException refused) {
            if (refused.fieldErrors().isEmpty()) {
                return refused.code().name();
            }
            return refused.fieldErrors().stream().map(e -> e.field() + ":" + e.code()).collect(Collectors.joining(","));
        }
    }
}
