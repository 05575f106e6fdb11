package cn.yiyang.bookings.providers;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import cn.yiyang.stores.pg.SqlRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A care provider: the streets it serves, the services it offers, bookings it takes per hourly window. */
@Entity
@Table(schema = "bookings", name = "provider")
public class Provider extends PanacheEntityBase {

    @Id
    public UUID id;
    public String county;
    public String name;
    /** Street codes, comma-separated. */
    public String streets;
    /** Service codes, comma-separated. */
    public String services;
    @Column(name = "window_capacity")
    public int windowCapacity;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** The columns {@link #of(SqlRow)} reads. */
    public static final String COLUMNS = "id, county, name, streets, services, window_capacity, created_at";

    /** A row of {@link #COLUMNS}, read by name (not managed by the session: for reading). */
    public static Provider of(SqlRow row) {
        Provider p = new Provider();
        p.id = row.uuid("id");
        p.county = row.text("county");
        p.name = row.text("name");
        p.streets = row.text("streets");
        p.services = row.text("services");
        p.windowCapacity = (int) row.number("window_capacity");
        p.createdAt = row.time("created_at");
        return p;
    }

    public boolean serves(String street, String serviceCode) {
        return List.of(streets.split(",")).contains(street) && offers(serviceCode);
    }

    public boolean offers(String serviceCode) {
        return List.of(services.split(",")).contains(serviceCode);
    }
}
