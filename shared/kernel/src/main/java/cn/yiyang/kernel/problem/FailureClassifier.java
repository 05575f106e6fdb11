package cn.yiyang.kernel.problem;

import cn.yiyang.kernel.problem.ApiException;
import java.util.Optional;

/**
 * Names a store's failure that no operation turned into an answer (a dropped connection, a
 * throttled or unreachable store) as the problem it is, e.g. 503 STORE_UNAVAILABLE, rather than
 * an internal error. Each store module contributes one; the dispatcher asks them all.
 */
public interface FailureClassifier {

    Optional<ApiException> classify(Throwable failure);

    int CAUSES_DEPTH_MAX = 16;

    /** The failure or one of its causes, of the given type. */
    static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < CAUSES_DEPTH_MAX; depth++) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
            current = current.getCause();
        }
        return Optional.empty();
    }
}
