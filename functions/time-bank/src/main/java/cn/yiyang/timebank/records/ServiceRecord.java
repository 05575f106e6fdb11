package cn.yiyang.timebank.records;

import cn.yiyang.kernel.json.Nullable;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/** A service a volunteer gave a resident; it earns points once confirmed, unless it expires first. */
@RegisterForReflection
public record ServiceRecord(String id, String county, String volunteerId, String residentId, String serviceType,
                            OffsetDateTime start, OffsetDateTime end, long minutes, Status status,
                            @Nullable String decidedBy, OffsetDateTime createdAt) {

    public enum Status {
        PENDING, CONFIRMED, REJECTED, EXPIRED
    }

    public static String pk(String county, String id) {
        return "R#" + county + "#" + id;
    }

    /** The sparse index of pending records, oldest first: what the expiry job reads. */
    public static String pendingPk(String county) {
        return "PENDING#" + county;
    }

    public String pendingSk() {
        return createdAt.toInstant() + "#" + id;
    }

    public ServiceRecord decided(Status next, String by) {
        return new ServiceRecord(id, county, volunteerId, residentId, serviceType, start, end, minutes, next, by, createdAt);
    }

    @RegisterForReflection
    public record Request(String residentId, String serviceType, OffsetDateTime start, OffsetDateTime end) {
    }

    /** A confirmation's answer: the record, and where its points went (kept on the account, or to the county pool). */
    @RegisterForReflection
    public record Confirmed(ServiceRecord record, long credited, long toPool) {
    }
}
