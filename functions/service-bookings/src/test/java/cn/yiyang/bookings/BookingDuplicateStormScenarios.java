package cn.yiyang.bookings;

import static cn.yiyang.bookings.BookingFixtures.book;
import static cn.yiyang.bookings.BookingFixtures.caregiver;
import static cn.yiyang.bookings.BookingFixtures.expect;
import static cn.yiyang.bookings.BookingFixtures.newStreet;
import static cn.yiyang.bookings.BookingFixtures.officer;
import static cn.yiyang.bookings.BookingFixtures.operator;
import static cn.yiyang.bookings.BookingFixtures.provider;
import static cn.yiyang.bookings.BookingFixtures.resident;
import static cn.yiyang.bookings.BookingFixtures.residentToken;
import static cn.yiyang.bookings.BookingFixtures.step;
import static cn.yiyang.bookings.BookingFixtures.tomorrowAt;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Route;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.DuplicateStorm;
import cn.yiyang.testing.DuplicateStorm.Case;
import cn.yiyang.testing.MutableClock;
import cn.yiyang.testing.RetryingClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Fifty duplicates at once on every idempotent booking route: the first answer for all, one effect. */
public abstract class BookingDuplicateStormScenarios {

    /** The steps of a visit, in order: a storm on one step first drives a fresh booking through the steps before it. */
    private static final List<String> LIFECYCLE = List.of("assign", "check-in", "check-out", "rate");

    protected abstract Door door();

    private Door client() {
        return RetryingClient.around(door());
    }

    @BeforeEach
    void catalog() {
        BookingFixtures.catalog(client());
    }

    private Map<Route, Supplier<Case>> cases() {
        return Map.of(
                BookingRoutes.INSTALL_SERVICES, () -> Case.of(ApiRequest.post("/v1/services/defaults", "{}").bearer(officer()).idempotencyKey(key())),
                BookingRoutes.CREATE_PROVIDER, () -> Case.of(ApiRequest.post("/v1/providers", """
                        {"name":"风暴居家服务","streets":["%s"],"services":["CLEAN"],"windowCapacity":3}""".formatted(newStreet()))
                        .bearer(officer()).idempotencyKey(key())),
                BookingRoutes.ADD_CAREGIVER, () -> {
                    String provider = provider(client(), newStreet(), 3);
                    return Case.of(ApiRequest.post("/v1/providers/" + provider + "/caregivers", """
                            {"name":"风暴护理","certified":true,"worksFrom":"08:00","worksUntil":"18:00"}""")
                            .bearer(BookingFixtures.provider(provider)).idempotencyKey(key()));
                },
                BookingRoutes.BOOK, () -> {
                    String street = newStreet();
                    provider(client(), street, 3);
                    return new Case(book(operator(), resident(street), "CLEAN", tomorrowAt(14, 0)),
                            () -> assertThat(BookingProbe.booked(street)).as("places taken by fifty duplicates").isEqualTo(1));
                },
                BookingRoutes.ASSIGN, () -> lifecycle("assign"),
                BookingRoutes.CHECK_IN, () -> lifecycle("check-in"),
                BookingRoutes.CHECK_OUT, () -> lifecycle("check-out"),
                BookingRoutes.RATE, () -> lifecycle("rate"),
                BookingRoutes.CANCEL, this::cancel,
                BookingRoutes.NO_SHOW, () -> lifecycle("no-show"));
    }

    @Test
    void theStormCases_coverExactlyTheIdempotentRoutesOfTheTable() {
        DuplicateStorm.assertCasesMatch(BookingRoutes.ALL, cases());
    }

    @TestFactory
    Stream<DynamicTest> fiftyDuplicatesAtOnce_onEveryIdempotentRoute_allGetTheFirstAnswer() {
        return DuplicateStorm.overEveryIdempotentRoute(BookingRoutes.ALL, cases(), door(), MutableClock.INSTANCE::reset);
    }

    private Case cancel() {
        String street = newStreet();
        provider(client(), street, 3);
        String resident = resident(street);
        String booking = expect(client().send(book(operator(), resident, "CLEAN", tomorrowAt(14, 0))), 201).json().path("id").asText();
        return new Case(step(booking, "cancel", residentToken(resident), "{}"),
                () -> assertThat(BookingProbe.booked(street)).as("the place freed once").isZero());
    }

    /** A fresh booking driven through every step before {@code action}; the storm is {@code action} itself. */
    private Case lifecycle(String action) {
        String street = newStreet();
        String provider = provider(client(), street, 3);
        String caregiver = caregiver(client(), provider, true);
        String resident = resident(street);
        String booking = expect(client().send(book(operator(), resident, "CLEAN", tomorrowAt(10, 0))), 201).json().path("id").asText();
        List<String> before = action.equals("no-show") ? List.of("assign") : LIFECYCLE.subList(0, LIFECYCLE.indexOf(action));
        for (String done : before) {
            expect(client().send(request(booking, done, provider, caregiver, resident)), 200);
        }
        return Case.of(request(booking, action, provider, caregiver, resident));
    }

    private static ApiRequest request(String booking, String action, String provider, String caregiver, String resident) {
        return switch (action) {
            case "assign" -> step(booking, action, BookingFixtures.provider(provider), "{\"caregiverId\":\"" + caregiver + "\"}");
            case "check-in", "check-out" -> step(booking, action, BookingFixtures.caregiver(caregiver), "{}");
            case "rate" -> step(booking, action, residentToken(resident), "{\"rating\":5,\"comment\":\"准时\"}");
            case "no-show" -> step(booking, action, BookingFixtures.caregiver(caregiver), "{\"reason\":\"家中无人\"}");
            default -> throw new IllegalArgumentException(action);
        };
    }

    private static String key() {
        return "storm-" + UUID.randomUUID();
    }
}
