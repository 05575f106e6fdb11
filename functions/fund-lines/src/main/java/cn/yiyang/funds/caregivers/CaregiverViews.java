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

    @RegisterForReflection
    public record CaregiverView(UUID id, String name, String idNumberMasked, String phoneMasked, String certificateLevel,
                                String certificateLevelLabel, String certificateNumber, LocalDate certificateFrom,
                                LocalDate certificateUntil, String registeredBy, OffsetDateTime registeredAt) {
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

    static final String CAREGIVER_SELECT = """
            select c.id, c.name, c.id_number_masked, c.phone_masked, c.certificate_level, c.certificate_number, c.certificate_from,
                   c.certificate_until, c.registered_by, c.registered_at
            from funds.caregiver c
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
                LocalDate.parse(r.text("certificate_until")), r.text("registered_by"), CountyTime.shown(r.time("registered_at")));
    }

    static AssignmentView assignment(SqlRow r) {
        return new AssignmentView(r.uuid("id"), r.uuid("caregiver_id"), r.text("name"), r.uuid("bed_id"), r.text("code"),
                LocalDate.parse(r.text("from_day")), r.isNull("until_day") ? null : LocalDate.parse(r.text("until_day")),
                r.text("assigned_by"), r.text("ended_by"));
    }
}
