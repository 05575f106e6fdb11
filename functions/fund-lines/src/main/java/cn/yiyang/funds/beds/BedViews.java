package cn.yiyang.funds.beds;

import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.SqlRow;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Beds and occupancies as answers show them. */
public final class BedViews {

    private BedViews() {
    }

    @RegisterForReflection
    public record BedView(UUID id, UUID institutionAccountId, String code, String bedType, String careLevel,
                          String registeredBy, OffsetDateTime registeredAt, List<OccupancyView> occupancies) {
    }

    /** {@code dischargedOn} null: still in the bed. Days run from admittedOn (counted) to dischargedOn (not counted). */
    @RegisterForReflection
    public record OccupancyView(UUID id, UUID bedId, String bedCode, String residentId, String careLevel, LocalDate admittedOn,
                                @Nullable LocalDate dischargedOn, String admittedBy, @Nullable String dischargedBy) {
    }

    @RegisterForReflection
    public record BedPage(List<BedView> items) {
    }

    static final String BED_SELECT = """
            select b.id, b.institution_account_id, b.code, b.bed_type, b.care_level, b.registered_by, b.registered_at
            from funds.bed b
            """;

    static final String OCCUPANCY_SELECT = """
            select o.id, o.bed_id, b.code as bed_code, o.resident_id, o.care_level, lower(o.during) as admitted_on,
                   case when upper_inf(o.during) then null else upper(o.during) end as discharged_on, o.admitted_by, o.discharged_by
            from funds.occupancy o join funds.bed b on b.id = o.bed_id
            """;

    static BedView bed(SqlRow r, List<OccupancyView> occupancies) {
        return new BedView(r.uuid("id"), r.uuid("institution_account_id"), r.text("code"), r.text("bed_type"), r.text("care_level"),
                r.text("registered_by"), CountyTime.shown(r.time("registered_at")), occupancies);
    }

    static OccupancyView occupancy(SqlRow r) {
        return new OccupancyView(r.uuid("id"), r.uuid("bed_id"), r.text("bed_code"), r.text("resident_id"), r.text("care_level"),
                r.date("admitted_on"), r.date("discharged_on"), r.text("admitted_by"), r.text("discharged_by"));
    }
}
