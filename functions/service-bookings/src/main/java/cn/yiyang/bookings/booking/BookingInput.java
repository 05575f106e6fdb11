package cn.yiyang.bookings.booking;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.text.FreeText;
import java.util.regex.Pattern;

/**
 * What the booking routes require of their requests beyond their types, checked before anything is
 * read: each bad field a 400 naming it. Lengths count characters as people do (code points).
 */
public final class BookingInput {

    public static final int ADDRESS_CHARS_MAX = 100;
    public static final int COMMENT_CHARS_MAX = 200;
    public static final int RATING_MIN = 1;
    public static final int RATING_MAX = 5;
    private static final Pattern PLACE = Pattern.compile("-?[0-9]{1,3}\\.[0-9]{1,7},-?[0-9]{1,3}\\.[0-9]{1,7}");

    private BookingInput() {
    }

    public static void check(BookingRequests.Book r) {
        if (r.serviceCode() == null || r.serviceCode().isBlank()) {
            throw ApiException.invalid("serviceCode", "REQUIRED", "A service code from the catalog");
        }
        if (r.startsAt() == null) {
            throw ApiException.invalid("startsAt", "REQUIRED", "When the visit starts, with offset");
        }
        if (r.address() != null && (r.address().isBlank() || FreeText.length(r.address()) > ADDRESS_CHARS_MAX)) {
            throw ApiException.invalid("address", "BAD_ADDRESS", "1 to " + ADDRESS_CHARS_MAX + " characters");
        }
    }

    public static void check(BookingRequests.Assign r) {
        if (r.caregiverId() == null) {
            throw ApiException.invalid("caregiverId", "REQUIRED", "The caregiver to send");
        }
    }

    public static void check(BookingRequests.CheckIn r) {
        if (r.place() != null && !PLACE.matcher(r.place()).matches()) {
            throw ApiException.invalid("place", "BAD_PLACE", "Latitude,longitude in decimal degrees");
        }
    }

    public static void check(BookingRequests.Rate r) {
        if (r.rating() < RATING_MIN || r.rating() > RATING_MAX) {
            throw ApiException.invalid("rating", "OUT_OF_RANGE", RATING_MIN + " to " + RATING_MAX);
        }
        if (r.comment() != null && FreeText.length(r.comment()) > COMMENT_CHARS_MAX) {
            throw ApiException.invalid("comment", "TOO_LONG", "At most " + COMMENT_CHARS_MAX + " characters");
        }
    }

    public static void check(BookingRequests.NoShow r) {
        if (r.reason() == null || r.reason().isBlank() || FreeText.length(r.reason()) > COMMENT_CHARS_MAX) {
            throw ApiException.invalid("reason", "REQUIRED", "Why, in 1 to " + COMMENT_CHARS_MAX + " characters");
        }
    }
}
