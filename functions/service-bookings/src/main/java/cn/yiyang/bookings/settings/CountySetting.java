package cn.yiyang.bookings.settings;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import cn.yiyang.stores.pg.SqlRow;
import jakarta.persistence.Column;
import java.util.Optional;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A county's booking rules; a county that set none gets the defaults. */
@Entity
@Table(schema = "bookings", name = "county_setting")
public class CountySetting extends PanacheEntityBase {

    public static final int DEFAULT_MIN_NOTICE_MINUTES = 120;
    public static final int DEFAULT_LATE_CANCEL_MINUTES = 120;
    public static final int DEFAULT_EMERGENCY_ASSIGN_MINUTES = 30;

    @Id
    public String county;
    @Column(name = "min_notice_minutes")
    public int minNoticeMinutes;
    @Column(name = "late_cancel_minutes")
    public int lateCancelMinutes;
    @Column(name = "emergency_assign_minutes")
    public int emergencyAssignMinutes;

    public static Uni<CountySetting> of(String county) {
        return CountySetting.<CountySetting>findById(county).map(found -> found != null ? found : defaults(county));
    }

    /** The county's row, for a read that rides in a pipeline ({@link #of(String, Optional)}). */
    public static final String SELECT = """
            select county, min_notice_minutes, late_cancel_minutes, emergency_assign_minutes
            from bookings.county_setting where county = ?1""";

    /** The row read by {@link #SELECT} (not managed by the session), or the defaults. */
    public static CountySetting of(String county, Optional<SqlRow> row) {
        return row.map(found -> {
            CountySetting s = new CountySetting();
            s.county = found.text("county");
            s.minNoticeMinutes = (int) found.number("min_notice_minutes");
            s.lateCancelMinutes = (int) found.number("late_cancel_minutes");
            s.emergencyAssignMinutes = (int) found.number("emergency_assign_minutes");
            return s;
        }).orElseGet(() -> defaults(county));
    }

    private static CountySetting defaults(String county) {
        CountySetting s = new CountySetting();
        s.county = county;
        s.minNoticeMinutes = DEFAULT_MIN_NOTICE_MINUTES;
        s.lateCancelMinutes = DEFAULT_LATE_CANCEL_MINUTES;
        s.emergencyAssignMinutes = DEFAULT_EMERGENCY_ASSIGN_MINUTES;
        return s;
    }
}
