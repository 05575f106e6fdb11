package cn.yiyang.bookings.booking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.bookings.Outcome;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the booking routes require of their requests, without a door; lengths count characters, not UTF-16 units. */
class BookingInputTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2026-12-03T10:00:00+08:00");
    /** One character outside the Basic Multilingual Plane: two UTF-16 units, one character. */
    private static final String JI = "𠮷";

    @ParameterizedTest(name = "service ''{0}'', address {1}×''{2}'': {3}")
    @CsvSource(delimiter = '|', value = {
            "BATH |   0 | x  | OK",
            "BATH |   1 | 路 | OK",
            "BATH | 100 | 𠮷 | OK",
            "BATH | 101 | 路 | address:BAD_ADDRESS",
            "BATH |   1 | ' '| address:BAD_ADDRESS",
            "''   |   0 | x  | serviceCode:REQUIRED",
            "' '  |   0 | x  | serviceCode:REQUIRED",
    })
    void aBooking_needsAServiceAndAtMostAHundredCharactersOfAddress(String service, int repeat, String unit, String expected) {
        String address = repeat == 0 ? null : unit.repeat(repeat);
        String code = service.isEmpty() ? null : service;

        assertThat(Outcome.of(() -> BookingInput.check(new BookingRequests.Book("r-1", code, START, address, null))))
                .isEqualTo(expected);
    }

    @Test
    void aBooking_needsAStart() {
        assertThat(Outcome.of(() -> BookingInput.check(new BookingRequests.Book("r-1", "BATH", null, null, null))))
                .isEqualTo("startsAt:REQUIRED");
    }

    @ParameterizedTest(name = "rating {0}, comment of {1}: {2}")
    @CsvSource({
            "1, 0, OK",
            "5, 200, OK",
            "0, 0, rating:OUT_OF_RANGE",
            "6, 0, rating:OUT_OF_RANGE",
            "-1, 0, rating:OUT_OF_RANGE",
            "4, 201, comment:TOO_LONG",
    })
    void aRating_isOneToFive_withAtMostTwoHundredCharactersOfComment(int rating, int commentChars, String expected) {
        String comment = commentChars == 0 ? null : JI.repeat(commentChars);

        assertThat(Outcome.of(() -> BookingInput.check(new BookingRequests.Rate("b-1", rating, comment)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "place ''{0}'': {1}")
    @CsvSource(delimiter = '|', value = {
            "30.2741,120.1551        | OK",
            "-33.8688,151.2093       | OK",
            "30.1234567,120.1234567  | OK",
            "30,120                  | place:BAD_PLACE",
            "30.12345678,120.1       | place:BAD_PLACE",
            "30.2741, 120.1551       | place:BAD_PLACE",
            "1234.1,120.1            | place:BAD_PLACE",
            "家里                    | place:BAD_PLACE",
    })
    void aCheckInPlace_isLatitudeCommaLongitudeInDecimalDegrees(String place, String expected) {
        assertThat(Outcome.of(() -> BookingInput.check(new BookingRequests.CheckIn("b-1", place)))).isEqualTo(expected);
        assertThat(Outcome.of(() -> BookingInput.check(new BookingRequests.CheckIn("b-1", null)))).isEqualTo(Outcome.OK);
    }

    @ParameterizedTest(name = "reason of {0}×''{1}'': {2}")
    @CsvSource(delimiter = '|', value = {
            "1   | 无 | OK",
            "200 | 𠮷 | OK",
            "0   | x  | reason:REQUIRED",
            "3   | ' '| reason:REQUIRED",
            "201 | 无 | reason:REQUIRED",
    })
    void aNoShow_needsAReasonOfOneToTwoHundredCharacters(int repeat, String unit, String expected) {
        String reason = repeat == 0 ? null : unit.repeat(repeat);

        assertThat(Outcome.of(() -> BookingInput.check(new BookingRequests.NoShow("b-1", reason)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "caregiver ''{0}'': {1}")
    @CsvSource(delimiter = '|', value = {
            "c-1 | OK",
            "''  | caregiverId:REQUIRED",
    })
    void anAssignment_namesTheCaregiver(String caregiver, String expected) {
        String id = caregiver.isEmpty() ? null : caregiver;

        assertThat(Outcome.of(() -> BookingInput.check(new BookingRequests.Assign("b-1", id)))).isEqualTo(expected);
    }
}
