package cn.yiyang.timebank;

import static cn.yiyang.timebank.TimeBankFixtures.at;
import static cn.yiyang.timebank.TimeBankFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.route.Route;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Door;
import cn.yiyang.testing.DuplicateStorm;
import cn.yiyang.testing.DuplicateStorm.Case;
import cn.yiyang.testing.RetryingClient;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Fifty duplicates at once on every idempotent time-bank route, each in a county of its own: the first
 * answer for all, and the points moved once (balances, stock and the pool read back after the storm).
 */
public abstract class TimeBankDuplicateStormScenarios {

    private static final long EARNED_MINUTES = 240;

    protected abstract Door door();

    private Bank bank() {
        return Bank.fresh(RetryingClient.around(door()));
    }

    private Map<Route, Supplier<Case>> cases() {
        return Map.ofEntries(
                Map.entry(TimeBankRoutes.REGISTER, () -> Case.of(bank().register("vol-" + UUID.randomUUID(), LocalDate.of(1970, 3, 3)))),
                Map.entry(TimeBankRoutes.LOG, () -> {
                    Bank bank = bank();
                    return Case.of(bank.log(bank.volunteer(), bank.resident(Set.of()), at(1, 8, 0), at(1, 9, 0)));
                }),
                Map.entry(TimeBankRoutes.CONFIRM, this::confirm),
                Map.entry(TimeBankRoutes.REJECT, () -> {
                    Bank bank = bank();
                    String record = bank.logged(bank.volunteer(), bank.resident(Set.of()), at(1, 8, 0), at(1, 9, 0));
                    return Case.of(ApiRequest.post("/v1/time-bank/service-records/" + record + "/reject", "{}")
                            .bearer(bank.officer()).idempotencyKey(key()));
                }),
                Map.entry(TimeBankRoutes.ADD_ITEM, () -> Case.of(ApiRequest.post("/v1/time-bank/items",
                        "{\"name\":\"风暴兑换\",\"kind\":\"GOODS\",\"points\":10,\"stock\":3}").bearer(bank().officer()).idempotencyKey(key()))),
                Map.entry(TimeBankRoutes.EXCHANGE, this::exchange),
                Map.entry(TimeBankRoutes.CANCEL_EXCHANGE, this::cancelExchange),
                Map.entry(TimeBankRoutes.REDEEM_EXCHANGE, () -> {
                    Bank bank = bank();
                    String volunteer = earner(bank);
                    String exchange = expect(bank.send(bank.exchange(bank.volunteerToken(volunteer), bank.item("GOODS", 20, 5), null)), 201)
                            .json().path("id").asText();
                    return Case.of(ApiRequest.post("/v1/time-bank/exchanges/" + exchange + "/redeem", "{}")
                            .bearer(bank.operator()).idempotencyKey(key()));
                }),
                Map.entry(TimeBankRoutes.GIFT, () -> {
                    Bank bank = bank();
                    String volunteer = earner(bank);
                    String parent = bank.resident(Set.of(volunteer));
                    return new Case(bank.gift(volunteer, parent, 30), () -> assertBalances(bank, volunteer, EARNED_MINUTES - 30, parent, 30));
                }),
                Map.entry(TimeBankRoutes.DONATE, () -> {
                    Bank bank = bank();
                    String volunteer = earner(bank);
                    return new Case(bank.donate(bank.volunteerToken(volunteer), 40),
                            () -> assertThat(bank.pool().path("balance").asLong()).as("pool after one donation").isEqualTo(40));
                }),
                Map.entry(TimeBankRoutes.GRANT, this::grant));
    }

    @Test
    void theStormCases_coverExactlyTheIdempotentRoutesOfTheTable() {
        DuplicateStorm.assertCasesMatch(TimeBankRoutes.ALL, cases());
    }

    @TestFactory
    Stream<DynamicTest> fiftyDuplicatesAtOnce_onEveryIdempotentRoute_allGetTheFirstAnswer() {
        return DuplicateStorm.overEveryIdempotentRoute(TimeBankRoutes.ALL, cases(), door(), () -> { });
    }

    private Case confirm() {
        Bank bank = bank();
        String volunteer = bank.volunteer();
        String record = bank.logged(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 9, 0));
        return new Case(bank.confirm(record), () -> assertThat(balance(bank, volunteer)).as("earned once").isEqualTo(60));
    }

    private Case exchange() {
        Bank bank = bank();
        String volunteer = earner(bank);
        String item = bank.item("GOODS", 50, 10);
        return new Case(bank.exchange(bank.volunteerToken(volunteer), item, null), () -> {
            assertThat(balance(bank, volunteer)).as("spent once").isEqualTo(EARNED_MINUTES - 50);
            assertThat(bank.stock(item)).isEqualTo(9);
        });
    }

    private Case cancelExchange() {
        Bank bank = bank();
        String volunteer = earner(bank);
        String item = bank.item("GOODS", 50, 10);
        String exchange = expect(bank.send(bank.exchange(bank.volunteerToken(volunteer), item, null)), 201).json().path("id").asText();
        return new Case(bank.cancel(bank.volunteerToken(volunteer), exchange), () -> {
            assertThat(balance(bank, volunteer)).as("refunded once").isEqualTo(EARNED_MINUTES);
            assertThat(bank.stock(item)).isEqualTo(10);
        });
    }

    private Case grant() {
        Bank bank = bank();
        String volunteer = earner(bank);
        expect(bank.send(bank.donate(bank.volunteerToken(volunteer), 100)), 201);
        String priority = bank.resident(Set.of(), "TEKUN");
        return new Case(bank.grant(priority, 60), () -> {
            assertThat(balance(bank, priority)).as("granted once").isEqualTo(60);
            assertThat(bank.pool().path("balance").asLong()).isEqualTo(40);
        });
    }

    private static String earner(Bank bank) {
        String volunteer = bank.volunteer();
        bank.earn(volunteer, bank.resident(Set.of()), at(2, 8, 0), at(2, 8, 0).plusMinutes(EARNED_MINUTES));
        return volunteer;
    }

    private static long balance(Bank bank, String account) {
        return expect(bank.account(account), 200).json().path("balance").asLong();
    }

    private static void assertBalances(Bank bank, String from, long fromBalance, String to, long toBalance) {
        assertThat(balance(bank, from)).as("giver after one gift").isEqualTo(fromBalance);
        assertThat(balance(bank, to)).as("receiver after one gift").isEqualTo(toBalance);
    }

    private static String key() {
        return "storm-" + UUID.randomUUID();
    }
}
