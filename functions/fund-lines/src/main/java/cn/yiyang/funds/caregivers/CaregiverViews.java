package cn.yiyang.funds.caregivers;

import cn.yiyang.kernel.identity.Masks;
import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.SqlRow;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Caregivers and their bed assignments as answers show them: the ID number and the phone masked, always. */
public final class CaregiverViews {

    private CaregiverViews() {
    }

    /**
     * The {@code certificate*} fields are the certificate registered with; {@code currentCertificate} is the one
     * valid today (null when none is: expired and not yet renewed, or starting later).
     */
    @RegisterForReflection
    public record CaregiverView(UUID id, String name, String idNumberMasked, String phoneMasked, String certificateLevel,
                                String certificateLevelLabel, String certificateNumber, LocalDate certificateFrom,
                                LocalDate certificateUntil, @Nullable CertificateView currentCertificate, String registeredBy,
                                OffsetDateTime registeredAt) {
    }

    /**
     * A certificate of a caregiver: valid from {@code validFrom} to {@code validUntil}, both days counted, unless withdrawn
     * ({@code withdrawnAt} set: recorded in error, it pays no day).
     */
    @RegisterForReflection
    public record CertificateView(UUID id, UUID caregiverId, String level, String levelLabel, String number, LocalDate validFrom,
                                  LocalDate validUntil, String recordedBy, OffsetDateTime recordedAt, @Nullable String withdrawnBy,
                                  @Nullable OffsetDateTime withdrawnAt, @Nullable String withdrawalReason) {
    }

    @RegisterForReflection
    public record CertificatePage(List<CertificateView> items) {
    }

    @RegisterForReflection
    public record CaregiverPage(List<CaregiverView> items, @Nullable String nextAfterId) {
    }

    /** {@code until} null: still assigned. Days run from {@code from} (counted) to {@code until} (not counted). */
    @RegisterForReflection
    public record AssignmentView(UUID id, UUID caregiverId, String caregiverName, UUID bedId, String bedCode, LocalDate from,
                                 @Nullable LocalDate until, String assignedBy, @Nullable String endedBy) {
    }

    @RegisterForReflection
    public record AssignmentPage(List<AssignmentView> items) {
    }

    /** ?1 is today: the certificate valid on it joins the caregiver (at most one: live certificates never overlap). */
    static final String CAREGIVER_SELECT = """
            select c.id, c.name, c.id_number_masked, c.phone_masked, c.certificate_level, c.certificate_number, c.certificate_from,
                   c.certificate_until, c.registered_by, c.registered_at, k.id as current_id, k.certificate_level as current_level,
                   k.certificate_number as current_number, k.valid_from as current_from, k.valid_until as current_until,
                   k.recorded_by as current_recorded_by, k.recorded_at as current_recorded_at
            from funds.caregiver c
            left join funds.caregiver_certificate k on k.caregiver_id = c.id and cast(?1 as date) between k.valid_from and k.valid_until
                                                    and k.withdrawn_at is null
            """;

    static final String CERTIFICATE_SELECT = """
            select k.id, k.caregiver_id, k.certificate_level, k.certificate_number, k.valid_from, k.valid_until, k.recorded_by,
                   k.recorded_at, k.withdrawn_by, k.withdrawn_at, k.withdrawal_reason
            from funds.caregiver_certificate k
            """;

    static final String ASSIGNMENT_SELECT = """
            select a.id, a.caregiver_id, c.name, a.bed_id, b.code, lower(a.during) as from_day,
                   case when upper_inf(a.during) then null else upper(a.during) end as until_day, a.assigned_by, a.ended_by
            from funds.caregiver_assignment a join funds.caregiver c on c.id = a.caregiver_id join funds.bed b on b.id = a.bed_id
            """;

    static CaregiverView caregiver(SqlRow r) {
        CertificateLevel level = CertificateLevel.valueOf(r.text("certificate_level"));
        // a certificate number is free of personal numbers by its pattern; the mask is the safety net all answers share
        return new CaregiverView(r.uuid("id"), r.text("name"), r.text("id_number_masked"), r.text("phone_masked"), level.name(),
                level.label(), Masks.inText(r.text("certificate_number")), LocalDate.parse(r.text("certificate_from")),
                LocalDate.parse(r.text("certificate_until")), r.isNull("current_id") ? null : current(r), r.text("registered_by"),
                CountyTime.shown(r.time("registered_at")));
    }

    private static CertificateView current(SqlRow r) {
        CertificateLevel level = CertificateLevel.valueOf(r.text("current_level"));
        return new CertificateView(r.uuid("current_id"), r.uuid("id"), level.name(), level.label(),
                Masks.inText(r.text("current_number")), LocalDate.parse(r.text("current_from")),
                LocalDate.parse(r.text("current_until")), r.text("current_recorded_by"),
                CountyTime.shown(r.time("current_recorded_at")), null, null, null);
    }

    static CertificateView certificate(SqlRow r) {
        CertificateLevel level = CertificateLevel.valueOf(r.text("certificate_level"));
        return new CertificateView(r.uuid("id"), r.uuid("caregiver_id"), level.name(), level.label(),
                Masks.inText(r.text("certificate_number")), LocalDate.parse(r.text("valid_from")), LocalDate.parse(r.text("valid_until")),
                r.text("recorded_by"), CountyTime.shown(r.time("recorded_at")), r.text("withdrawn_by"),
                r.isNull("withdrawn_at") ? null : CountyTime.shown(r.time("withdrawn_at")), r.text("withdrawal_reason"));
    }

    static AssignmentView assignment(SqlRow r) {
        return new AssignmentView(r.uuid("id"), r.uuid("caregiver_id"), r.text("name"), r.uuid("bed_id"), r.text("code"),
                LocalDate.parse(r.text("from_day")), r.isNull("until_day") ? null : LocalDate.parse(r.text("until_day")),
                r.text("assigned_by"), r.text("ended_by"));
    }
}
