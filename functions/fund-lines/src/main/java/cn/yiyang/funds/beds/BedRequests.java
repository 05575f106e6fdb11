package cn.yiyang.funds.beds;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.UUID;

/** The bodies of the requests that register beds and admit and discharge residents. */
public final class BedRequests {

    private BedRequests() {
    }

    @RegisterForReflection
    public record NewBed(UUID institutionAccountId, String code, String bedType, String careLevel) {
    }

    /** {@code admittedOn}: YYYY-MM-DD, the first day counted. */
    @RegisterForReflection
    public record Admission(String residentId, String admittedOn) {
    }

    /** {@code dischargedOn}: YYYY-MM-DD, the first day no longer counted. */
    @RegisterForReflection
    public record Discharge(String dischargedOn) {
    }
}
