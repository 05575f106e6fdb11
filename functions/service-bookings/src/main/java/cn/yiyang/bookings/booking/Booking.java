package cn.yiyang.bookings.booking;

import cn.yiyang.bookings.catalog.Channel;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A home-care booking and what happened at the door. */
@Entity
@Table(schema = "bookings", name = "booking")
public class Booking extends PanacheEntityBase {

    @Id
    public UUID id;
    public String county;
    @Column(name = "resident_id")
    public String residentId;
    @Column(name = "service_code")
    public String serviceCode;
    @Column(name = "provider_id")
    public UUID providerId;
    @Column(name = "caregiver_id")
    public UUID caregiverId;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "duration_minutes")
    public int durationMinutes;
    @Column(name = "window_start")
    public OffsetDateTime windowStart;
    public String address;
    @Column(name = "price_fen")
    public long priceFen;
    @Column(name = "subsidy_fen")
    public long subsidyFen;
    @Column(name = "pay_fen")
    public long payFen;
    public boolean emergency;
    @Enumerated(EnumType.STRING)
    public BookingStatus status;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Column(name = "booked_by")
    public String bookedBy;
    @Column(name = "confirmation_code")
    public String confirmationCode;
    /** When a caregiver was assigned (the 助急 response report); empty on bookings assigned before it was kept. */
    @Column(name = "assigned_at")
    public OffsetDateTime assignedAt;
    @Column(name = "checked_in_at")
    public OffsetDateTime checkedInAt;
    @Column(name = "check_in_place")
    public String checkInPlace;
    @Column(name = "checked_out_at")
    public OffsetDateTime checkedOutAt;
    @Column(name = "actual_minutes")
    public Integer actualMinutes;
    @Column(name = "flagged_short")
    public boolean flaggedShort;
    public Integer rating;
    @Column(name = "rating_comment")
    public String ratingComment;
    @Column(name = "cancelled_late")
    public boolean cancelledLate;
    @Column(name = "no_show_reason")
    public String noShowReason;
    /** The time-bank exchange whose points paid for this booking: no service subsidy is settled for it. */
    @Column(name = "paid_by_exchange")
    public String paidByExchange;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public int version;

    public OffsetDateTime endsAt() {
        return startsAt.plusMinutes(durationMinutes);
    }
}
