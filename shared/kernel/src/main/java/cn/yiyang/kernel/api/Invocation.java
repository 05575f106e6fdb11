package cn.yiyang.kernel.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One authenticated request as a store adapter sees it: the caller, the typed request (path,
 * query and body in one record, already checked), and what the store needs around the business
 * work: the function (idempotency records are kept per function), the Idempotency-Key, the
 * request id and the instant it arrived. Services see only the caller and the request.
 */
public record Invocation<R>(String function, Caller caller, R request, Optional<IdempotencyKey> idempotencyKey,
                            String requestId, Instant receivedAt) {

    public Invocation {
        Objects.requireNonNull(function);
        Objects.requireNonNull(caller);
        Objects.requireNonNull(request);
        Objects.requireNonNull(idempotencyKey);
        Objects.requireNonNull(receivedAt);
    }

    public String county() {
        return caller.county();
    }
}
