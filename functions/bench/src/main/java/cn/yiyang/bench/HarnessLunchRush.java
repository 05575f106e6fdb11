package cn.yiyang.bench;

import cn.yiyang.meals.MealFixtures;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.Door;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The lunchtime rush over HTTP: {@value #CLIENTS} clients place {@value #ORDERS} hotline orders for
 * tomorrow's lunch across {@value #POINTS} meal points of {@value #SEATS} seats each, by
 * {@value #RESIDENTS} residents (a quarter more orders than seats): exactly every seat is sold, no
 * more, and every refusal is MEAL_SOLD_OUT.
 */
final class HarnessLunchRush {

    static final int POINTS = 50;
    static final int SEATS = 160;
    static final int RESIDENTS = 2_500;
    static final int ORDERS = 10_000;
    static final int CLIENTS = 32;
    static final long RUN_SECONDS_MAX = 300;
    private static final String COUNTY = "330105";
    private static final String STREET = COUNTY + "009";

    private HarnessLunchRush() {
    }

    record Timed(ApiAnswer answer, double millis) {
    }

    static void run(Door door, HarnessStores stores, HarnessReport report) {
        List<String> points = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            points.add(MealFixtures.pointWithMenu(door, SEATS, 0));
        }
        List<String> residents;
        try (DynamoDbClient client = RawOrderCalls.client(stores.dynamoEndpoint())) {
            residents = Concurrently.run(8, RUN_SECONDS_MAX, c -> BenchResidents.writeCards(client, COUNTY, STREET,
                    LocalDate.of(1941, 3, 1), RESIDENTS / 8)).stream().flatMap(List::stream).toList();
        }
        ConcurrentLinkedQueue<Timed> answers = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        Concurrently.run(CLIENTS, RUN_SECONDS_MAX, c -> {
            for (int i = c; i < ORDERS; i += CLIENTS) {
                ApiRequest order = MealFixtures.lunch(residents.get(i % residents.size()), points.get(i % POINTS));
                long sent = System.nanoTime();
                ApiAnswer answer = door.send(order);
                answers.add(new Timed(answer, (System.nanoTime() - sent) / 1e6));
            }
            return null;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        List<ApiAnswer> all = answers.stream().map(Timed::answer).toList();
        double[] millis = answers.stream().mapToDouble(Timed::millis).toArray();
        long placed = all.stream().filter(a -> a.status() == 201).count();
        Map<String, Long> outcome = all.stream().collect(Collectors.groupingBy(a -> a.status() == 201 ? "PLACED" : a.code(),
                Collectors.counting()));
        report.figure("lunch rush (HTTP)", ORDERS + " orders, " + POINTS + " points × " + SEATS + " seats, " + CLIENTS + " clients",
                String.format("%.0f orders/s, p50 %.1f ms, p99 %.1f ms; %s", all.size() / seconds, Stats.percentile(millis, 50),
                        Stats.percentile(millis, 99), outcome), "");
        report.latency("HTTP POST /v1/meal-orders under the rush (" + CLIENTS + " clients)", Stats.percentile(millis, 50),
                Stats.percentile(millis, 99));
        report.check("lunch rush (HTTP)", "no 5xx; every refusal MEAL_SOLD_OUT as problem+json", () -> {
            Invariants.noServerErrors("lunch rush", all);
            Invariants.answeredOnly("lunch rush", all, Set.of(201, 409), Set.of("MEAL_SOLD_OUT"));
            Invariants.refusalsAreProblems("lunch rush", all);
        });
        report.check("lunch rush (HTTP)", "every seat sold exactly once: placed = seats, and each kitchen day counts its seats", () -> {
            Invariants.equal("orders placed", (long) POINTS * SEATS, placed);
            List<String> overOrUnder = IntStream.range(0, POINTS).mapToObj(points::get).map(point -> {
                long ordered = door.send(ApiRequest.get("/v1/meal-points/" + point + "/days/" + MealFixtures.tomorrow())
                        .bearer(MealFixtures.canteen(point))).json().path("slots").path("LUNCH").path("ordered").asLong();
                return ordered == SEATS ? null : point + " ordered " + ordered;
            }).filter(java.util.Objects::nonNull).toList();
            Invariants.none("points whose kitchen day is not exactly full", overOrUnder);
        });
    }
}
