package cn.yiyang.cards.bookings;

/**
 * What the time bank needs of a booking to let a SERVICE voucher pay for it: whose it is, which
 * service, which provider; whether a voucher may still pay it ({@code redeemable}: only until the
 * visit starts or the booking closes, and never again after); whether its cancellation has
 * committed; and the exchange that paid it, if one did. Nothing personal beyond the resident's id.
 */
public record BookingCard(String county, String bookingId, String residentId, String serviceCode, String providerId,
                          boolean redeemable, boolean cancelled, String paidByExchange) {

    /** Whether the card was published at all (a closing step may have reached it first). */
    public boolean isPublished() {
        return residentId != null && serviceCode != null && providerId != null;
    }
}
