package cn.yiyang.timebank;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A randomised mix of every move (earn by confirmation, exchange, gift, donation, grant, cancel)
 * sent by many clients at once, one in five sent a second time under the same Idempotency-Key, and
 * the test's own books of what each successful answer says it moved.
 */
final class Workload {

    static final double RETRY_SHARE = 0.2;
    /** Every answer but these is a failure of the test: never a 500, never an unexpected refusal. */
    static final Set<String> REFUSALS = Set.of("INSUFFICIENT_POINTS", "OUT_OF_STOCK", "GIFT_CAP_EXCEEDED",
            "POOL_INSUFFICIENT", "EXCHANGE_NOT_CANCELLABLE", "CONCURRENT_UPDATE");

    /** One operation: the request it sends, built when it runs (a cancel needs an exchange made earlier). */
    record Op(Function<Workload, ApiRequest> request) {
    }

    /** What a request does, by its route. */
    static String kindOf(ApiRequest request) {
        String path = request.path();
        if (path.endsWith("/confirm")) {
            return "earn";
        }
        if (path.endsWith("/cancel")) {
            return "cancel";
        }
        return switch (path) {
            case "/v1/time-bank/exchanges" -> "exchange";
            case "/v1/time-bank/gifts" -> "gift";
            case "/v1/time-bank/donations" -> "donate";
            case "/v1/time-bank/grants" -> "grant";
            default -> throw new IllegalArgumentException(path);
        };
    }

    final Bank bank;
    final Random random;
    final List<String> exchanges = new CopyOnWriteArrayList<>();
    final Map<String, AtomicLong> books = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> stockTaken = new ConcurrentHashMap<>();
    final AtomicInteger entriesExpected = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();

    Workload(Bank bank, long seed) {
        this.bank = bank;
        this.random = new Random(seed);
    }

    synchronized int nextInt(int bound) {
        return random.nextInt(bound);
    }

    synchronized boolean retry() {
        return random.nextDouble() < RETRY_SHARE;
    }

    long book(String name) {
        return books.computeIfAbsent(name, n -> new AtomicLong()).get();
    }

    private void add(String name, long points) {
        books.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(points);
    }

    void run(List<Op> ops, int clients) {
        List<Op> shuffled = new ArrayList<>(ops);
        Collections.shuffle(shuffled, random);
        AtomicInteger next = new AtomicInteger();
        Concurrently.run(clients, c -> {
            for (int i = next.getAndIncrement(); i < shuffled.size(); i = next.getAndIncrement()) {
                perform(shuffled.get(i));
            }
            return null;
        });
    }

    void perform(Op op) {
        ApiRequest request = op.request().apply(this);
        String kind = kindOf(request);
        ApiAnswer answer = bank.send(request);
        if (retry()) {
            retried.incrementAndGet();
            ApiAnswer again = bank.send(request);
            // A move that committed is replayed byte for byte; a refusal committed nothing, so its retry is a new try.
            if (answer.status() < 300) {
                assertThat(again.status()).as("a retry answers what the first answered: " + answer + " / " + again)
                        .isEqualTo(answer.status());
                assertThat(again.body()).isEqualTo(answer.body());
                assertThat(again.header("idempotent-replayed")).isEqualTo("true");
            }
            answer = again;
        }
        if (answer.status() >= 300) {
            assertThat(answer.status()).as(kind + " → " + answer).isBetween(400, 499);
            assertThat(REFUSALS).as(kind + " → " + answer).contains(answer.code());
            outcomes.computeIfAbsent(kind + " " + answer.code(), k -> new AtomicInteger()).incrementAndGet();
            return;
        }
        outcomes.computeIfAbsent(kind + " OK", k -> new AtomicInteger()).incrementAndGet();
        tally(kind, answer.json());
    }

    private void tally(String kind, JsonNode body) {
        switch (kind) {
            case "earn" -> {
                long credited = body.path("credited").asLong();
                long toPool = body.path("toPool").asLong();
                assertThat(credited + toPool).isEqualTo(body.path("record").path("minutes").asLong());
                add("earned", credited + toPool);
                add("overflow", toPool);
                entriesExpected.addAndGet((credited > 0 ? 1 : 0) + (toPool > 0 ? 1 : 0));
            }
            case "exchange" -> {
                add("exchanged", body.path("points").asLong());
                stockTaken.computeIfAbsent(body.path("itemId").asText(), i -> new AtomicLong()).incrementAndGet();
                exchanges.add(body.path("id").asText() + " " + body.path("accountId").asText());
                entriesExpected.incrementAndGet();
            }
            case "cancel" -> {
                add("refunded", body.path("points").asLong());
                stockTaken.computeIfAbsent(body.path("itemId").asText(), i -> new AtomicLong()).decrementAndGet();
                entriesExpected.incrementAndGet();
            }
            case "gift", "donate", "grant" -> {
                add(kind, body.path("points").asLong());
                entriesExpected.addAndGet(2);
            }
            default -> throw new IllegalStateException(kind);
        }
    }
}
