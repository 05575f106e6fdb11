package cn.yiyang.timebank.accounts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/** One immutable line of a volunteer's statement: what moved, by how much, and what caused it. */
@RegisterForReflection
public record Entry(String id, Kind kind, long points, String cause, OffsetDateTime at) {

    public enum Kind {
        EARNED, EXCHANGED, REFUNDED, GIFT_SENT, GIFT_RECEIVED, DONATED, GRANTED
    }
}
