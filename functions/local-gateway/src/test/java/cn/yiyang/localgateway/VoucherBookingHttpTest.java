package cn.yiyang.localgateway;

import static cn.yiyang.localgateway.AccessWorld.expect;
import static cn.yiyang.localgateway.AccessWorld.key;
import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.bookings.BookingFixtures;
import cn.yiyang.gateway.dispatch.ApiDispatcher;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.testing.ApiAnswer;
import cn.yiyang.testing.ApiRequest;
import cn.yiyang.testing.HttpDoor;
import cn.yiyang.testing.StoresTestResource;
import cn.yiyang.timebank.JobEvents;
import cn.yiyang.timebank.TimeBankRoutes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, vouchers ↔ bookings across the two stores, over real HTTP with every function in one
 * process: a SERVICE voucher pays a real booking, the booking learns it was paid by points (and no
 * service subsidy is settled for it), and its cancellation gives the points back once: by the refund job on
 * its own, or by a cancellation of the voucher by hand.
 */
@QuarkusTest
@QuarkusTestResource(StoresTestResource.class)
class VoucherBookingHttpTest {

    private final HttpDoor door = new HttpDoor(HttpPort.PORT);

    @Inject
    ApiDispatcher dispatcher;

    @Test
    void aBookingPaidByAVoucher_isMarkedPaidByPoints_andNoServiceSubsidyIsSettledForIt() {
        AccessWorld world = new AccessWorld(door);
        String voucher = world.exchange(world.r1, world.service);
        String paidByPoints = world.booking(world.r1, world.provider1, world.caregiver1);
        String paidAsUsual = world.booking(world.r1, world.provider1, world.caregiver1);

        expect(redeem(world, voucher, paidByPoints), 200);
        for (String booking : new String[] {paidByPoints, paidAsUsual}) {
            expect(door.send(BookingFixtures.step(booking, "check-in", world.token(Role.CAREGIVER), "{}")), 200);
            expect(door.send(BookingFixtures.step(booking, "check-out", world.token(Role.CAREGIVER), "{}")), 200);
        }
        JsonNode paid = expect(door.send(ApiRequest.get("/v1/bookings/" + paidByPoints).bearer(world.officer())), 200).json();
        JsonNode usual = expect(door.send(ApiRequest.get("/v1/bookings/" + paidAsUsual).bearer(world.officer())), 200).json();
        long settled = 0;
        long settledFen = 0;
        for (String month : new java.util.TreeSet<>(java.util.List.of(monthOf(paid), monthOf(usual)))) {
            JsonNode feed = expect(door.send(ApiRequest.get("/v1/booking-settlements").query("month", month)
                    .bearer(world.officer())), 200).json();
            for (JsonNode item : feed.path("items")) {
                if (item.path("providerId").asText().equals(world.provider1)) {
                    settled += item.path("completedSubsidisedBookings").asLong();
                    settledFen += item.path("subsidyFen").asLong();
                }
            }
        }

        assertThat(paid.path("paidByExchange").asText()).isEqualTo(voucher);
        assertThat(usual.hasNonNull("paidByExchange")).isFalse();
        assertThat(usual.path("subsidyFen").asLong()).as("the resident's categories are subsidised").isPositive();
        assertThat(settled).as("provider 1's settled bookings: only the one not paid by points").isEqualTo(1);
        assertThat(settledFen).isEqualTo(usual.path("subsidyFen").asLong());
    }

    @Test
    void cancellingABookingAVoucherPaid_givesThePointsBackOnce_andAStartedVisitTakesNoVoucher() {
        AccessWorld world = new AccessWorld(door);
        String voucher = world.exchange(world.r1, world.service);
        String booking = world.booking(world.r1, world.provider1, null);
        String started = world.booking(world.r1, world.provider1, world.caregiver1);
        long before = balance(world);

        expect(door.send(BookingFixtures.step(started, "check-in", world.token(Role.CAREGIVER), "{}")), 200);
        ApiAnswer tooLate = redeem(world, voucher, started);
        expect(redeem(world, voucher, booking), 200);
        ApiAnswer beforeTheBookingIsCancelled = cancelVoucher(world, voucher);
        expect(door.send(BookingFixtures.step(booking, "cancel", world.token(Role.FAMILY), "{}")), 200);
        ApiAnswer refunded = cancelVoucher(world, voucher);
        ApiAnswer again = cancelVoucher(world, voucher);

        assertThat(tooLate.code()).isEqualTo("BOOKING_NOT_PAYABLE");
        assertThat(beforeTheBookingIsCancelled.code()).isEqualTo("EXCHANGE_NOT_CANCELLABLE");
        assertThat(refunded.status()).isEqualTo(200);
        assertThat(again.code()).isEqualTo("EXCHANGE_NOT_CANCELLABLE");
        assertThat(balance(world)).as("the voucher's 10 points back, once").isEqualTo(before + 10);
    }

    @Test
    void cancellingABookingAVoucherPaid_getsThePointsBackFromTheRefundJob_once_withNobodyCancellingTheVoucher() {
        AccessWorld world = new AccessWorld(door);
        String voucher = world.exchange(world.r1, world.service);
        String booking = world.booking(world.r1, world.provider1, null);
        long before = balance(world);

        expect(redeem(world, voucher, booking), 200);
        expect(door.send(BookingFixtures.step(booking, "cancel", world.token(Role.FAMILY), "{}")), 200);
        JsonNode run = refundJob();
        JsonNode again = refundJob();
        ApiAnswer byHandAfter = cancelVoucher(world, voucher);

        assertThat(run.path("refunded").asInt()).as("this booking's voucher, and any other of the county's left").isPositive();
        assertThat(again.path("refunded").asInt()).isZero();
        assertThat(byHandAfter.code()).isEqualTo("EXCHANGE_NOT_CANCELLABLE");
        assertThat(expect(door.send(ApiRequest.get("/v1/time-bank/exchanges/" + voucher).bearer(world.officer())), 200)
                .json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(balance(world)).as("the voucher's 10 points back, once").isEqualTo(before + 10);
    }

    /** The refund job as EventBridge hands it to the time-bank Lambda (no HTTP route): its answer for the county. */
    private JsonNode refundJob() {
        ApiAnswer answer = JobEvents.run(dispatcher, TimeBankRoutes.REFUND_CANCELLED_BOOKINGS, AccessWorld.COUNTY);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        try {
            return new ObjectMapper().readTree(answer.json().path("runs").get(0).path("answer").asText());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private ApiAnswer redeem(AccessWorld world, String voucher, String booking) {
        return door.send(ApiRequest.post("/v1/time-bank/exchanges/" + voucher + "/redeem", "{\"bookingId\":\"" + booking + "\"}")
                .bearer(world.token(Role.OPERATOR)).idempotencyKey(key()));
    }

    private ApiAnswer cancelVoucher(AccessWorld world, String voucher) {
        return door.send(ApiRequest.post("/v1/time-bank/exchanges/" + voucher + "/cancel", "{}")
                .bearer(world.token(Role.FAMILY)).idempotencyKey(key()));
    }

    private static String monthOf(JsonNode booking) {
        return YearMonth.from(java.time.OffsetDateTime.parse(booking.path("startsAt").asText())).toString();
    }

    private long balance(AccessWorld world) {
        return expect(door.send(ApiRequest.get("/v1/time-bank/accounts/" + world.r1).bearer(world.officer())), 200)
                .json().path("balance").asLong();
    }
}
