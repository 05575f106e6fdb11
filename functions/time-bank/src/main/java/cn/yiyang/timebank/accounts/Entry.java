package cn.yiyang.timebank.accounts;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/**
 * One immutable line of a statement (a volunteer's, a resident's, or the county pool's): what
 * moved, by how much, and the cause that moved it. The id is the kind and the cause's id, so a
 * cause can move an account's points at most once.
 */
@RegisterForReflection
public record Entry(String id, Kind kind, long points, Cause cause, String counterparty, OffsetDateTime at) {

    public enum Kind {
        /** Account: a confirmed record's minutes, up to the storage cap. */
        EARNED,
        EXCHANGED,
        REFUNDED,
        GIFT_SENT,
        GIFT_RECEIVED,
        DONATED,
        GRANTED,
        /** Pool: a confirmed record's minutes beyond the volunteer's storage cap. */
        OVERFLOW_RECEIVED,
        DONATION_RECEIVED,
        GRANT_PAID
    }

    /** What caused a move: a service record, an exchange, a gift, a donation, a grant or a refund (of an exchange). */
    @RegisterForReflection
    public record Cause(Type type, String id) {

        public enum Type {
            RECORD, EXCHANGE, GIFT, DONATION, GRANT, REFUND
        }
    }

    public static String idOf(Kind kind, Cause cause) {
        return kind.name() + "-" + cause.id();
    }
}
