package cn.yiyang.timebank.exchanges;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/**
 * Points exchanged for an item. A SERVICE exchange is handed over to service-bookings as a
 * booking paid by points (status AWAITING_BOOKING until that hand-off exists); GOODS are collected
 * at the station.
 */
@RegisterForReflection
public record Exchange(String id, String volunteerId, String itemId, String itemName, CatalogItem.Kind kind,
                       long points, Status status, OffsetDateTime at) {

    public enum Status {
        AWAITING_BOOKING, TO_COLLECT, CANCELLED
    }

    @RegisterForReflection
    public record Request(String itemId) {
    }
}
