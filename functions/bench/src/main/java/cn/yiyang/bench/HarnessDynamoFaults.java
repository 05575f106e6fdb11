package cn.yiyang.bench;

import cn.yiyang.meals.MealFixtures;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.Door;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Meal orders while the local gateway's DynamoDB calls are slowed by {@value #LATENCY_MS} ms and
 * {@value #FAILURE_PERCENT}% of them fail (half before the request is sent, half after the store
 * did the work and the answer was lost). Clients retry a 503 under the same key, as the mini-program
 * does: no 500 is ever answered, and in the end exactly every seat is sold once.
 */
final class HarnessDynamoFaults {

    static final int SEATS = 300;
    static final int ORDERS = 400;
    static final int CLIENTS = 16;
    static final long LATENCY_MS = 20;
    static final int FAILURE_PERCENT = 10;
    static final int ATTEMPTS_MAX = 10;
    private static final String COUNTY = "330105";

    private HarnessDynamoFaults() {
    }

    static void run(Door door, String faultsUrl, HarnessStores stores, HarnessReport report) throws Exception {
        String point = MealFixtures.pointWithMenu(door, SEATS, 0);
        List<String> residents;
        try (DynamoDbClient client = RawOrderCalls.client(stores.dynamoEndpoint())) {
            residents = BenchResidents.writeCards(client, COUNTY, COUNTY + "007", LocalDate.of(1943, 7, 1), ORDERS);
        }
        List<ApiRequest> orders = residents.stream().map(r -> MealFixtures.lunch(r, point)).toList();
        ConcurrentLinkedQueue<ApiAnswer> all = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        Map<Integer, ApiAnswer> finalAnswers = new ConcurrentHashMap<>();
        setFaults(faultsUrl, LATENCY_MS, FAILURE_PERCENT);
        try {
            Concurrently.run(CLIENTS, 300, c -> {
                for (int i = c; i < ORDERS; i += CLIENTS) {
                    ApiAnswer answer = null;
                    for (int attempt = 0; attempt < ATTEMPTS_MAX && (answer == null || answer.status() == 503); attempt++) {
                        long start = System.nanoTime();
                        answer = door.send(orders.get(i));
                        millis.add((System.nanoTime() - start) / 1e6);
                        all.add(answer);
                    }
                    finalAnswers.put(i, answer);
                }
                return null;
            });
        } finally {
            setFaults(faultsUrl, 0, 0);
        }
        // faults off: every order once more under its key, which must replay a success byte for byte
        List<String> replays = new ArrayList<>();
        List<ApiAnswer> settled = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            ApiAnswer again = door.send(orders.get(i));
            settled.add(again);
            ApiAnswer before = finalAnswers.get(i);
            if (before.status() == 201 && !again.body().equals(before.body())) {
                replays.add("order " + i + ": " + before.status() + " then " + again);
            }
        }
        long placed = settled.stream().filter(a -> a.status() == 201).map(a -> a.json().path("id").asText()).distinct().count();
        long ordered = door.send(ApiRequest.get("/v1/meal-points/" + point + "/days/" + MealFixtures.tomorrow())
                .bearer(MealFixtures.canteen(point))).json().path("slots").path("LUNCH").path("ordered").asLong();
        long unavailable = all.stream().filter(a -> a.status() == 503).count();
        double[] times = millis.stream().mapToDouble(Double::doubleValue).toArray();
        String section = "DynamoDB faults (HTTP)";
        report.figure(section, ORDERS + " orders for " + SEATS + " seats, " + CLIENTS + " clients, +" + LATENCY_MS + " ms and "
                        + FAILURE_PERCENT + "% failed DynamoDB calls",
                String.format("%d requests, %d × 503 retried; p50 %.1f ms, p99 %.1f ms; %d placed", all.size(), unavailable,
                        Stats.percentile(times, 50), Stats.percentile(times, 99), placed), "");
        report.latency("HTTP POST /v1/meal-orders with DynamoDB faults", Stats.percentile(times, 50), Stats.percentile(times, 99));
        List<ApiAnswer> answers = new ArrayList<>(all);
        report.check(section, "no 500 under faults: 503 STORE_UNAVAILABLE, sold out or a conflict, all problem+json", () -> {
            Invariants.answeredOnly("under faults", answers, Set.of(201, 409, 503),
                    Set.of("MEAL_SOLD_OUT", "STORE_UNAVAILABLE", "CONCURRENT_UPDATE", "IDEMPOTENCY_IN_PROGRESS"));
            Invariants.refusalsAreProblems("under faults", answers);
            Invariants.atLeast("503s seen (the faults were injected)", 1, unavailable);
        });
        report.check(section, "every seat sold once: retries under the key replay, orders = seats = the kitchen's count", () -> {
            Invariants.none("retries that did not replay the first success", replays);
            Invariants.equal("distinct orders placed", SEATS, placed);
            Invariants.equal("the kitchen day's count", SEATS, ordered);
            Invariants.none("orders neither placed nor sold out", settled.stream().filter(a -> a.status() != 201
                    && !Objects.equals(a.code(), "MEAL_SOLD_OUT")).map(ApiAnswer::toString).toList());
        });
    }

    private static void setFaults(String url, long latencyMs, int failurePercent) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url + "?dynamoLatencyMs=" + latencyMs + "&dynamoFailurePercent=" + failurePercent))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("could not set the DynamoDB faults: " + answer.statusCode() + " " + answer.body());
        }
    }
}
