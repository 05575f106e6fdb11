package cn.yiyang.timebank;

import static cn.yiyang.timebank.TimeBankFixtures.account;
import static cn.yiyang.timebank.TimeBankFixtures.at;
import static cn.yiyang.timebank.TimeBankFixtures.earn;
import static cn.yiyang.timebank.TimeBankFixtures.expect;
import static cn.yiyang.timebank.TimeBankFixtures.resident;
import static cn.yiyang.timebank.TimeBankFixtures.volunteer;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.RetryingClient;
import com.fasterxml.jackson.databind.JsonNode;
import cn.yiyang.timebank.settings.CountySettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Points under concurrency against DynamoDB Local, through a door that serves requests in parallel. */
public abstract class TimeBankConcurrencyScenarios {

    protected abstract Door door();

    private RetryingClient client;

    /** The door as a real client uses it: 503 and "not decided yet" 409s sent again under the same key, with backoff. */
    protected Door client() {
        if (client == null) {
            client = RetryingClient.around(door());
        }
        return client;
    }

    @AfterEach
    void reportRetries() {
        if (client != null) {
            System.out.println(getClass().getSimpleName() + ": " + client.retries() + " requests sent again (503 or not yet decided)");
        }
    }

    @Test
    void aHundredConcurrentExchangesOfTen_fromFiveHundred_exactlyFiftySucceed() {
        String volunteer = volunteer(client(), null);
        earn(client(), volunteer, resident(), at(2, 8, 0), at(2, 13, 0));
        earn(client(), volunteer, resident(), at(1, 8, 0), at(1, 11, 20));
        String item = TimeBankFixtures.item(client(), 10, 1000);
        assertThat(account(client(), volunteer).json().path("balance").asLong()).isEqualTo(500);

        List<ApiAnswer> answers = Concurrently.run(100, i -> client().send(TimeBankFixtures.exchange(volunteer, item)));

        Map<String, Long> outcome = answers.stream().collect(Collectors.groupingBy(
                a -> a.status() == 201 ? "EXCHANGED" : a.code(), Collectors.counting()));
        assertThat(outcome).isEqualTo(Map.of("EXCHANGED", 50L, "INSUFFICIENT_POINTS", 50L));
        JsonNode account = account(client(), volunteer).json();
        assertThat(account.path("balance").asLong()).isZero();
        assertThat(account.path("spent").asLong()).isEqualTo(500);
        long exchangeEntries = 0;
        for (JsonNode entry : account.path("statement")) {
            if (entry.path("kind").asText().equals("EXCHANGED")) {
                exchangeEntries++;
            }
        }
        assertThat(exchangeEntries).isEqualTo(50);
        JsonNode items = client().send(ApiRequest.get("/v1/time-bank/items").bearer(TimeBankFixtures.officer())).json().path("items");
        for (JsonNode listed : items) {
            if (listed.path("id").asText().equals(item)) {
                assertThat(listed.path("stock").asLong()).isEqualTo(950);
            }
        }
    }

    @Test
    void recordsLoggedConcurrentlyForOneDay_neverOverlapNorPassTheCap() {
        String volunteer = volunteer(client(), null);
        // 12 one-hour records, each overlapping the next by half: at most 6 fit without overlap
        List<ApiAnswer> answers = Concurrently.run(12, i -> client().send(TimeBankFixtures.log(volunteer, resident(),
                at(5, 8, 0).plusMinutes(30L * i), at(5, 9, 0).plusMinutes(30L * i))));

        List<ApiAnswer> logged = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(answers.stream().filter(a -> a.status() != 201).map(ApiAnswer::code).distinct().toList())
                .isSubsetOf("SERVICE_RECORD_OVERLAP", "DAILY_CAP_EXCEEDED");
        for (int i = 0; i < logged.size(); i++) {
            for (int j = i + 1; j < logged.size(); j++) {
                JsonNode a = logged.get(i).json();
                JsonNode b = logged.get(j).json();
                boolean overlap = java.time.OffsetDateTime.parse(a.path("start").asText()).isBefore(java.time.OffsetDateTime.parse(b.path("end").asText()))
                        && java.time.OffsetDateTime.parse(b.path("start").asText()).isBefore(java.time.OffsetDateTime.parse(a.path("end").asText()));
                assertThat(overlap).as("records %s and %s overlap", i, j).isFalse();
            }
        }
        assertThat(logged).isNotEmpty();
        assertThat(logged.stream().mapToLong(a -> a.json().path("minutes").asLong()).sum()).isLessThanOrEqualTo(480);
    }

    /**
     * The identity checked, over every account of the county and its pool: Σ balances + Σ spent
     * (net of refunds) + pool = Σ minutes of the confirmed records. Confirmed records are the only
     * source of points (a grant's source is the pool, which the identity already holds); gifts,
     * donations and grants only move points; an exchange moves them into spent, a cancellation back.
     */
    @Test
    void aRandomisedConcurrentWorkload_withOneInFiveRetried_conservesEveryPoint_andWritesEachEntryOnce() {
        long seed = System.nanoTime();
        Bank bank = Bank.fresh(client());
        // A low storage cap (overflow to the pool happens) and spending that outruns earning (balances run dry).
        bank.settings(s -> new CountySettings(s.dailyMinutesMax(), s.recordExpiryDays(), 600, 400,
                s.volunteerAgeMin(), s.volunteerAgeMax(), s.priorityAgeMin(), s.ratesPerMinute()));
        Workload work = new Workload(bank, seed);
        List<String> volunteers = new ArrayList<>();
        Map<String, String> parentOf = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            String volunteer = bank.volunteer();
            volunteers.add(volunteer);
            parentOf.put(volunteer, bank.resident(Set.of(volunteer)));
        }
        List<String> parents = List.copyOf(parentOf.values());
        // Every parent's account opened before the rush (a gift opens it), so a family member may spend from it.
        // A volunteer serves other volunteers' parents, never their own (SERVICE_TO_OWN_FAMILY).
        for (String volunteer : volunteers) {
            String record = bank.logged(volunteer, othersParent(volunteers, parentOf, volunteer, 0), at(6, 8, 0), at(6, 10, 0));
            work.perform(new Workload.Op(w -> bank.confirm(record)));
            work.perform(new Workload.Op(w -> bank.gift(volunteer, parentOf.get(volunteer), 10)));
        }
        List<String> items = List.of(bank.item("GOODS", 35, 30), bank.item("SERVICE", 90, 10), bank.item("GOODS", 15, 1000));
        Map<String, Long> stockAtStart = Map.of(items.get(0), 30L, items.get(1), 10L, items.get(2), 1000L);
        List<Workload.Op> ops = new ArrayList<>();
        for (String volunteer : volunteers) {
            for (int day = 1; day <= 5; day++) {
                int minutes = 60 + work.nextInt(300);
                String record = bank.logged(volunteer, othersParent(volunteers, parentOf, volunteer, work.nextInt(parents.size() - 1)),
                        at(day, 8, 0), at(day, 8, 0).plusMinutes(minutes));
                ops.add(new Workload.Op(w -> bank.confirm(record)));
            }
        }
        for (int i = 0; i < 200; i++) {
            int dice = work.nextInt(100);
            String volunteer = volunteers.get(work.nextInt(volunteers.size()));
            String item = items.get(work.nextInt(items.size()));
            long points = 20 + work.nextInt(100);
            if (dice < 30) {
                boolean forParent = work.nextInt(3) == 0;
                ops.add(new Workload.Op(w -> forParent
                        ? bank.exchange(bank.familyToken(volunteer), item, parentOf.get(volunteer))
                        : bank.exchange(bank.volunteerToken(volunteer), item, null)));
            } else if (dice < 50) {
                ops.add(new Workload.Op(w -> w.exchanges.isEmpty()
                        ? bank.exchange(bank.volunteerToken(volunteer), item, null)
                        : bank.cancel(bank.operator(), w.exchanges.get(w.nextInt(w.exchanges.size())).split(" ")[0])));
            } else if (dice < 70) {
                ops.add(new Workload.Op(w -> bank.gift(volunteer, parentOf.get(volunteer), points)));
            } else if (dice < 85) {
                ops.add(new Workload.Op(w -> bank.donate(bank.volunteerToken(volunteer), points)));
            } else {
                ops.add(new Workload.Op(w -> bank.grant(parents.get(w.nextInt(parents.size())), points)));
            }
        }

        work.run(ops, 16);

        String why = "seed " + seed + ", outcomes " + new TreeMap<>(work.outcomes);
        System.out.println("time-bank workload: " + ops.size() + " moves, " + work.retried.get() + " retried; " + why);
        long balances = 0;
        long spent = 0;
        long earnedOnServer = 0;
        Set<String> entryIds = new HashSet<>();
        int entries = 0;
        List<String> accounts = new ArrayList<>(volunteers);
        accounts.addAll(parents);
        for (String id : accounts) {
            ApiAnswer read = bank.account(id);
            if (read.status() == 404) {
                continue;
            }
            JsonNode account = expect(read, 200).json();
            long balance = account.path("balance").asLong();
            assertThat(balance).as("no negative balance; " + why).isNotNegative();
            assertThat(account.path("statement").size()).isLessThan(200);
            long statementSum = 0;
            for (JsonNode entry : account.path("statement")) {
                statementSum += entry.path("points").asLong();
                assertThat(entryIds.add(entry.path("id").asText())).as("entry %s once; %s", entry, why).isTrue();
                assertThat(entry.path("cause").path("type").asText()).isNotEmpty();
                entries++;
            }
            assertThat(statementSum).as("the statement of %s adds up to its balance; %s", id, why).isEqualTo(balance);
            balances += balance;
            spent += account.path("spent").asLong();
            earnedOnServer += account.path("earned").asLong() + account.path("overflowed").asLong();
        }
        JsonNode pool = bank.pool();
        long poolSum = 0;
        for (JsonNode entry : pool.path("statement")) {
            poolSum += entry.path("points").asLong();
            assertThat(entryIds.add(entry.path("id").asText())).as("entry %s once; %s", entry, why).isTrue();
            entries++;
        }
        long poolBalance = pool.path("balance").asLong();

        assertThat(poolBalance).as(why).isNotNegative().isEqualTo(poolSum);
        assertThat(balances + spent + poolBalance).as("Σ balances + Σ spent + pool = Σ earned; " + why)
                .isEqualTo(work.book("earned"));
        assertThat(earnedOnServer).as("the accounts' own earned + overflowed counters; " + why).isEqualTo(work.book("earned"));
        assertThat(spent).as(why).isEqualTo(work.book("exchanged") - work.book("refunded"));
        assertThat(poolBalance).as(why).isEqualTo(work.book("overflow") + work.book("donate") - work.book("grant"));
        assertThat(entries).as("one entry per side of each successful move, however often retried; " + why)
                .isEqualTo(work.entriesExpected.get());
        for (String item : items) {
            long taken = work.stockTaken.getOrDefault(item, new java.util.concurrent.atomic.AtomicLong()).get();
            assertThat(bank.stock(item)).as(why).isEqualTo(stockAtStart.get(item) - taken);
        }
        assertThat(work.retried.get()).as("some requests were retried").isPositive();
        assertThat(work.outcomes.keySet()).as("every kind of move happened; " + why)
                .contains("earn OK", "exchange OK", "gift OK", "donate OK", "grant OK", "cancel OK");
    }

    @Test
    void tenConcurrentCancelsOfOneExchange_refundItOnce() {
        Bank bank = Bank.fresh(client());
        String volunteer = bank.volunteer();
        bank.earn(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 9, 0));
        String item = bank.item("GOODS", 40, 1);
        String exchange = expect(bank.send(bank.exchange(bank.volunteerToken(volunteer), item, null)), 201).json().path("id").asText();

        List<ApiAnswer> answers = Concurrently.run(10, i -> bank.send(bank.cancel(bank.volunteerToken(volunteer), exchange)));

        Map<String, Long> outcome = answers.stream().collect(Collectors.groupingBy(
                a -> a.status() == 200 ? "CANCELLED" : a.code(), Collectors.counting()));
        assertThat(outcome).isEqualTo(Map.of("CANCELLED", 1L, "EXCHANGE_NOT_CANCELLABLE", 9L));
        JsonNode account = expect(bank.account(volunteer), 200).json();
        assertThat(account.path("balance").asLong()).isEqualTo(60);
        assertThat(account.path("spent").asLong()).isZero();
        assertThat(bank.stock(item)).isEqualTo(1);
    }

    @Test
    void twentyConcurrentGiftsOfTen_neverPassAYearlyCapOfHundred() {
        Bank bank = Bank.fresh(client());
        bank.settings(s -> new CountySettings(s.dailyMinutesMax(), s.recordExpiryDays(), s.storageMinutesMax(), 100,
                s.volunteerAgeMin(), s.volunteerAgeMax(), s.priorityAgeMin(), s.ratesPerMinute()));
        String volunteer = bank.volunteer();
        String parent = bank.resident(Set.of(volunteer));
        bank.earn(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 12, 0));

        List<ApiAnswer> answers = Concurrently.run(20, i -> bank.send(bank.gift(volunteer, parent, 10)));

        Map<String, Long> outcome = answers.stream().collect(Collectors.groupingBy(
                a -> a.status() == 201 ? "GIVEN" : a.code(), Collectors.counting()));
        assertThat(outcome).isEqualTo(Map.of("GIVEN", 10L, "GIFT_CAP_EXCEEDED", 10L));
        assertThat(expect(bank.account(parent), 200).json().path("balance").asLong()).isEqualTo(100);
        assertThat(expect(bank.account(volunteer), 200).json().path("balance").asLong()).isEqualTo(140);
    }

    /** The parent of another volunteer: the {@code n}-th after this volunteer's own, round the list. */
    private static String othersParent(List<String> volunteers, Map<String, String> parentOf, String volunteer, int n) {
        return parentOf.get(volunteers.get((volunteers.indexOf(volunteer) + 1 + n) % volunteers.size()));
    }
}
