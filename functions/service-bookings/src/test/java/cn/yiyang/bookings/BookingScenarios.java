package cn.yiyang.bookings;

import static cn.yiyang.bookings.BookingFixtures.COUNTY;
import static cn.yiyang.bookings.BookingFixtures.OTHER_COUNTY;
import static cn.yiyang.bookings.BookingFixtures.book;
import static cn.yiyang.bookings.BookingFixtures.caregiver;
import static cn.yiyang.bookings.BookingFixtures.expect;
import static cn.yiyang.bookings.BookingFixtures.newStreet;
import static cn.yiyang.bookings.BookingFixtures.operator;
import static cn.yiyang.bookings.BookingFixtures.provider;
import static cn.yiyang.bookings.BookingFixtures.resident;
import static cn.yiyang.bookings.BookingFixtures.residentToken;
import static cn.yiyang.bookings.BookingFixtures.step;
import static cn.yiyang.bookings.BookingFixtures.tomorrowAt;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.MutableClock;
import cn.yiyang.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Booking rules and the visit lifecycle, written once and run through every door. */
public abstract class BookingScenarios {

    protected abstract Door door();

    private String street;
    private String provider;
    private String certified;

    @BeforeEach
    void aProviderWithACaregiver() {
        BookingFixtures.catalog(door());
        street = newStreet();
        provider = provider(door(), street, 10);
        certified = caregiver(door(), provider, true);
    }

    @AfterEach
    void realTime() {
        MutableClock.INSTANCE.reset();
    }

    /**
     * Issue 13: a caregiver and a provider booked a service for a resident they do not serve, and the
     * answer gave them the resident's home address. Bookings are made by the resident, their family, an
     * operator or an officer; a provider or caregiver token, even one naming its own organisation, is 403.
     */
    @Test
    void providersAndCaregivers_bookForNoResident_andLearnNoAddress() {
        String resident = resident(street);
        ApiAnswer byProvider = door().send(book(BookingFixtures.provider(provider), resident, "BATH", tomorrowAt(10, 0)));
        ApiAnswer byCaregiver = door().send(book(BookingFixtures.caregiver(certified), resident, "BATH", tomorrowAt(11, 0)));
        ApiAnswer byOfficer = door().send(book(BookingFixtures.officer(), resident, "BATH", tomorrowAt(12, 0)));
        JsonNode list = expect(door().send(ApiRequest.get("/v1/bookings").query("residentId", resident)
                .bearer(operator())), 200).json();

        assertThat(byProvider.status()).isEqualTo(403);
        assertThat(byCaregiver.status()).isEqualTo(403);
        assertThat(byProvider.body()).doesNotContain("文三路");
        assertThat(byOfficer.status()).isEqualTo(201);
        assertThat(byOfficer.json().path("channel").asText()).isEqualTo("ONSITE");
        assertThat(list.path("items")).hasSize(1);
    }

    /** A provider's token acts for the provider its org claim names, never for the one its subject happens to equal. */
    @Test
    void aProvider_actsForTheProviderItsTokenNames_onlyThroughOrg() {
        String other = provider(door(), street, 10);
        String booking = expect(door().send(ApiRequest.post("/v1/bookings", """
                {"residentId":"%s","serviceCode":"BATH","startsAt":"%s","providerId":"%s"}""".formatted(resident(street),
                tomorrowAt(10, 0), provider)).bearer(operator()).idempotencyKey("book-" + java.util.UUID.randomUUID())), 201)
                .json().path("id").asText();
        String subjectOnly = Tokens.of(COUNTY, provider, Role.PROVIDER);
        String otherProvider = BookingFixtures.provider(other);

        ApiAnswer bySubject = door().send(step(booking, "assign", subjectOnly, "{\"caregiverId\":\"" + certified + "\"}"));
        ApiAnswer byOther = door().send(step(booking, "assign", otherProvider, "{\"caregiverId\":\"" + certified + "\"}"));
        ApiAnswer readByOther = door().send(ApiRequest.get("/v1/bookings/" + booking).bearer(otherProvider));
        ApiAnswer byOwn = door().send(step(booking, "assign", BookingFixtures.provider(provider), "{\"caregiverId\":\"" + certified + "\"}"));

        assertThat(bySubject.status()).isEqualTo(404);
        assertThat(byOther.status()).isEqualTo(404);
        assertThat(readByOther.status()).isEqualTo(404);
        assertThat(byOwn.status()).isEqualTo(200);
        assertThat(byOwn.json().path("status").asText()).isEqualTo("ASSIGNED");
    }

    @Test
    void aVisit_goesFromRequestedToRated_throughBothSidesOfTheDoor() {
        String resident = resident(street, "SHINENG");
        ApiAnswer booked = door().send(book(operator(), resident, "BATH", tomorrowAt(10, 0)));
        expect(booked, 201);
        String id = booked.json().path("id").asText();
        assertThat(booked.json().path("channel").asText()).isEqualTo("HOTLINE");
        assertThat(booked.json().path("bookedBy").asText()).isEqualTo("operator-9");
        assertThat(booked.json().path("providerId").asText()).isEqualTo(provider);
        assertThat(booked.json().path("subsidyFen").asLong()).as("失能 80% of ¥80").isEqualTo(6400);
        assertThat(booked.json().path("payFen").asLong()).isEqualTo(1600);

        JsonNode assigned = expect(door().send(step(id, "assign", BookingFixtures.provider(provider),
                "{\"caregiverId\":\"" + certified + "\"}")), 200).json();
        MutableClock.INSTANCE.setTo(tomorrowAt(10, 2).toInstant());
        JsonNode in = expect(door().send(step(id, "check-in", BookingFixtures.caregiver(certified),
                "{\"place\":\"30.2741,120.1551\"}")), 200).json();
        MutableClock.INSTANCE.setTo(tomorrowAt(10, 20).toInstant());
        JsonNode out = expect(door().send(step(id, "check-out", BookingFixtures.caregiver(certified), "{}")), 200).json();
        JsonNode rated = expect(door().send(step(id, "rate", residentToken(resident), "{\"rating\":5,\"comment\":\"很细心\"}")), 200).json();

        assertThat(assigned.path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(in.path("status").asText()).isEqualTo("IN_SERVICE");
        assertThat(in.path("checkInPlace").asText()).isEqualTo("30.2741,120.1551");
        assertThat(out.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(out.path("actualMinutes").asInt()).isEqualTo(18);
        assertThat(out.path("flaggedShort").asBoolean()).as("18 of 60 minutes").isTrue();
        assertThat(rated.path("status").asText()).isEqualTo("RATED");
        String day = tomorrowAt(10, 0).toLocalDate().toString();
        assertThat(door().send(ApiRequest.get("/v1/caregivers/" + certified + "/days/" + day)
                .bearer(BookingFixtures.caregiver(certified))).body()).contains(id);
        assertThat(door().send(ApiRequest.get("/v1/providers/" + provider + "/days/" + day)
                .bearer(BookingFixtures.provider(provider))).body()).contains(id);
        assertThat(door().send(ApiRequest.get("/v1/caregivers/" + certified + "/days/" + day)
                .bearer(BookingFixtures.caregiver(java.util.UUID.randomUUID().toString()))).status()).isEqualTo(404);
        ApiAnswer flagged = door().send(ApiRequest.get("/v1/bookings/flagged").bearer(BookingFixtures.officer()));
        assertThat(flagged.json().path("items").toString()).contains(id);
        MutableClock.INSTANCE.reset();
        ApiAnswer settlements = door().send(ApiRequest.get("/v1/booking-settlements")
                .query("month", tomorrowAt(10, 0).toString().substring(0, 7)).bearer(BookingFixtures.officer()));
        assertThat(settlements.json().path("items").toString())
                .contains("\"settlementKey\":\"booking:" + COUNTY + ":" + provider + ":");
    }

    static Stream<Arguments> illegalTransitions() {
        return Stream.of(
                Arguments.of("REQUESTED", "rate"),
                Arguments.of("REQUESTED", "no-show"), Arguments.of("ASSIGNED", "assign"), Arguments.of("ASSIGNED", "check-out"),
                Arguments.of("ASSIGNED", "rate"), Arguments.of("IN_SERVICE", "assign"), Arguments.of("IN_SERVICE", "check-in"),
                Arguments.of("IN_SERVICE", "cancel"), Arguments.of("IN_SERVICE", "no-show"), Arguments.of("IN_SERVICE", "rate"),
                Arguments.of("COMPLETED", "check-out"), Arguments.of("COMPLETED", "cancel"), Arguments.of("CANCELLED", "assign"),
                Arguments.of("CANCELLED", "cancel"), Arguments.of("NO_SHOW", "check-in"));
    }

    @ParameterizedTest(name = "{1} on a {0} booking")
    @MethodSource("illegalTransitions")
    void anIllegalTransition_isRefusedWith409(String state, String action) {
        String resident = resident(street);
        String id = reach(state, resident);

        ApiAnswer answer = door().send(step(id, action, tokenFor(action, resident), bodyFor(action)));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("BOOKING_ILLEGAL_TRANSITION");
    }

    @Test
    void aServiceBookedWithTooLittleNotice_isRefused_butAnEmergencyIsTaken() {
        String resident = resident(street);
        OffsetDateTime soon = CountyTime.now(java.time.Clock.systemUTC()).plusMinutes(30);

        ApiAnswer cleaning = door().send(book(operator(), resident, "CLEAN", soon));
        ApiAnswer emergency = door().send(book(operator(), resident, "EMERGENCY", soon));

        assertThat(cleaning.code()).isEqualTo("BOOKING_TOO_SOON");
        assertThat(emergency.status()).isEqualTo(201);
        assertThat(emergency.json().path("emergency").asBoolean()).isTrue();
    }

    @Test
    void anUnassignedEmergency_showsAsOverdue_onlyAfterTheCountysAssignmentTime() {
        String resident = resident(street);
        OffsetDateTime soon = CountyTime.now(java.time.Clock.systemUTC()).plusMinutes(20);
        String id = expect(door().send(book(residentToken(resident), resident, "EMERGENCY", soon)), 201).json().path("id").asText();

        String before = door().send(ApiRequest.get("/v1/bookings/overdue").bearer(operator())).body();
        MutableClock.INSTANCE.setTo(java.time.Instant.now().plusSeconds(31 * 60));
        String after = door().send(ApiRequest.get("/v1/bookings/overdue").bearer(operator())).body();

        assertThat(before).doesNotContain(id);
        assertThat(after).contains(id);
    }

    @Test
    void theEmergencyBoard_listsEveryUnassignedEmergency_theOverdueFirst() {
        String resident = resident(street);
        OffsetDateTime soon = CountyTime.now(java.time.Clock.systemUTC()).plusMinutes(20);
        String early = expect(door().send(book(residentToken(resident), resident, "EMERGENCY", soon)), 201).json().path("id").asText();
        MutableClock.INSTANCE.setTo(java.time.Instant.now().plusSeconds(31 * 60));
        String neighbour = resident(street);
        String recent = expect(door().send(book(residentToken(neighbour), neighbour, "EMERGENCY", soon.plusMinutes(31))), 201)
                .json().path("id").asText();

        List<String> overdue = ids(door().send(ApiRequest.get("/v1/bookings/overdue").bearer(operator())));
        List<String> all = ids(door().send(ApiRequest.get("/v1/bookings/overdue").query("all", "true").bearer(operator())));

        assertThat(overdue).contains(early).doesNotContain(recent);
        assertThat(all).contains(early, recent);
        assertThat(all.indexOf(early)).isLessThan(all.indexOf(recent));
    }

    private static List<String> ids(ApiAnswer answer) {
        List<String> ids = new ArrayList<>();
        expect(answer, 200).json().path("items").forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    @Test
    void theHotline_findsABookingByItsConfirmationCode() {
        String resident = resident(street);
        JsonNode booked = expect(door().send(book(operator(), resident, "HAIRCUT", tomorrowAt(9, 0))), 201).json();

        ApiAnswer found = door().send(ApiRequest.get("/v1/bookings")
                .query("confirmationCode", booked.path("confirmationCode").asText().toLowerCase()).bearer(operator()));

        assertThat(found.json().path("items")).extracting(n -> n.path("id").asText()).contains(booked.path("id").asText());
    }

    @Test
    void theDefaultCatalog_isInstalledOnce_eachServiceWithItsDurationPriceAndCertificate() {
        JsonNode again = expect(door().send(ApiRequest.post("/v1/services/defaults", "{}").bearer(BookingFixtures.officer())
                .idempotencyKey("svc-again-" + street)), 201).json();

        assertThat(again.path("installed").asInt()).isZero();
        JsonNode items = expect(door().send(ApiRequest.get("/v1/services").bearer(operator())), 200).json().path("items");
        assertThat(items).extracting(s -> s.path("code").asText() + " " + s.path("name").asText() + " "
                        + s.path("durationMinutes").asInt() + " " + s.path("priceFen").asLong() + " "
                        + s.path("certifiedRequired").asBoolean() + " " + s.path("emergency").asBoolean())
                .containsExactly("BATH 助浴 60 8000 true false", "CLEAN 助洁 120 6000 false false", "EMERGENCY 助急 60 5000 true true",
                        "HAIRCUT 理发 30 2000 false false", "MASSAGE 按摩 45 5000 true false", "MEDICAL 助医 90 9000 true false",
                        "NAILS 剪指甲 20 1500 false false", "WALK 助行 60 3000 false false");
    }

    @Test
    void aCaregiverWithoutCertificate_cannotBeSentForABath_andNobodyOutsideTheirHours() {
        String resident = resident(street);
        String uncertified = caregiver(door(), provider, false);
        String bath = expect(door().send(book(operator(), resident, "BATH", tomorrowAt(10, 0))), 201).json().path("id").asText();
        String evening = expect(door().send(book(operator(), resident, "CLEAN", tomorrowAt(17, 0))), 201).json().path("id").asText();

        ApiAnswer notCertified = door().send(step(bath, "assign", BookingFixtures.provider(provider), "{\"caregiverId\":\"" + uncertified + "\"}"));
        ApiAnswer offDuty = door().send(step(evening, "assign", BookingFixtures.provider(provider), "{\"caregiverId\":\"" + certified + "\"}"));

        assertThat(notCertified.code()).isEqualTo("CAREGIVER_NOT_CERTIFIED");
        assertThat(offDuty.code()).isEqualTo("CAREGIVER_OFF_DUTY");
    }

    @Test
    void anotherCountyAndAnotherResident_seeNothing() {
        String resident = resident(street);
        String id = expect(door().send(book(residentToken(resident), resident, "CLEAN", tomorrowAt(11, 0))), 201).json().path("id").asText();

        ApiAnswer otherResident = door().send(ApiRequest.get("/v1/bookings/" + id).bearer(residentToken(resident(street))));
        ApiAnswer otherCounty = door().send(ApiRequest.get("/v1/bookings/" + id).bearer(Tokens.of(OTHER_COUNTY, "operator-9", Role.OPERATOR)));
        ApiAnswer otherProvider = door().send(ApiRequest.get("/v1/bookings/" + id).bearer(BookingFixtures.provider(java.util.UUID.randomUUID().toString())));
        ApiAnswer bookForSomeoneElse = door().send(book(residentToken(resident), resident(street), "CLEAN", tomorrowAt(12, 0)));
        ApiAnswer cancelFromOtherCounty = door().send(ApiRequest.post("/v1/bookings/" + id + "/cancel", "{}")
                .bearer(Tokens.of(OTHER_COUNTY, resident, Role.RESIDENT)).idempotencyKey("c-" + java.util.UUID.randomUUID()));

        assertThat(otherResident.status()).isEqualTo(404);
        assertThat(otherCounty.status()).isEqualTo(404);
        assertThat(otherProvider.status()).isEqualTo(404);
        assertThat(bookForSomeoneElse.status()).isEqualTo(404);
        assertThat(cancelFromOtherCounty.status()).isEqualTo(404);
        assertThat(door().send(ApiRequest.get("/v1/bookings/" + id).bearer(residentToken(resident))).json()
                .path("status").asText()).isEqualTo("REQUESTED");
    }

    @Test
    void aLateCancellation_isRecordedAsLate_andFreesThePlace() {
        String resident = resident(street);
        OffsetDateTime start = tomorrowAt(10, 0);
        String id = expect(door().send(book(residentToken(resident), resident, "CLEAN", start)), 201).json().path("id").asText();
        MutableClock.INSTANCE.setTo(start.minusMinutes(60).toInstant());

        JsonNode cancelled = expect(door().send(step(id, "cancel", residentToken(resident), "{}")), 200).json();

        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("cancelledLate").asBoolean()).isTrue();
    }

    /** Drives a fresh booking to the given state. */
    private String reach(String state, String resident) {
        String id = expect(door().send(book(operator(), resident, "CLEAN", tomorrowAt(9, 0))), 201).json().path("id").asText();
        if (state.equals("CANCELLED")) {
            expect(door().send(step(id, "cancel", operator(), "{}")), 200);
            return id;
        }
        if (state.equals("REQUESTED")) {
            return id;
        }
        String own = caregiver(door(), provider, true);
        expect(door().send(step(id, "assign", BookingFixtures.provider(provider), "{\"caregiverId\":\"" + own + "\"}")), 200);
        caregivers.put(id, own);
        if (state.equals("NO_SHOW")) {
            expect(door().send(step(id, "no-show", BookingFixtures.caregiver(own), "{\"reason\":\"家中无人\"}")), 200);
            return id;
        }
        if (state.equals("ASSIGNED")) {
            return id;
        }
        expect(door().send(step(id, "check-in", BookingFixtures.caregiver(own), "{}")), 200);
        if (state.equals("COMPLETED")) {
            expect(door().send(step(id, "check-out", BookingFixtures.caregiver(own), "{}")), 200);
        }
        return id;
    }

    private final java.util.Map<String, String> caregivers = new java.util.HashMap<>();

    private String tokenFor(String action, String resident) {
        return switch (action) {
            case "assign" -> BookingFixtures.provider(provider);
            case "check-in", "check-out" -> caregivers.isEmpty() ? BookingFixtures.caregiver(certified)
                    : BookingFixtures.caregiver(caregivers.values().iterator().next());
            case "no-show" -> BookingFixtures.provider(provider);
            case "rate" -> residentToken(resident);
            default -> operator();
        };
    }

    private String bodyFor(String action) {
        return switch (action) {
            case "assign" -> "{\"caregiverId\":\"" + certified + "\"}";
            case "rate" -> "{\"rating\":4}";
            case "no-show" -> "{\"reason\":\"家中无人\"}";
            default -> "{}";
        };
    }
}
