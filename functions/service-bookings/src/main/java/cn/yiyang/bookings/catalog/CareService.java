package cn.yiyang.bookings.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
    public int subsidyPercentFor(Set<String> categories) {
        return SubsidyShares.percentFor(subsidyPercent, categories);
    }
}
