package cn.yiyang.funds;

import static cn.yiyang.funds.FundFixtures.approver;
import static cn.yiyang.funds.FundFixtures.auditor;
import static cn.yiyang.funds.FundFixtures.expect;
import static cn.yiyang.funds.FundFixtures.officer;
import static cn.yiyang.funds.FundFixtures.secondApprover;

import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.Door;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bank test: eight clients make random transfers among the budgets and payees of two fund
 * lines in each of two counties, approve, void, reject or leave them, retry a fifth of their
 * requests under the same key and reuse a twentieth of their keys with another amount, while a
 * ninth client keeps reading consistent snapshots of every line's balances. At the end every 2xx
 * must be in the ledger as answered, each key must have made at most one transfer, and each
 * county's audit trail must verify.
 */
public final class BankTest {

    static final int CLIENTS = 8;
    /** A run with no answer for this long has stalled (it may be slow on a busy machine, never stuck). */
    static final int STALL_SECONDS_MAX = 300;
    static final List<String> LINES = List.of("MEAL_SUBSIDY", "SERVICE_SUBSIDY");
    static final int PAYEES_PER_LINE = 10;
    /** ¥5,000,000 a line: above the default threshold, so the setup needs both approvers, like a real budget. */
    static final long BUDGET_FEN = 500_000_000;
    static final long DUAL_APPROVAL_ABOVE_FEN = 40_000;
    static final long AMOUNT_FEN_MAX = 60_000;

    private final Door door;
    private final int transfers;
    private final StoredTransfers stored;
    private final List<String> counties = List.of(FundFixtures.newCounty(), FundFixtures.newCounty());
    /** county → line → account ids (the budget first). */
    private final Map<String, Map<String, List<String>>> accounts = new ConcurrentHashMap<>();
    /** transfer id → the status and amount its answers promised. */
    private final Map<String, Expected> expected = new ConcurrentHashMap<>();
    private final Map<String, String> transferByKey = new ConcurrentHashMap<>();
    private final Queue<String> replayMismatches = new ConcurrentLinkedQueue<>();
    private final Queue<String> reusedKeyAnswers = new ConcurrentLinkedQueue<>();
    private final Queue<String> snapshotViolations = new ConcurrentLinkedQueue<>();
    private final AtomicInteger fivexx = new AtomicInteger();
    private volatile Map<String, AtomicInteger> answerCounts = Map.of();

    /** What the run was answered, by route and status ("POST /v1/transfers 201" → n), once it has run. */
    public Map<String, Integer> answerCounts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        answerCounts.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    /** What the run was answered, by route and status: printed with the result. */
    private final Map<String, AtomicInteger> answers = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final AtomicInteger insufficient = new AtomicInteger();
    private final AtomicInteger snapshots = new AtomicInteger();

    /** What only the database can tell: how many transfers it holds, and the most under one client key. */
    public interface StoredTransfers {
        long count(List<String> counties);

        long mostPerKey(List<String> counties);
    }

    /** Inside a Quarkus test application: through its own PostgreSQL session. */
    public static final StoredTransfers IN_THIS_APPLICATION = new StoredTransfers() {
        @Override
        public long count(List<String> counties) {
            return FundProbe.number("select count(*) from funds.transfer where county in (?1, ?2)", counties.get(0), counties.get(1));
        }

        @Override
        public long mostPerKey(List<String> counties) {
            return FundProbe.number("""
                    select coalesce(max(n), 0) from (select count(*) as n from funds.transfer
                    where county in (?1, ?2) group by county, client_key) k""", counties.get(0), counties.get(1));
        }
    };

    record Expected(String county, long amountFen, String status) {
    }

    public record Result(int created, int setupTransfers, int insufficient, int fivexx, int snapshots, List<String> snapshotViolations,
                  List<String> replayMismatches, List<String> reusedKeyAnswers, List<String> finalMismatches,
                  long transfersPerKeyMax, long storedTransfers, List<JsonNode> verifications) {
    }

    public BankTest(Door door, int transfers, StoredTransfers stored) {
        this.door = door;
        this.transfers = transfers;
        this.stored = stored;
    }

    public Result run() {
        int setup = 0;
        for (String county : counties) {
            FundFixtures.installLines(door, county);
            Map<String, List<String>> byLine = new ConcurrentHashMap<>();
            for (String line : LINES) {
                List<String> ids = new ArrayList<>();
                String appropriation = expect(door.send(FundFixtures.appropriation(county, line, BUDGET_FEN)), 201)
                        .json().path("id").asText();
                expect(door.send(FundFixtures.approve(county, appropriation)), 200);
                expect(door.send(FundFixtures.step(county, appropriation, "approve", secondApprover(county), "{}")), 200);
                ids.add(FundFixtures.accountOf(door, county, line, "BUDGET").path("id").asText());
                setup++;
                for (int p = 0; p < PAYEES_PER_LINE; p++) {
                    ids.add(FundFixtures.payee(door, county, line, "PROVIDER", "bank-" + p));
                }
                byLine.put(line, List.copyOf(ids));
            }
            accounts.put(county, byLine);
            // larger transfers need two approvers
            expect(door.send(ApiRequest.of("PUT", "/v1/fund-settings",
                    "{\"dualApprovalAboveFen\":" + DUAL_APPROVAL_ABOVE_FEN + ",\"pendingExpiryHours\":72}").bearer(officer(county))), 200);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger finished = new AtomicInteger();
        Concurrently.run(CLIENTS + 1, STALL_SECONDS_MAX, client -> {
            if (client == CLIENTS) {
                while (running.get()) {
                    snapshot();
                    sleep(50);
                }
                return null;
            }
            Random random = new Random(client * 7919L + 17);
            for (int i = client; i < transfers; i += CLIENTS) {
                oneTransfer(random);
            }
            if (finished.incrementAndGet() == CLIENTS) {
                running.set(false);
            }
            return null;
        });
        snapshot();
        System.out.println("bank test answers: " + answers);
        this.answerCounts = Map.copyOf(answers);
        return result(setup);
    }

    private void oneTransfer(Random random) {
        String county = counties.get(random.nextInt(counties.size()));
        String line = LINES.get(random.nextInt(LINES.size()));
        List<String> ids = accounts.get(county).get(line);
        // mostly out of the budget, sometimes between payees or back to the budget
        String debit = random.nextInt(10) < 7 ? ids.get(0) : ids.get(random.nextInt(ids.size()));
        String credit;
        do {
            credit = ids.get(random.nextInt(ids.size()));
        } while (credit.equals(debit));
        long amount = 1 + random.nextInt((int) AMOUNT_FEN_MAX);
        String key = "bank-" + UUID.randomUUID();
        ApiAnswer first = send(transfer(county, debit, credit, amount, key));
        if (random.nextInt(100) < 20) {
            ApiAnswer retried = send(transfer(county, debit, credit, amount, key));
            if (first.status() == 201 && (retried.status() != 201 || !retried.body().equals(first.body()))) {
                replayMismatches.add("create " + key + ": " + first + " then " + retried);
            }
            if (first.status() != 201 && retried.status() == 201) {
                first = retried; // funds came free in between: the retry made it, once
            }
        }
        if (first.status() != 201) {
            if ("INSUFFICIENT_FUNDS".equals(first.code())) {
                insufficient.incrementAndGet();
            }
            return;
        }
        String id = first.json().path("id").asText();
        if (transferByKey.putIfAbsent(key, id) != null) {
            replayMismatches.add("key " + key + " answered 201 twice");
        }
        expected.put(id, new Expected(county, amount, "PENDING"));
        if (random.nextInt(100) < 5) {
            ApiAnswer reused = send(transfer(county, debit, credit, amount + 1, key));
            reusedKeyAnswers.add(reused.status() + " " + reused.code());
        }
        int fate = random.nextInt(100);
        if (fate < 80) {
            int required = first.json().path("requiredApprovals").asInt();
            approveAs(county, id, approver(county), random, required == 1);
            if (required == 2) {
                approveAs(county, id, secondApprover(county), random, true);
            }
        } else if (fate < 90) {
            resolve(county, id, "void", officer(county), "VOIDED", random);
        } else if (fate < 95) {
            resolve(county, id, "reject", approver(county), "REJECTED", random);
        }
    }

    private void approveAs(String county, String id, String token, Random random, boolean posts) {
        ApiRequest request = FundFixtures.step(county, id, "approve", token, "{}");
        ApiAnswer answer = send(request);
        if (random.nextInt(100) < 20) {
            ApiAnswer retried = send(request);
            if (answer.status() == 200 && !retried.body().equals(answer.body())) {
                replayMismatches.add("approve " + id + ": " + answer + " then " + retried);
            }
        }
        if (answer.status() == 200 && posts) {
            expected.computeIfPresent(id, (k, e) -> new Expected(e.county(), e.amountFen(), "POSTED"));
        }
    }

    private void resolve(String county, String id, String action, String token, String status, Random random) {
        ApiRequest request = FundFixtures.step(county, id, action, token, "{\"reason\":\"银行测试\"}");
        ApiAnswer answer = send(request);
        if (random.nextInt(100) < 20) {
            ApiAnswer retried = send(request);
            if (answer.status() == 200 && !retried.body().equals(answer.body())) {
                replayMismatches.add(action + " " + id + ": " + answer + " then " + retried);
            }
        }
        if (answer.status() == 200) {
            expected.computeIfPresent(id, (k, e) -> new Expected(e.county(), e.amountFen(), status));
        }
    }

    /** One consistent read per line (one SQL statement): the line's books balance and no floor is broken. */
    private void snapshot() {
        for (String county : counties) {
            for (String line : LINES) {
                ApiAnswer answer = send(ApiRequest.get("/v1/fund-accounts").query("fundLine", line).bearer(auditor(county)));
                if (answer.status() != 200) {
                    snapshotViolations.add("snapshot read failed: " + answer);
                    continue;
                }
                long posted = 0;
                long pendingDebits = 0;
                long pendingCredits = 0;
                for (JsonNode a : answer.json().path("items")) {
                    posted += a.path("creditsPosted").asLong() - a.path("debitsPosted").asLong();
                    pendingDebits += a.path("debitsPending").asLong();
                    pendingCredits += a.path("creditsPending").asLong();
                    if (!a.path("kind").asText().equals("SOURCE") && a.path("available").asLong() < 0) {
                        snapshotViolations.add(county + "/" + line + " account below its floor: " + a);
                    }
                }
                if (posted != 0 || pendingDebits != pendingCredits) {
                    snapshotViolations.add(county + "/" + line + " unbalanced: posted " + posted + ", pending "
                            + pendingDebits + " vs " + pendingCredits);
                }
            }
        }
        snapshots.incrementAndGet();
    }

    private Result result(int setup) {
        List<String> finalMismatches = new ArrayList<>();
        expected.forEach((id, e) -> {
            JsonNode t = FundFixtures.transfer(door, e.county(), id);
            if (t.path("amountFen").asLong() != e.amountFen() || !t.path("status").asText().equals(e.status())) {
                finalMismatches.add(id + " expected " + e + " found " + t);
            }
        });
        long perKeyMax = stored.mostPerKey(counties);
        long storedCount = stored.count(counties);
        List<JsonNode> verifications = counties.stream().map(c -> FundFixtures.verify(door, c)).toList();
        return new Result(expected.size(), setup, insufficient.get(), fivexx.get(), snapshots.get(), List.copyOf(snapshotViolations),
                List.copyOf(replayMismatches), List.copyOf(reusedKeyAnswers), finalMismatches, perKeyMax, storedCount, verifications);
    }

    private static ApiRequest transfer(String county, String debit, String credit, long amount, String key) {
        return FundFixtures.payment(county, debit, credit, amount).idempotencyKey(key);
    }

    private ApiAnswer send(ApiRequest request) {
        ApiAnswer answer = door.send(request);
        answers.computeIfAbsent(request.method() + " " + request.path().replaceAll("[0-9a-f-]{36}", "{id}") + " " + answer.status()
                + (answer.status() >= 300 ? " " + answer.code() : ""), k -> new AtomicInteger()).incrementAndGet();
        if (answer.status() >= 500) {
            fivexx.incrementAndGet();
        }
        return answer;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
