package cn.yiyang.funds.caregivers;

import cn.yiyang.kernel.text.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The caregiver-post routes' requests: path, query and body in one record each ({@code id} is the path's). */
public final class CaregiverRequests {

    private CaregiverRequests() {
    }

    /**
     * {@code POST /v1/care-home-caregivers}: a care home's caregiver (养老机构护理员) with their certificate;
     * {@code certificateFrom} and {@code certificateUntil} YYYY-MM-DD, both days valid.
     */
    @RegisterForReflection
    public record NewCaregiver(@Text(maxChars = CaregiverService.NAME_CHARS_MAX) String name, String idNumber, String phone,
                               String certificateLevel, String certificateNumber, String certificateFrom, String certificateUntil) {
    }

    /**
     * {@code POST /v1/care-home-caregivers/{id}/certificates}: a renewed (续证) or upgraded (晋级) certificate;
     * {@code validFrom} and {@code validUntil} YYYY-MM-DD, both days valid.
     */
    @RegisterForReflection
    public record NewCertificate(String id, String level, String number, String validFrom, String validUntil) {
    }

    /**
     * {@code POST /v1/caregiver-certificates/{id}/withdraw}: a certificate recorded in error (撤销), with why; it then pays
     * no day and frees its dates for the right one.
     */
    @RegisterForReflection
    public record CertificateWithdrawal(String id, @Text(maxChars = CertificateService.REASON_CHARS_MAX) String reason) {
    }

    /** {@code GET /v1/care-home-caregivers?afterId=}: a page of the county's caregivers, by id. */
    @RegisterForReflection
    public record CaregiverFilter(String afterId) {
    }

    /** {@code POST /v1/care-home-caregivers/{id}/assignments}: the caregiver on a bed from {@code from} (counted) to {@code until} (not counted, optional). */
    @RegisterForReflection
    public record NewAssignment(String id, String bedId, String from, String until) {
    }

    /** {@code POST /v1/caregiver-assignments/{id}/end}: {@code endsOn} YYYY-MM-DD, the first day no longer counted. */
    @RegisterForReflection
    public record AssignmentEnd(String id, String endsOn) {
    }
}
