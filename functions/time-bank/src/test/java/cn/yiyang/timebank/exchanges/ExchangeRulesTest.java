package cn.yiyang.timebank.exchanges;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.cards.bookings.BookingCard;
import cn.yiyang.timebank.Refusal;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalog's bounds, what an exchange needs, and an exchange's state machine (refunded at most once), without a door. */
class ExchangeRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-20T10:00:00+08:00");

    @ParameterizedTest(name = "{0} {1} {2} points, stock {3} → {4}")
    @CsvSource(nullValues = "-", value = {
            "助洁服务一次, SERVICE, 1,       0,       CLEAN, OK",
            "米一袋,     GOODS,   100000,  1000000, -,     OK",
            "-,         GOODS,   10,      1,       -,     name REQUIRED",
            "' ',       GOODS,   10,      1,       -,     name REQUIRED",
            "米一袋,     -,       10,      1,       -,     kind REQUIRED",
            "米一袋,     GOODS,   0,       1,       -,     points OUT_OF_RANGE",
            "米一袋,     GOODS,   100001,  1,       -,     points OUT_OF_RANGE",
            "米一袋,     GOODS,   10,      -1,      -,     points OUT_OF_RANGE",
            "米一袋,     GOODS,   10,      1000001, -,     points OUT_OF_RANGE",
            "助洁服务一次, SERVICE, 10,      1,       -,     serviceCode REQUIRED",
            "助洁服务一次, SERVICE, 10,      1,       clean, serviceCode REQUIRED",
            "米一袋,     GOODS,   10,      1,       CLEAN, serviceCode NOT_A_SERVICE",
    })
    void aCatalogItem_hasAName_aKind_aPrice_aStockWithinBounds_andAServiceCodeForAService(String name, CatalogItem.Kind kind,
            long points, long stock, String serviceCode, String expected) {
        assertThat(Refusal.of(() -> ExchangeRules.newItem("i-1", new ExchangeRequests.AddItem(name, kind, points, stock,
                serviceCode)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "balance {0}, price {1}, stock {2} → {3}")
    @CsvSource({
            "50,  50, 1, OK",
            "49,  50, 1, INSUFFICIENT_POINTS",
            "500, 50, 0, OUT_OF_STOCK",
            "0,   50, 0, INSUFFICIENT_POINTS",
    })
    void anExchange_needsTheWholePrice_andOneInStock_pointsCheckedFirst(long balance, long points, long stock,
                                                                         String expected) {
        CatalogItem item = new CatalogItem("i-1", "米一袋", CatalogItem.Kind.GOODS, points, stock, null);

        assertThat(Refusal.of(() -> ExchangeRules.requireAvailable(item, balance))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "itemId={0}, accountId={1} → {2}")
    @CsvSource(nullValues = "-", value = {
            "i-1, -,   OK",
            "i-1, a-1, OK",
            "-,   -,   itemId REQUIRED",
            "' ', -,   itemId REQUIRED",
            "i-1, ' ', accountId BAD_ID",
    })
    void anExchange_namesItsItem_andMaybeTheAccountItSpendsFrom(String itemId, String accountId, String expected) {
        assertThat(Refusal.of(() -> ExchangeRules.requireWellFormed(new ExchangeRequests.ExchangePoints(itemId, accountId))))
                .isEqualTo(expected);
    }

    @Test
    void anIdLongerThanSixtyFourCharacters_isRefused() {
        String tooLong = "i".repeat(ExchangeRules.ID_CHARS_MAX + 1);

        assertThat(Refusal.of(() -> ExchangeRules.requireWellFormed(new ExchangeRequests.ExchangePoints(tooLong, null))))
                .isEqualTo("itemId REQUIRED");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"SERVICE, AWAITING_BOOKING", "GOODS, TO_COLLECT"})
    void anExchange_opens_asAVoucherAwaitingItsBooking_orGoodsToCollect(CatalogItem.Kind kind, Exchange.Status status) {
        Exchange opened = ExchangeRules.opened("x-1", "a-1", new CatalogItem("i-1", "项目", kind, 30, 5, kind == CatalogItem.Kind.SERVICE ? "BATH" : null), "ABC234", NOW);

        assertThat(opened.status()).isEqualTo(status);
        assertThat(opened.status().isOpen()).isTrue();
        assertThat(opened.points()).isEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CatalogItem.Kind.class)
    void cancelling_closesAnOpenExchange_once_soItsPointsComeBackAtMostOnce(CatalogItem.Kind kind) {
        Exchange open = ExchangeRules.opened("x-1", "a-1", new CatalogItem("i-1", "项目", kind, 30, 5, kind == CatalogItem.Kind.SERVICE ? "BATH" : null), "ABC234", NOW);

        Exchange cancelled = ExchangeRules.cancelled(open, false, NOW, "a-1");

        assertThat(cancelled.status()).isEqualTo(Exchange.Status.CANCELLED);
        assertThat(cancelled.closedBy()).isEqualTo("a-1");
        assertThat(Refusal.of(() -> ExchangeRules.cancelled(cancelled, false, NOW, "a-1"))).isEqualTo("EXCHANGE_NOT_CANCELLABLE");
        assertThat(Refusal.of(() -> ExchangeRules.redeemed(cancelled, "bk-1", NOW, "op-1"))).isEqualTo("EXCHANGE_NOT_REDEEMABLE");
    }

    @Test
    void aServiceVoucher_isRedeemedByTheBookingMadeForIt_andThenCannotBeCancelled() {
        Exchange voucher = ExchangeRules.opened("x-1", "a-1", new CatalogItem("i-1", "助浴", CatalogItem.Kind.SERVICE, 60, 5, "BATH"),
                "ABC234", NOW);

        Exchange booked = ExchangeRules.redeemed(voucher, "bk-123", NOW, "op-1");

        assertThat(Refusal.of(() -> ExchangeRules.redeemed(voucher, null, NOW, "op-1"))).isEqualTo("bookingId REQUIRED");
        assertThat(Refusal.of(() -> ExchangeRules.redeemed(voucher, " ", NOW, "op-1"))).isEqualTo("bookingId REQUIRED");
        assertThat(booked.status()).isEqualTo(Exchange.Status.BOOKED);
        assertThat(booked.bookingId()).isEqualTo("bk-123");
        assertThat(Refusal.of(() -> ExchangeRules.cancelled(booked, false, NOW, "a-1"))).isEqualTo("EXCHANGE_NOT_CANCELLABLE");
        assertThat(Refusal.of(() -> ExchangeRules.redeemed(booked, "bk-124", NOW, "op-1"))).isEqualTo("EXCHANGE_NOT_REDEEMABLE");
    }

    @Test
    void aBookedVoucher_isCancelled_onlyOnceItsBookingsCancellationCommitted() {
        Exchange voucher = ExchangeRules.opened("x-1", "a-1", new CatalogItem("i-1", "助浴", CatalogItem.Kind.SERVICE, 60, 5, "BATH"),
                "ABC234", NOW);
        Exchange booked = ExchangeRules.redeemed(voucher, "bk-123", NOW, "op-1");

        Exchange refunded = ExchangeRules.cancelled(booked, true, NOW, "a-1");

        assertThat(refunded.status()).isEqualTo(Exchange.Status.CANCELLED);
        assertThat(Refusal.of(() -> ExchangeRules.cancelled(refunded, true, NOW, "a-1"))).isEqualTo("EXCHANGE_NOT_CANCELLABLE");
    }

    /** Issue 13: a provider closed a resident's voucher with a made-up booking id. The card is the booking as committed. */
    @ParameterizedTest(name = "voucher of {0} for BATH, booking of {1} for {2}, paid by {3}, redeemable {4} → {5}")
    @CsvSource(nullValues = "-", value = {
            "r-1, r-1, BATH,  -,   true,  OK",
            "r-1, r-2, BATH,  -,   true,  VOUCHER_BOOKING_MISMATCH",
            "r-1, r-1, CLEAN, -,   true,  VOUCHER_BOOKING_MISMATCH",
            "-,   r-1, BATH,  -,   true,  VOUCHER_BOOKING_MISMATCH",
            "r-1, r-1, BATH,  x-9, true,  BOOKING_ALREADY_PAID",
            "r-1, r-1, BATH,  -,   false, BOOKING_NOT_PAYABLE",
    })
    void aServiceVoucher_paysABookingOfItsResidentAndService_unpaid_beforeTheVisitStarts(String voucherResident,
            String bookingResident, String service, String paidBy, boolean redeemable, String expected) {
        Exchange voucher = ExchangeRules.opened("x-1", "a-1", new CatalogItem("i-1", "助浴", CatalogItem.Kind.SERVICE, 60, 5, "BATH"),
                "ABC234", NOW);
        BookingCard booking = new BookingCard("330105", "bk-1", bookingResident, service, "p-1", redeemable, false, paidBy);

        assertThat(Refusal.of(() -> ExchangeRules.requirePayable(voucher, java.util.Optional.ofNullable(voucherResident), booking)))
                .isEqualTo(expected);
    }

    @Test
    void goods_areCollected_withoutABooking() {
        Exchange goods = ExchangeRules.opened("x-1", "a-1", new CatalogItem("i-1", "米一袋", CatalogItem.Kind.GOODS, 20, 5, null),
                "ABC234", NOW);

        Exchange collected = ExchangeRules.redeemed(goods, null, NOW, "officer-1");

        assertThat(collected.status()).isEqualTo(Exchange.Status.COLLECTED);
        assertThat(collected.bookingId()).isNull();
        assertThat(Refusal.of(() -> ExchangeRules.cancelled(collected, true, NOW, "a-1"))).isEqualTo("EXCHANGE_NOT_CANCELLABLE");
    }

    @ParameterizedTest(name = "{0}, may act for the account {1}, voucher {2} → {3}")
    @CsvSource({
            "OFFICER,   false, BOOKED,           true",
            "OPERATOR,  true,  AWAITING_BOOKING, true",
            "OPERATOR,  false, AWAITING_BOOKING, true",
            "PROVIDER,  false, AWAITING_BOOKING, true",
            "PROVIDER,  false, BOOKED,           false",
            "PROVIDER,  false, CANCELLED,        false",
            "VOLUNTEER, true,  BOOKED,           true",
            "FAMILY,    true,  BOOKED,           true",
            "VOLUNTEER, false, AWAITING_BOOKING, false",
            "RESIDENT,  false, AWAITING_BOOKING, false",
            "CANTEEN,   true,  AWAITING_BOOKING, false",
    })
    void officersReachEveryExchange_providersOpenVouchers_othersThoseOfAnAccountTheyMayActFor(Role role, boolean mayActFor,
            Exchange.Status status, boolean reaches) {
        Exchange voucher = new Exchange("x-1", "a-1", "i-1", "助浴一次", CatalogItem.Kind.SERVICE, 60, status, "ABC234",
                null, NOW, null, null, "BATH");

        assertThat(ExchangeRules.reaches(new Caller("someone", "330105", Set.of(role)), Action.ACT, voucher, () -> mayActFor))
                .isEqualTo(reaches);
    }
}
