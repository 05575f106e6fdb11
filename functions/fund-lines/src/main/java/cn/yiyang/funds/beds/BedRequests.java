package cn.yiyang.funds.beds;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** The bed routes' requests: path, query and body in one record each ({@code id} is the path's). */
public final class BedRequests {

    private BedRequests() {
    }

    /** {@code POST /v1/beds}. */
    @RegisterForReflection
    public record NewBed(UUID institutionAccountId, String code, String bedType, String careLevel) {
    }

    /**
     * {@code GET /v1/beds?institutionAccountId=}: the account id is read as text, so one that is not
     * a UUID answers 404 as an unknown account does.
     */
    @RegisterForReflection
    public record BedFilter(String institutionAccountId) {
    }

    /** {@code POST /v1/beds/{id}/admissions}: {@code admittedOn} YYYY-MM-DD, the first day counted. */
    @RegisterForReflection
    public record Admission(String id, String residentId, String admittedOn) {
    }

    /** {@code POST /v1/occupancies/{id}/discharge}: {@code dischargedOn} YYYY-MM-DD, the first day no longer counted. */
    @RegisterForReflection
    public record Discharge(String id, String dischargedOn) {
    }
}
