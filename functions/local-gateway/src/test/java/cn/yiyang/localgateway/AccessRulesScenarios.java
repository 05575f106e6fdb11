package cn.yiyang.localgateway;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.access.AccessTable;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.access.Scope;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.meals.MealFixtures;
import cn.yiyang.residents.ResidentFixtures;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.MutableClock;
import cn.yiyang.testing.TestPeople;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Walks every cell of the rule table ({@link AccessTable}, the README's table) with real tokens
 * against the real stores, through a door: for each object, action and role, a route that does
 * that action to that kind of object. A cell "—" is 403 from the route; "county" succeeds on an
 * object nobody of the walk acts for; "own" and "residents'" succeed on the role's own object
 * (a resident's account, for residents') and answer 404 on another's, as for a missing one. Every
 * refused call leaves what it aimed at as the officer reads it before.
 */
public abstract class AccessRulesScenarios {

    protected abstract Door door();

    /**
     * What one attempt sends (the role's token is added, unless the attempt names its own, e.g. a
     * volunteer who has no account yet), and how to read what it aims at.
     */
    record Attempt(ApiRequest request, Supplier<String> state, String token) {
        Attempt(ApiRequest request, Supplier<String> state) {
            this(request, state, null);
        }

        static Attempt of(ApiRequest request) {
            return new Attempt(request, () -> "");
        }

        ApiRequest sentWith(String roleToken) {
            return request.bearer(token == null ? roleToken : token);
        }
    }

    /**
     * For a role: an attempt on its own object ({@code own}) or on one it does not act for; null for
     * "another's" where the role's own is all there is (a volunteer opens and logs only as themself).
     */
    interface Probe extends BiFunction<Role, Boolean, Attempt> {
    }

    private AccessWorld world;

    @AfterEach
    void clock() {
        MutableClock.INSTANCE.reset();
    }

    @TestFactory
    Stream<DynamicTest> everyCellOfTheRuleTable_answersAsTheTableSays() {
        world = new AccessWorld(door());
        Map<ObjectKind, Map<Action, Probe>> probes = probes();
        List<DynamicTest> cells = new ArrayList<>();
        for (ObjectKind kind : ObjectKind.values()) {
            for (Action action : Action.values()) {
                Probe probe = probes.getOrDefault(kind, Map.of()).get(action);
                if (probe == null) {
                    continue;
                }
                for (Role role : Role.values()) {
                    Scope scope = AccessTable.scope(kind, role, action);
                    cells.add(DynamicTest.dynamicTest(kind + " " + action + " " + role + " → " + scope, () -> walk(kind, probe, role, scope)));
                }
            }
        }
        for (Further further : furtherProbes()) {
            for (Role role : Role.values()) {
                Scope scope = AccessTable.scope(further.kind(), role, further.action());
                cells.add(DynamicTest.dynamicTest(further.kind() + " " + further.action() + " (" + further.what() + ") " + role + " → "
                        + scope, () -> walk(further.kind(), further.probe(), role, scope)));
            }
        }
        return cells.stream();
    }

    /** A route that does an object's action beside the one {@link #probes()} walks for it: its cells are walked too. */
    record Further(ObjectKind kind, Action action, String what, Probe probe) {
    }

    private String careHomeCaregiver;

    /** One caregiver of the walk's county, registered by its officer, whose certificates are read and recorded. */
    private String careHomeCaregiver() {
        if (careHomeCaregiver == null) {
            LocalDate today = LocalDate.now(CountyTime.ZONE);
            ApiAnswer registered = door().send(ApiRequest.post("/v1/care-home-caregivers", """
                    {"name":"巡查护理","idNumber":"%s","phone":"%s","certificateLevel":"JUNIOR","certificateNumber":"HL-WALK-1",
                     "certificateFrom":"%s","certificateUntil":"%s"}""".formatted(TestPeople.idNumber(), TestPeople.phone(),
                    today.minusYears(1), today.plusYears(1))).bearer(world.officer()).idempotencyKey(AccessWorld.key()));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            careHomeCaregiver = registered.json().path("id").asText();
        }
        return careHomeCaregiver;
    }

    private List<Further> furtherProbes() {
        return List.of(
                new Further(ObjectKind.CARE_HOME_CAREGIVER, Action.READ, "certificates", (role, own) -> Attempt.of(
                        ApiRequest.get("/v1/care-home-caregivers/" + careHomeCaregiver() + "/certificates"))),
                new Further(ObjectKind.CARE_HOME_CAREGIVER, Action.CREATE, "a certificate", (role, own) -> {
                    String caregiver = careHomeCaregiver();
                    LocalDate from = LocalDate.now(CountyTime.ZONE).plusYears(1).plusDays(1);
                    return new Attempt(ApiRequest.post("/v1/care-home-caregivers/" + caregiver + "/certificates",
                            "{\"level\":\"SENIOR\",\"number\":\"HL-WALK-2\",\"validFrom\":\"%s\",\"validUntil\":\"%s\"}"
                                    .formatted(from, from.plusYears(5))).idempotencyKey(AccessWorld.key()),
                            () -> world.read("/v1/care-home-caregivers/" + caregiver + "/certificates", Map.of()));
                }),
                new Further(ObjectKind.CARE_HOME_CAREGIVER, Action.ACT, "a certificate's withdrawal", (role, own) -> Attempt.of(
                        ApiRequest.post("/v1/caregiver-certificates/" + UUID.randomUUID() + "/withdraw", "{\"reason\":\"巡查\"}")
                                .idempotencyKey(AccessWorld.key()))));
    }

    @TestFactory
    Stream<DynamicTest> everyObjectAndActionSomeRoleReaches_hasAProbe() {
        Map<ObjectKind, Map<Action, Probe>> probes = probes();
        List<DynamicTest> missing = new ArrayList<>();
        for (ObjectKind kind : ObjectKind.values()) {
            for (Action action : Action.values()) {
                boolean reached = Stream.of(Role.values()).anyMatch(role -> AccessTable.scope(kind, role, action) != Scope.NONE);
                missing.add(DynamicTest.dynamicTest(kind + " " + action, () -> assertThat(
                        !reached || probes.getOrDefault(kind, Map.of()).containsKey(action)).as("a probe").isTrue()));
            }
        }
        return missing.stream();
    }

    private void walk(ObjectKind kind, Probe probe, Role role, Scope scope) {
        String token = world.token(role);
        switch (scope) {
            case NONE -> refused(probe.apply(role, false), token, 403);
            case COUNTY -> admitted(kind, probe.apply(role, false), token);
            case OWN, RESIDENTS -> {
                admitted(kind, probe.apply(role, true), token);
                Attempt another = probe.apply(role, false);
                if (another != null) {
                    refused(another, token, 404);
                }
            }
        }
    }

    private void admitted(ObjectKind kind, Attempt attempt, String token) {
        ApiAnswer answer = door().send(attempt.sentWith(token));
        MutableClock.INSTANCE.reset();
        if (LEDGER.contains(kind) && !attempt.request().method().equals("GET")) {
            // The ledger's effects need budgets and approvals of their own: the fund scenarios prove them.
            assertThat(answer.status()).as("admitted: " + answer).isNotIn(401, 403);
            return;
        }
        assertThat(answer.status()).as(answer.toString()).isBetween(200, 201);
    }

    private void refused(Attempt attempt, String token, int status) {
        String before = attempt.state().get();
        ApiAnswer answer = door().send(attempt.sentWith(token));
        MutableClock.INSTANCE.reset();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).isTrue();
        assertThat(attempt.state().get()).as("what the refused call aimed at").isEqualTo(before);
    }

    private static final List<ObjectKind> LEDGER = List.of(ObjectKind.TRANSFER, ObjectKind.BATCH, ObjectKind.BED,
            ObjectKind.CARE_HOME_CAREGIVER);

    private Map<ObjectKind, Map<Action, Probe>> probes() {
        Map<ObjectKind, Map<Action, Probe>> all = new EnumMap<>(ObjectKind.class);
        all.put(ObjectKind.RESIDENT, residents());
        all.put(ObjectKind.MEAL_ORDER, mealOrders());
        all.put(ObjectKind.MEAL_POINT, mealPoints());
        all.put(ObjectKind.KITCHEN_DAY, Map.of(Action.READ, (role, own) -> Attempt.of(
                ApiRequest.get("/v1/meal-points/" + (own ? world.p1 : world.p2) + "/days/" + MealFixtures.tomorrow()))));
        all.put(ObjectKind.BOOKING, bookings());
        all.put(ObjectKind.VISIT, visits());
        all.put(ObjectKind.CAREGIVER, Map.of(Action.CREATE, (role, own) -> Attempt.of(ApiRequest.post(
                "/v1/providers/" + (own ? world.provider1 : world.provider2) + "/caregivers",
                "{\"name\":\"王护理\",\"certified\":false,\"worksFrom\":\"08:00\",\"worksUntil\":\"18:00\"}").idempotencyKey(AccessWorld.key())),
                Action.READ, (role, own) -> Attempt.of(ApiRequest.get(
                        "/v1/providers/" + (own ? world.provider1 : world.provider2) + "/caregivers"))));
        all.put(ObjectKind.SERVICE_RECORD, serviceRecords());
        all.put(ObjectKind.ACCOUNT, accounts());
        all.put(ObjectKind.EXCHANGE, exchanges());
        all.put(ObjectKind.TRANSFER, Map.of(
                Action.READ, (role, own) -> Attempt.of(ApiRequest.get("/v1/transfers")),
                Action.CREATE, (role, own) -> Attempt.of(ApiRequest.post("/v1/transfers", "{}").idempotencyKey(AccessWorld.key())),
                // Officers void and reverse, approvers approve and reject.
                Action.ACT, (role, own) -> Attempt.of(ApiRequest.post("/v1/transfers/" + UUID.randomUUID()
                        + (role == Role.OFFICER ? "/void" : "/approve"), "{}").idempotencyKey(AccessWorld.key()))));
        all.put(ObjectKind.BATCH, Map.of(
                Action.READ, (role, own) -> Attempt.of(ApiRequest.get("/v1/batches").query("month", YearMonth.now(CountyTime.ZONE).toString())),
                Action.CREATE, (role, own) -> Attempt.of(ApiRequest.post("/v1/batches", "{}").idempotencyKey(AccessWorld.key())),
                // Officers cancel a draft, approvers approve it.
                Action.ACT, (role, own) -> Attempt.of(ApiRequest.post("/v1/batches/" + UUID.randomUUID()
                        + (role == Role.OFFICER ? "/cancel" : "/approve"), role == Role.OFFICER ? "{\"reason\":\"巡查\"}" : "{}")
                        .idempotencyKey(AccessWorld.key()))));
        all.put(ObjectKind.BED, Map.of(
                Action.READ, (role, own) -> Attempt.of(ApiRequest.get("/v1/beds")),
                Action.CREATE, (role, own) -> Attempt.of(ApiRequest.post("/v1/beds", "{}").idempotencyKey(AccessWorld.key())),
                Action.ACT, (role, own) -> Attempt.of(ApiRequest.post("/v1/occupancies/" + UUID.randomUUID() + "/discharge",
                        "{\"dischargedOn\":\"" + LocalDate.now(CountyTime.ZONE) + "\"}").idempotencyKey(AccessWorld.key()))));
        all.put(ObjectKind.CARE_HOME_CAREGIVER, Map.of(
                Action.READ, (role, own) -> Attempt.of(ApiRequest.get("/v1/care-home-caregivers")),
                Action.CREATE, (role, own) -> Attempt.of(ApiRequest.post("/v1/care-home-caregivers", "{}")
                        .idempotencyKey(AccessWorld.key())),
                Action.ACT, (role, own) -> Attempt.of(ApiRequest.post("/v1/caregiver-assignments/" + UUID.randomUUID() + "/end",
                        "{\"endsOn\":\"" + LocalDate.now(CountyTime.ZONE) + "\"}").idempotencyKey(AccessWorld.key()))));
        all.put(ObjectKind.REPORT, Map.of(Action.READ, (role, own) -> Attempt.of(ApiRequest.get("/v1/fund-reports/lines")
                .query("fiscalYear", String.valueOf(LocalDate.now(CountyTime.ZONE).getYear())))));
        all.put(ObjectKind.USAGE, Map.of(Action.READ, (role, own) -> Attempt.of(ApiRequest.get("/v1/usage")
                .query("month", YearMonth.now(CountyTime.ZONE).toString()))));
        return all;
    }

    private Map<Action, Probe> residents() {
        return Map.of(
                Action.READ, (role, own) -> Attempt.of(ApiRequest.get("/v1/residents/" + (own ? world.r1 : world.r2))),
                Action.CREATE, (role, own) -> Attempt.of(ResidentFixtures.register("-", ResidentFixtures.registration(
                        TestPeople.idNumber(), TestPeople.phone()))),
                Action.ACT, (role, own) -> new Attempt(ApiRequest.of("PATCH", "/v1/residents/" + world.r2, "{\"abilityLevel\":2}"),
                        () -> world.read("/v1/residents/" + world.r2, Map.of())));
    }

    private Map<Action, Probe> mealOrders() {
        String month = YearMonth.from(MealFixtures.tomorrow()).toString();
        return Map.of(
                Action.READ, (role, own) -> Attempt.of(ApiRequest.get("/v1/meal-orders/"
                        + (own ? world.order(world.r1, world.p1) : world.order(world.r2, world.p2)))),
                Action.CREATE, (role, own) -> new Attempt(MealFixtures.order("-", own ? world.r1 : world.r2, own ? world.p1 : world.p2,
                        MealFixtures.tomorrow(), "DINE_IN", "[{\"dishCode\":\"B2\",\"quantity\":1}]"),
                        () -> world.read("/v1/meal-orders", Map.of("residentId", own ? world.r1 : world.r2, "month", month))),
                Action.ACT, (role, own) -> {
                    String order = own ? world.order(world.r1, world.p1) : world.order(world.r2, world.p2);
                    if (role == Role.CANTEEN) {
                        MutableClock.INSTANCE.setTo(MealFixtures.tomorrow().atTime(11, 30).atZone(CountyTime.ZONE).toInstant());
                    }
                    String step = role == Role.CANTEEN ? "serve" : "cancel";
                    return new Attempt(ApiRequest.post("/v1/meal-orders/" + order + "/" + step, "{}").idempotencyKey(AccessWorld.key()),
                            () -> world.read("/v1/meal-orders/" + order, Map.of()));
                });
    }

    private Map<Action, Probe> mealPoints() {
        String date = MealFixtures.tomorrow().toString();
        return Map.of(
                Action.READ, (role, own) -> Attempt.of(ApiRequest.get("/v1/meal-points/" + (own ? world.p1 : world.p2))),
                Action.CREATE, (role, own) -> Attempt.of(ApiRequest.post("/v1/meal-points", """
                        {"name":"巡查助餐点","address":"文三路 9 号","streetCode":"330105001","operatorName":"颐乐餐饮",
                         "openDays":%s,"slots":{"LUNCH":{"cutoff":"09:30","endsAt":"13:00","dineInSeats":5,"deliverySeats":0}}}"""
                        .formatted(MealFixtures.ALL_WEEK)).idempotencyKey(AccessWorld.key())),
                Action.ACT, (role, own) -> {
                    String point = own ? world.p1 : world.p2;
                    return new Attempt(ApiRequest.of("PUT", "/v1/meal-points/" + point + "/menus/" + date,
                            "{\"dishes\":[{\"code\":\"A1\",\"name\":\"红烧鱼套餐\",\"priceFen\":1200},{\"code\":\"B2\",\"name\":\"素菜套餐\",\"priceFen\":800}]}"),
                            () -> world.read("/v1/meal-points/" + point + "/menus/" + date, Map.of()));
                });
    }

    private Map<Action, Probe> bookings() {
        return Map.of(
                Action.READ, (role, own) -> Attempt.of(ApiRequest.get("/v1/bookings/" + (own
                        ? world.booking(world.r1, world.provider1, world.caregiver1)
                        : world.booking(world.r2, world.provider2, world.caregiver2)))),
                Action.CREATE, (role, own) -> new Attempt(ApiRequest.post("/v1/bookings", """
                        {"residentId":"%s","serviceCode":"CLEAN","startsAt":"%s","providerId":"%s"}""".formatted(
                        own ? world.r1 : world.r2, cn.yiyang.bookings.BookingFixtures.tomorrowAt(9, 0),
                        own ? world.provider1 : world.provider2)).idempotencyKey(AccessWorld.key()),
                        () -> world.read("/v1/bookings", Map.of("residentId", own ? world.r1 : world.r2))),
                Action.ACT, (role, own) -> {
                    String booking = own ? world.booking(world.r1, world.provider1, null) : world.booking(world.r2, world.provider2, null);
                    ApiRequest step = role == Role.PROVIDER
                            ? ApiRequest.post("/v1/bookings/" + booking + "/assign",
                            "{\"caregiverId\":\"" + (own ? world.caregiver1 : world.caregiver2) + "\"}")
                            : ApiRequest.post("/v1/bookings/" + booking + "/cancel", "{}");
                    return new Attempt(step.idempotencyKey(AccessWorld.key()), () -> world.read("/v1/bookings/" + booking, Map.of()));
                });
    }

    private Map<Action, Probe> visits() {
        return Map.of(
                Action.READ, (role, own) -> Attempt.of(ApiRequest.get("/v1/caregivers/" + (own ? world.caregiver1 : world.caregiver2)
                        + "/days/" + MealFixtures.tomorrow())),
                Action.ACT, (role, own) -> {
                    String booking = own ? world.booking(world.r1, world.provider1, world.caregiver1)
                            : world.booking(world.r2, world.provider2, world.caregiver2);
                    ApiRequest step = role == Role.PROVIDER
                            ? ApiRequest.post("/v1/bookings/" + booking + "/no-show", "{\"reason\":\"无人应门\"}")
                            : ApiRequest.post("/v1/bookings/" + booking + "/check-in", "{}");
                    return new Attempt(step.idempotencyKey(AccessWorld.key()), () -> world.read("/v1/bookings/" + booking, Map.of()));
                });
    }

    private Map<Action, Probe> serviceRecords() {
        return Map.of(
                Action.READ, (role, own) -> Attempt.of(ApiRequest.get("/v1/time-bank/service-records/"
                        + (own ? world.record(world.v1, world.r1) : world.record(world.v2, world.r2)))),
                // A volunteer logs only as themself: the token's subject is the volunteer, so there is no other's to try.
                Action.CREATE, (role, own) -> {
                    if (!own && role == Role.VOLUNTEER) {
                        return null;
                    }
                    var start = cn.yiyang.timebank.TimeBankFixtures.at(90 + SELF_LOGS.getAndIncrement(), 9, 0);
                    return Attempt.of(ApiRequest.post("/v1/time-bank/service-records", """
                            {"residentId":"%s","serviceType":"COMPANY","start":"%s","end":"%s"}""".formatted(world.r2, start,
                            start.plusHours(1))).idempotencyKey(AccessWorld.key()));
                },
                Action.ACT, (role, own) -> {
                    String record = own ? world.record(world.v2, world.r1) : world.record(world.v1, world.r2);
                    return new Attempt(ApiRequest.post("/v1/time-bank/service-records/" + record + "/confirm", "{}")
                            .idempotencyKey(AccessWorld.key()), () -> world.read("/v1/time-bank/service-records/" + record, Map.of()));
                });
    }

    private static final java.util.concurrent.atomic.AtomicInteger SELF_LOGS = new java.util.concurrent.atomic.AtomicInteger();

    private Map<Action, Probe> accounts() {
        return Map.of(
                // Own: the volunteer's, the resident's (family's linked resident's); residents': r1's; other: v2's.
                Action.READ, (role, own) -> Attempt.of(ApiRequest.get("/v1/time-bank/accounts/"
                        + (own ? (role == Role.VOLUNTEER ? world.v1 : world.r1) : world.v2))),
                // Opening one's account: a volunteer who has none yet, as the subject of their own token.
                Action.CREATE, (role, own) -> !own && role == Role.VOLUNTEER ? null : new Attempt(ApiRequest.post("/v1/time-bank/volunteers",
                        "{\"name\":\"小王\"}").idempotencyKey(AccessWorld.key()), () -> "",
                        role == Role.VOLUNTEER ? verifiedVolunteer() : null));
    }

    /** A token for a volunteer the identity function registered (their card published), with no account yet. */
    private static String verifiedVolunteer() {
        String subject = "vol-" + UUID.randomUUID();
        cn.yiyang.testing.TestVolunteers.publish(AccessWorld.COUNTY, subject, java.time.LocalDate.of(1985, 1, 1));
        return cn.yiyang.testing.Tokens.of(AccessWorld.COUNTY, subject, Role.VOLUNTEER);
    }

    private Map<Action, Probe> exchanges() {
        return Map.of(
                Action.READ, (role, own) -> Attempt.of(ApiRequest.get("/v1/time-bank/exchanges/" + (!own
                        ? world.exchange(world.v2, world.goods)
                        : switch (role) {
                            case VOLUNTEER -> world.exchange(world.v1, world.goods);
                            case PROVIDER -> world.exchange(world.r1, world.service);
                            default -> world.exchange(world.r1, world.goods);
                        }))),
                Action.CREATE, (role, own) -> {
                    String account = !own ? (role == Role.RESIDENT || role == Role.OPERATOR ? world.v1 : world.v2)
                            : role == Role.VOLUNTEER ? world.v1 : world.r1;
                    return new Attempt(ApiRequest.post("/v1/time-bank/exchanges",
                            "{\"itemId\":\"" + world.goods + "\",\"accountId\":\"" + account + "\"}").idempotencyKey(AccessWorld.key()),
                            () -> world.read("/v1/time-bank/accounts/" + account, Map.of("limit", "1")));
                },
                Action.ACT, (role, own) -> role == Role.PROVIDER ? redeemWithBooking(own) : cancel(role, own));
    }

    /** A provider pays a voucher of r1 with a BATH booking of r1: its own provider's, or the other provider's. */
    private Attempt redeemWithBooking(boolean own) {
        String voucher = world.exchange(world.r1, world.service);
        String booking = world.booking(world.r1, own ? world.provider1 : world.provider2, null);
        return new Attempt(ApiRequest.post("/v1/time-bank/exchanges/" + voucher + "/redeem", "{\"bookingId\":\"" + booking + "\"}")
                .idempotencyKey(AccessWorld.key()), () -> world.read("/v1/time-bank/exchanges/" + voucher, Map.of()));
    }

    private Attempt cancel(Role role, boolean own) {
        String exchange = !own ? world.exchange(world.v2, world.goods)
                : world.exchange(role == Role.VOLUNTEER ? world.v1 : world.r1, world.goods);
        return new Attempt(ApiRequest.post("/v1/time-bank/exchanges/" + exchange + "/cancel", "{}").idempotencyKey(AccessWorld.key()),
                () -> world.read("/v1/time-bank/exchanges/" + exchange, Map.of()));
    }
}
