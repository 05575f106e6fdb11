package cn.yiyang.timebank.records;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;

/** The service-record routes' requests; the routes naming one record by its path id take {@code ById}. */
public final class RecordRequests {

    private RecordRequests() {
    }

    /** {@code POST /v1/time-bank/service-records}: a service the calling volunteer gave a resident. */
    @RegisterForReflection
    public record Log(String residentId, String serviceType, OffsetDateTime start, OffsetDateTime end) {
    }
}
