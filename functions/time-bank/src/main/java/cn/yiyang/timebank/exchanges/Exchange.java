package cn.yiyang.timebank.exchanges;

import cn.yiyang.kernel.json.Nullable;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/**
 * Points exchanged for an item, for the account that paid. A SERVICE exchange is a voucher for one
 * service ({@code serviceCode}): an operator or the provider books that service for the voucher's
 * resident and redeems the voucher naming that booking (AWAITING_BOOKING → BOOKED), which marks the
 * booking paid by points (the booking card). GOODS are collected at the station (TO_COLLECT →
 * COLLECTED). An open exchange may be cancelled, and so may a BOOKED one once its booking's
 * cancellation has committed: either refunds its points and its stock once.
 */
@RegisterForReflection
public record Exchange(String id, String accountId, String itemId, String itemName, CatalogItem.Kind kind,
                       long points, Status status, String voucherCode, @Nullable String bookingId, OffsetDateTime at,
                       @Nullable OffsetDateTime closedAt, @Nullable String closedBy, @Nullable String serviceCode) {

    public enum Status {
        AWAITING_BOOKING, TO_COLLECT, BOOKED, COLLECTED, CANCELLED;

        public boolean isOpen() {
            return this == AWAITING_BOOKING || this == TO_COLLECT;
        }
    }

    public static String pk(String county, String id) {
        return "X#" + county + "#" + id;
    }

    public static String vouchersPk(String county) {
        return "VOUCHERS#" + county;
    }

    public Exchange closed(Status next, String booking, OffsetDateTime when, String by) {
        return new Exchange(id, accountId, itemId, itemName, kind, points, next, voucherCode, booking, at, when, by,
                serviceCode);
    }

    /** Open vouchers, newest first. */
    @RegisterForReflection
    public record Vouchers(java.util.List<Exchange> exchanges) {
    }
}
