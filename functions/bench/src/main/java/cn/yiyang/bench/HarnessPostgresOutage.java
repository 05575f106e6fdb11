package cn.yiyang.bench;

import cn.yiyang.funds.FundFixtures;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.Door;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * PostgreSQL stopped and started again under load: {@value #CLIENTS} clients make and approve
 * transfers for {@value #LOAD_SECONDS} s; the database goes down at {@value #DOWN_AT_SECONDS} s for
 * {@value #DOWN_FOR_SECONDS} s. While it is down every answer is 503 STORE_UNAVAILABLE problem+json;
 * it recovers by itself; afterwards every request that got no answer is retried under its key, and
 * the ledger holds exactly one transfer per key answered 201, its audit chain and balances intact.
 */
final class HarnessPostgresOutage {

    static final int CLIENTS = 4;
    static final long LOAD_SECONDS = 30;
    static final long DOWN_AT_SECONDS = 6;
    static final long DOWN_FOR_SECONDS = 8;
    /** After a restart, the pool may hand out a dead connection once: answers this soon after are not judged. */
    static final long SETTLE_SECONDS = 2;
    /** A client that was told the store is unavailable waits this long before its next request, as the mini-program does. */
    static final long BACKOFF_AFTER_UNAVAILABLE_MILLIS = 100;

    private HarnessPostgresOutage() {
    }

    record Sent(long sentNanos, long answeredNanos, ApiRequest request, ApiAnswer answer) {
    }

    static void run(Door door, HarnessStores stores, HarnessSql sql, HarnessReport report) throws Exception {
        String county = FundFixtures.newCounty();
        FundFixtures.installLines(door, county);
        String budget = FundFixtures.fundedBudget(door, county, "MEAL_SUBSIDY", 5_000_000);
        String payee = FundFixtures.payee(door, county, "MEAL_SUBSIDY", "MEAL_POINT", "outage-point");
        ConcurrentLinkedQueue<Sent> creates = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Sent> all = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long until = start + TimeUnit.SECONDS.toNanos(LOAD_SECONDS);
        long[] downUp = new long[3];
        Concurrently.run(CLIENTS + 1, LOAD_SECONDS + 120, c -> {
            if (c == CLIENTS) {
                sleepUntil(start + TimeUnit.SECONDS.toNanos(DOWN_AT_SECONDS));
                stores.stopPostgres();
                // judged as "down" only between the stop's return and the start's call: the shutdown itself takes a moment
                downUp[0] = System.nanoTime();
                sleepUntil(downUp[0] + TimeUnit.SECONDS.toNanos(DOWN_FOR_SECONDS));
                downUp[2] = System.nanoTime();
                stores.startPostgres();
                downUp[1] = System.nanoTime();
                return null;
            }
            while (System.nanoTime() < until) {
                ApiRequest create = FundFixtures.payment(county, budget, payee, 1 + ThreadLocalRandom.current().nextInt(100));
                Sent created = send(door, create);
                creates.add(created);
                all.add(created);
                if (created.answer().status() == 201) {
                    all.add(send(door, FundFixtures.approve(county, created.answer().json().path("id").asText())));
                } else if (created.answer().status() == 503) {
                    sleepUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BACKOFF_AFTER_UNAVAILABLE_MILLIS));
                }
            }
            return null;
        });
        long down = downUp[0];
        long up = downUp[1];
        long restarting = downUp[2];
        List<ApiAnswer> whileDown = all.stream()
                .filter(s -> s.sentNanos() > down && s.answeredNanos() < restarting).map(Sent::answer).toList();
        long recovered = all.stream().filter(s -> s.sentNanos() > up + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS)
                && s.answer().status() < 300).count();
        List<ApiAnswer> judged = all.stream().filter(s -> s.sentNanos() < down || s.sentNanos() > up + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS)
                || s.answeredNanos() < up).map(Sent::answer).toList();

        // the requests whose outcome the client could not know are retried under their keys, as a client would
        Map<String, String> transferByKey = new ConcurrentHashMap<>();
        for (Sent s : creates) {
            ApiAnswer answer = s.answer().status() == 201 ? s.answer() : door.send(s.request());
            if (answer.status() == 201) {
                transferByKey.put(s.request().headers().get("idempotency-key"), answer.json().path("id").asText());
            }
        }
        long stored = sql.number("select count(*) from funds.transfer where county = $1", county);
        JsonNode verified = FundFixtures.verify(door, county);
        Set<String> storedIds = Set.copyOf(sql.texts("select id::text from funds.transfer where county = $1", county));
        List<String> missing = transferByKey.values().stream().filter(id -> !storedIds.contains(id)).toList();
        String section = "PostgreSQL outage (HTTP)";
        report.figure(section, "transfers for " + LOAD_SECONDS + " s, PostgreSQL down from " + DOWN_AT_SECONDS + " s for "
                        + DOWN_FOR_SECONDS + " s, " + CLIENTS + " clients",
                String.format("%d requests, %d while down (all 503?), %d succeeded after the restart; %d transfers stored",
                        all.size(), whileDown.size(), recovered, stored), "");
        report.check(section, "no 5xx but 503 STORE_UNAVAILABLE; every refusal problem+json", () -> {
            Invariants.answeredOnly("during the outage run", judged, Set.of(200, 201, 503), Set.of("STORE_UNAVAILABLE"));
            Invariants.refusalsAreProblems("during the outage run", judged);
        });
        report.check(section, "while down, every answer is 503 STORE_UNAVAILABLE", () -> {
            Invariants.atLeast("answers while down", 1, whileDown.size());
            Invariants.answeredOnly("while down", whileDown, Set.of(503), Set.of("STORE_UNAVAILABLE"));
        });
        report.check(section, "it recovers by itself", () -> Invariants.atLeast("successes after the restart", 1, recovered));
        report.check(section, "no partial transfer: one per key answered 201, chain and balances verify", () -> {
            Invariants.equal("transfers stored (answered 201 + the appropriation)", transferByKey.size() + 1L, stored);
            Invariants.none("answered 201 but not found", missing);
            Invariants.none("audit verification", verified.path("valid").asBoolean() ? List.of() : List.of(verified.toString()));
        });
    }

    private static Sent send(Door door, ApiRequest request) {
        long sent = System.nanoTime();
        ApiAnswer answer = door.send(request);
        return new Sent(sent, System.nanoTime(), request, answer);
    }

    private static void sleepUntil(long nanos) {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
