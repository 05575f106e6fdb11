package cn.yiyang.bench;

import cn.yiyang.funds.BankTest;
import cn.yiyang.testing.Door;
import java.util.List;

/**
 * The fund-lines bank test (the same one the fund-lines tests run in process) against the local
 * gateway over HTTP: {@value #TRANSFERS} random transfers by eight clients, with retries, reused
 * keys and snapshot reads; then the ledger is held to its invariants.
 */
final class HarnessBank {

    static final int TRANSFERS = 2_000;

    private HarnessBank() {
    }

    static void run(Door door, HarnessSql sql, HarnessReport report) {
        BankTest.StoredTransfers stored = new BankTest.StoredTransfers() {
            @Override
            public long count(List<String> counties) {
                return sql.number("select count(*) from funds.transfer where county in ($1, $2)", counties.get(0), counties.get(1));
            }

            @Override
            public long mostPerKey(List<String> counties) {
                return sql.number("select coalesce(max(n), 0) from (select count(*) as n from funds.transfer "
                        + "where county in ($1, $2) group by county, client_key) k", counties.get(0), counties.get(1));
            }
        };
        long start = System.nanoTime();
        BankTest bank = new BankTest(door, TRANSFERS, stored);
        BankTest.Result r = bank.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        report.figure("bank test (HTTP)", TRANSFERS + " random transfers, 8 clients, 2 counties × 2 lines × 11 accounts",
                String.format("%d created in %.0f s; %d refused for funds; %d snapshots", r.created(), seconds, r.insufficient(),
                        r.snapshots()), "answers: " + bank.answerCounts());
        String section = "bank test (HTTP)";
        report.check(section, "no 5xx", () -> Invariants.equal("5xx answers", 0, r.fivexx()));
        report.check(section, "every snapshot balanced, no account below its floor", () -> {
            Invariants.none("snapshot violations", r.snapshotViolations());
            Invariants.atLeast("snapshots taken", 3, r.snapshots());
        });
        report.check(section, "retries replayed; a reused key with another amount refused", () -> {
            Invariants.none("retries answered differently", r.replayMismatches());
            Invariants.none("reused keys not refused with EXISTS_WITH_DIFFERENT_AMOUNT", r.reusedKeyAnswers().stream()
                    .filter(a -> !a.equals("422 EXISTS_WITH_DIFFERENT_AMOUNT")).toList());
        });
        report.check(section, "every 2xx in the ledger as answered; one transfer per key; nothing unanswered stored", () -> {
            Invariants.none("answers not reflected at the end", r.finalMismatches());
            Invariants.equal("transfers per key (most)", 1, r.transfersPerKeyMax());
            Invariants.equal("stored transfers", r.created() + r.setupTransfers(), r.storedTransfers());
        });
        report.check(section, "each county's audit chain verifies", () -> Invariants.none("unverified chains",
                r.verifications().stream().filter(v -> !v.path("valid").asBoolean()).map(Object::toString).toList()));
    }
}
