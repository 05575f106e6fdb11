package cn.yiyang.funds.audit;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The audit routes' requests. */
public final class AuditRequests {

    private AuditRequests() {
    }

    /** {@code GET /v1/audit?afterSeq=}: entries after a sequence number, read as text and parsed by the listing. */
    @RegisterForReflection
    public record EntriesAfter(String afterSeq) {
    }
}
