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

    /**
     * {@code GET /v1/audit/verify?full=&fromSeq=&maxEntries=}: {@code full=true} walks from the first entry
     * (auditors); {@code fromSeq} carries on after the entry a previous call's {@code resumeAfterSeq} named;
     * {@code maxEntries} walks fewer than {@link AuditVerifier#ENTRIES_PER_CALL_MAX}.
     */
    @RegisterForReflection
    public record Verify(Boolean full, Long fromSeq, Integer maxEntries) {
    }
}
