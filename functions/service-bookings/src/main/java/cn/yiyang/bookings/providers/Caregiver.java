package cn.yiyang.bookings.providers;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalTime;
import java.util.UUID;

/** A caregiver of a provider, with a certificate or not, and daily working hours. */
@Entity
@Table(schema = "bookings", name = "caregiver")
public class Caregiver extends PanacheEntityBase {

    @Id
    public UUID id;
    public String county;
    @Column(name = "provider_id")
    public UUID providerId;
    public String name;
    public boolean certified;
    @Column(name = "works_from")
    public LocalTime worksFrom;
    @Column(name = "works_until")
    public LocalTime worksUntil;

    public boolean worksDuring(LocalTime from, LocalTime until) {
        return !from.isBefore(worksFrom) && !until.isAfter(worksUntil) && from.isBefore(until);
    }
}
