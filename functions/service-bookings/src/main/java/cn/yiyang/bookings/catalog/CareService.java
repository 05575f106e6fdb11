package cn.yiyang.bookings.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import cn.yiyang.stores.pg.SqlRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.UUID;

/**
 * One service of a county's catalog (助浴, 助洁 …): how long, how much, whether it needs a
 * certified caregiver, and what share the service subsidy covers per resident category
 * ({@code subsidyPercent} as {@code TEKUN:100,SHINENG:80}).
 */
@Entity
@Table(schema = "bookings", name = "care_service")
public class CareService extends PanacheEntityBase {

    @Id
    public UUID id;
    public String county;
    public String code;
    public String name;
    @Column(name = "duration_minutes")
    public int durationMinutes;
    @Column(name = "price_fen")
    public long priceFen;
    @Column(name = "subsidy_percent")
    public String subsidyPercent;
    @Column(name = "certified_required")
    public boolean certifiedRequired;
    public boolean emergency;

    /** The largest share any of the resident's categories earns, 0 to 100. */
    /** The columns {@link #of(SqlRow)} reads. */
    public static final String COLUMNS = "id, county, code, name, duration_minutes, price_fen, subsidy_percent, certified_required, emergency";

    /** A row of {@link #COLUMNS}, read by name (not managed by the session: for reading). */
    public static CareService of(SqlRow row) {
        CareService s = new CareService();
        s.id = row.uuid("id");
        s.county = row.text("county");
        s.code = row.text("code");
        s.name = row.text("name");
        s.durationMinutes = (int) row.number("duration_minutes");
        s.priceFen = row.fen("price_fen");
        s.subsidyPercent = row.text("subsidy_percent");
        s.certifiedRequired = row.bool("certified_required");
        s.emergency = row.bool("emergency");
        return s;
    }

    public int subsidyPercentFor(Set<String> categories) {
        return SubsidyShares.percentFor(subsidyPercent, categories);
    }
}
