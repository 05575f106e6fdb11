package cn.yiyang.bookings.providers;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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

    public boolean serves(String street, String serviceCode) {
        return List.of(streets.split(",")).contains(street) && offers(serviceCode);
    }

    public boolean offers(String serviceCode) {
        return List.of(services.split(",")).contains(serviceCode);
    }
}
