package cn.yiyang.funds.beds;

import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
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
            select o.id, o.bed_id, b.code, o.resident_id, o.care_level, lower(o.during),
                   case when upper_inf(o.during) then null else upper(o.during) end, o.admitted_by, o.discharged_by
            from funds.occupancy o join funds.bed b on b.id = o.bed_id
            """;

    static BedView bed(Object[] r, List<OccupancyView> occupancies) {
        return new BedView(NativeSql.uuid(r[0]), NativeSql.uuid(r[1]), NativeSql.text(r[2]), NativeSql.text(r[3]),
                NativeSql.text(r[4]), NativeSql.text(r[5]), CountyTime.shown(NativeSql.time(r[6])), occupancies);
    }

    static OccupancyView occupancy(Object[] r) {
        return new OccupancyView(NativeSql.uuid(r[0]), NativeSql.uuid(r[1]), NativeSql.text(r[2]), NativeSql.text(r[3]),
                NativeSql.text(r[4]), date(r[5]), date(r[6]), NativeSql.text(r[7]), NativeSql.text(r[8]));
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}
