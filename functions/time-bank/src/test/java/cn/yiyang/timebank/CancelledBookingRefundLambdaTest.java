package cn.yiyang.timebank;

import static cn.yiyang.timebank.TimeBankFixtures.at;
import static cn.yiyang.timebank.TimeBankFixtures.expect;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.Concurrently;
import cn.yiyang.testing.InProcessLambdaDoor;
import cn.yiyang.testing.LambdaDoor;
import cn.yiyang.testing.RetryingClient;
import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.testing.TestBookings;
import cn.yiyang.timebank.exchanges.CancelledBookingRefunds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Points come back on their own when a booking a voucher paid is cancelled: the refund job, invoked as
 * EventBridge invokes it, on DynamoDB Local. Exactly once, whatever runs beside it: the same run again,
 * runs at once, and cancellations by hand racing them. Each scenario has a county of its own.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class CancelledBookingRefundLambdaTest {

    static final long EARNED = 240;
    static final long VOUCHER_POINTS = 30;
    static final int BOOKINGS = 6;
    static final int RUNS_AT_ONCE = 3;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final LambdaDoor lambda = LambdaDoor.ofThisTest();

    @Inject
    ApiDispatcher dispatcher;

    @Inject
    TimeBankStore store;

    @Test
    void aCancelledVoucherPaidBooking_getsItsPointsAndStockBackFromTheJob_once() {
        Paid paid = Paid.vouchers(lambda, 1);
        String exchange = paid.exchanges.get(0);
        String booking = paid.bookings.get(0);
        TestBookings.cancel(paid.bank.county, booking);

        JsonNode first = run(paid.bank.county);
        JsonNode again = run(paid.bank.county);
        ApiAnswer byHandAfter = paid.bank.send(paid.bank.cancel(paid.bank.volunteerToken(paid.volunteer), exchange));

        assertThat(first).isEqualTo(counts(1, 0, 0));
        assertThat(again).isEqualTo(counts(0, 0, 0));
        assertThat(byHandAfter.code()).isEqualTo("EXCHANGE_NOT_CANCELLABLE");
        assertThat(status(paid.bank, exchange)).isEqualTo("CANCELLED");
        paid.assertEachRefundedOnce(store);
    }

    @Test
    void theJobRunTwice_andRunsAtOnce_giveEachBookingsPointsBackExactlyOnce() {
        Paid paid = Paid.vouchers(lambda, BOOKINGS);
        paid.bookings.forEach(booking -> TestBookings.cancel(paid.bank.county, booking));

        List<JsonNode> atOnce = Concurrently.run(RUNS_AT_ONCE, c -> inProcessRun(paid.bank.county));
        JsonNode after = run(paid.bank.county);
        JsonNode last = run(paid.bank.county);

        System.out.println(getClass().getSimpleName() + ": runs at once " + atOnce + ", then " + after);
        int refunded = atOnce.stream().mapToInt(r -> r.path("refunded").asInt()).sum() + after.path("refunded").asInt();
        assertThat(refunded).as(atOnce + " then " + after).isEqualTo(BOOKINGS);
        assertThat(last).isEqualTo(counts(0, 0, 0));
        paid.exchanges.forEach(exchange -> assertThat(status(paid.bank, exchange)).isEqualTo("CANCELLED"));
        paid.assertEachRefundedOnce(store);
    }

    @Test
    void cancellationsByHand_racingTheJob_giveThePointsBackExactlyOnce() {
        Paid paid = Paid.vouchers(lambda, BOOKINGS);
        paid.bookings.forEach(booking -> TestBookings.cancel(paid.bank.county, booking));
        RetryingClient client = RetryingClient.around(new InProcessLambdaDoor(dispatcher));
        String holder = paid.bank.volunteerToken(paid.volunteer);

        List<Object> raced = Concurrently.run(BOOKINGS + RUNS_AT_ONCE, c -> c < BOOKINGS
                ? client.send(paid.bank.cancel(holder, paid.exchanges.get(c)))
                : inProcessRun(paid.bank.county));
        JsonNode after = run(paid.bank.county);

        System.out.println(getClass().getSimpleName() + ": raced " + raced.stream().map(r -> r instanceof ApiAnswer a
                ? "cancel " + a.status() : r.toString()).toList() + ", then " + after + "; " + client.retries() + " requests sent again");
        List<ApiAnswer> byHand = raced.stream().filter(ApiAnswer.class::isInstance).map(ApiAnswer.class::cast).toList();
        long cancelledByHand = byHand.stream().filter(a -> a.status() == 200).count();
        assertThat(byHand.stream().filter(a -> a.status() != 200).map(ApiAnswer::code).collect(Collectors.toSet()))
                .isSubsetOf(Set.of("EXCHANGE_NOT_CANCELLABLE"));
        int refundedByJob = raced.stream().filter(JsonNode.class::isInstance).map(JsonNode.class::cast)
                .mapToInt(r -> r.path("refunded").asInt()).sum() + after.path("refunded").asInt();
        assertThat(cancelledByHand + refundedByJob).as(raced + " then " + after).isEqualTo(BOOKINGS);
        assertThat(run(paid.bank.county)).isEqualTo(counts(0, 0, 0));
        paid.assertEachRefundedOnce(store);
    }

    @Test
    void aCancelledBookingNoVoucherPaid_movesNoPoints_andLeavesAnOpenVoucherOpen() {
        Bank bank = Bank.fresh(lambda);
        String resident = bank.resident(LocalDate.of(1968, 6, 1));
        String volunteer = bank.volunteerLinkedTo(resident);
        bank.earn(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 12, 0));
        String voucher = expect(bank.send(bank.exchange(bank.volunteerToken(volunteer), bank.item("SERVICE", VOUCHER_POINTS, 5), null)), 201)
                .json().path("id").asText();
        String unpaid = TestBookings.publish(bank.county, resident, Bank.VOUCHER_SERVICE, "provider-1");
        TestBookings.cancel(bank.county, unpaid);

        JsonNode first = run(bank.county);
        JsonNode again = run(bank.county);

        assertThat(first).isEqualTo(counts(0, 1, 0));
        assertThat(again).isEqualTo(counts(0, 0, 0));
        assertThat(status(bank, voucher)).isEqualTo("AWAITING_BOOKING");
        assertThat(expect(bank.account(volunteer), 200).json().path("balance").asLong()).isEqualTo(EARNED - VOUCHER_POINTS);
        assertThat(store.get(CancelledBookingRefunds.refundPk(bank.county, unpaid), CancelledBookingRefunds.REFUND)).isEmpty();
    }

    /** One job run for one county through the Lambda handler: its answer for that county. */
    private JsonNode run(String county) {
        ApiAnswer answer = lambda.invoke(TimeBankRoutes.REFUND_CANCELLED_BOOKINGS.event(List.of(county)));
        return jobAnswer(answer);
    }

    private JsonNode inProcessRun(String county) {
        return jobAnswer(JobEvents.run(dispatcher, TimeBankRoutes.REFUND_CANCELLED_BOOKINGS, county));
    }

    private static JsonNode jobAnswer(ApiAnswer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode run = answer.json().path("runs").get(0);
        assertThat(run.path("status").asInt()).as(answer.toString()).isEqualTo(200);
        try {
            JsonNode counts = MAPPER.readTree(run.path("answer").asText());
            return counts(counts.path("refunded").asInt(), counts.path("owedNothing").asInt(), counts.path("leftForNextRun").asInt());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode counts(int refunded, int owedNothing, int leftForNextRun) {
        return MAPPER.valueToTree(Map.of("refunded", refunded, "owedNothing", owedNothing,
                "leftForNextRun", leftForNextRun));
    }

    private static String status(Bank bank, String exchange) {
        return expect(bank.send(ApiRequest.get("/v1/time-bank/exchanges/" + exchange).bearer(bank.officer())), 200)
                .json().path("status").asText();
    }

    /** A volunteer's linked resident with bookings each paid by one of the volunteer's vouchers. */
    private static final class Paid {
        final Bank bank;
        final String volunteer;
        final String item;
        final List<String> exchanges = new ArrayList<>();
        final List<String> bookings = new ArrayList<>();

        private Paid(Bank bank, String volunteer, String item) {
            this.bank = bank;
            this.volunteer = volunteer;
            this.item = item;
        }

        static Paid vouchers(LambdaDoor door, int count) {
            Bank bank = Bank.fresh(door);
            String resident = bank.resident(LocalDate.of(1968, 6, 1));
            String volunteer = bank.volunteerLinkedTo(resident);
            bank.earn(volunteer, bank.resident(Set.of()), at(1, 8, 0), at(1, 12, 0));
            Paid paid = new Paid(bank, volunteer, bank.item("SERVICE", VOUCHER_POINTS, 20));
            IntStream.range(0, count).forEach(i -> {
                String exchange = expect(bank.send(bank.exchange(bank.volunteerToken(volunteer), paid.item, null)), 201)
                        .json().path("id").asText();
                String booking = TestBookings.publish(bank.county, resident, Bank.VOUCHER_SERVICE, "provider-1");
                expect(bank.send(ApiRequest.post("/v1/time-bank/exchanges/" + exchange + "/redeem", "{\"bookingId\":\"" + booking + "\"}")
                        .bearer(bank.operator()).idempotencyKey("r-" + UUID.randomUUID())), 200);
                paid.exchanges.add(exchange);
                paid.bookings.add(booking);
            });
            assertThat(expect(bank.account(volunteer), 200).json().path("balance").asLong())
                    .isEqualTo(EARNED - count * VOUCHER_POINTS);
            assertThat(bank.stock(paid.item)).isEqualTo(20 - count);
            return paid;
        }

        /** Every point and every item back, one REFUNDED entry and one refund record per booking. */
        void assertEachRefundedOnce(TimeBankStore store) {
            JsonNode account = expect(bank.account(volunteer), 200).json();
            assertThat(account.path("balance").asLong()).isEqualTo(EARNED);
            assertThat(account.path("spent").asLong()).isZero();
            assertThat(bank.stock(item)).isEqualTo(20);
            List<String> refundedExchanges = new ArrayList<>();
            account.path("statement").forEach(entry -> {
                if (entry.path("kind").asText().equals("REFUNDED")) {
                    assertThat(entry.path("points").asLong()).isEqualTo(VOUCHER_POINTS);
                    refundedExchanges.add(entry.path("cause").path("id").asText());
                }
            });
            assertThat(refundedExchanges).containsExactlyInAnyOrderElementsOf(exchanges);
            for (int i = 0; i < bookings.size(); i++) {
                assertThat(store.get(CancelledBookingRefunds.refundPk(bank.county, bookings.get(i)), CancelledBookingRefunds.REFUND)
                        .map(record -> record.get("exchangeId").s())).contains(exchanges.get(i));
            }
        }
    }
}
