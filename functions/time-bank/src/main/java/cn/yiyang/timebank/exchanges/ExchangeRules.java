package cn.yiyang.timebank.exchanges;

import cn.yiyang.kernel.access.AccessTable;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.route.Role;
import cn.yiyang.kernel.text.FreeText;
import cn.yiyang.cards.bookings.BookingCard;
import cn.yiyang.timebank.TimeBankProblem;
import java.util.Optional;
import java.time.OffsetDateTime;
import java.util.function.BooleanSupplier;

/**
 * The rules of the catalog and of an exchange's life, free of any store: what an item may be, what
 * an exchange needs to be made, and its state machine: opened (AWAITING_BOOKING for a SERVICE,
 * TO_COLLECT for GOODS), then closed once, by redemption (BOOKED, COLLECTED) or by cancellation
 * (CANCELLED, which refunds). A closed exchange never moves again, so its refund happens at most once.
 */
public final class ExchangeRules {

    public static final long POINTS_MAX = 100_000;
    public static final long STOCK_MAX = 1_000_000;
    public static final int NAME_CHARS_MAX = 50;
    public static final int ID_CHARS_MAX = 64;
    private static final java.util.regex.Pattern SERVICE_CODE = java.util.regex.Pattern.compile("[A-Z_]{2,20}");

    private ExchangeRules() {
    }

    /** A new catalog item: a name, a kind, a price of 1 to {@link #POINTS_MAX} points and a stock of 0 to {@link #STOCK_MAX}. */
    public static CatalogItem newItem(String id, ExchangeRequests.AddItem request) {
        if (request.name() == null || request.name().isBlank() || FreeText.length(request.name()) > NAME_CHARS_MAX) {
            throw ApiException.invalid("name", "REQUIRED", "1 to " + NAME_CHARS_MAX + " characters");
        }
        if (request.kind() == null) {
            throw ApiException.invalid("kind", "REQUIRED", "SERVICE or GOODS");
        }
        if (request.points() < 1 || request.points() > POINTS_MAX || request.stock() < 0 || request.stock() > STOCK_MAX) {
            throw ApiException.invalid("points", "OUT_OF_RANGE", "1 to " + POINTS_MAX + " points, stock 0 to " + STOCK_MAX);
        }
        boolean service = request.kind() == CatalogItem.Kind.SERVICE;
        if (service != (request.serviceCode() != null)
                || (service && !SERVICE_CODE.matcher(request.serviceCode()).matches())) {
            throw ApiException.invalid("serviceCode", service ? "REQUIRED" : "NOT_A_SERVICE",
                    service ? "The care catalog's code of the service, e.g. BATH" : "Only a SERVICE names a service code");
        }
        return new CatalogItem(id, request.name().strip(), request.kind(), request.points(), request.stock(),
                request.serviceCode());
    }

    /** The item's id is required; an account id, when given, is well formed. */
    public static void requireWellFormed(ExchangeRequests.ExchangePoints request) {
        if (!isId(request.itemId())) {
            throw ApiException.invalid("itemId", "REQUIRED", "The catalog item's id");
        }
        if (request.accountId() != null && !isId(request.accountId())) {
            throw ApiException.invalid("accountId", "BAD_ID", "The account's id, or none for one's own");
        }
    }

    /**
     * What the balance and the stock last seen allow, points first: the same order in which the
     * transaction's own conditions are read, so a race and a plain refusal answer alike.
     */
    public static void requireAvailable(CatalogItem item, long balance) {
        if (balance < item.points()) {
            throw new ApiException(TimeBankProblem.INSUFFICIENT_POINTS, "The balance does not cover " + item.points());
        }
        if (item.stock() < 1) {
            throw new ApiException(TimeBankProblem.OUT_OF_STOCK, "No stock left");
        }
    }

    /** An exchange just made: a SERVICE is a voucher awaiting its booking, GOODS wait to be collected. */
    public static Exchange opened(String id, String accountId, CatalogItem item, String voucherCode, OffsetDateTime at) {
        Exchange.Status status = item.kind() == CatalogItem.Kind.SERVICE
                ? Exchange.Status.AWAITING_BOOKING : Exchange.Status.TO_COLLECT;
        return new Exchange(id, accountId, item.id(), item.name(), item.kind(), item.points(), status, voucherCode, null,
                at, null, null, item.serviceCode());
    }

    /**
     * Open → CANCELLED; BOOKED → CANCELLED only once the booking it paid is cancelled
     * ({@code bookingCancelled}: its cancellation committed and this exchange paid it); anything else
     * is refused, so the points come back at most once.
     */
    public static Exchange cancelled(Exchange exchange, boolean bookingCancelled, OffsetDateTime when, String by) {
        boolean refundable = exchange.status().isOpen() || (exchange.status() == Exchange.Status.BOOKED && bookingCancelled);
        if (!refundable) {
            throw new ApiException(TimeBankProblem.EXCHANGE_NOT_CANCELLABLE, "The exchange is " + exchange.status());
        }
        return exchange.closed(Exchange.Status.CANCELLED, null, when, by);
    }

    /** Open → BOOKED (a SERVICE voucher, naming its booking) or COLLECTED (GOODS). */
    public static Exchange redeemed(Exchange exchange, String bookingId, OffsetDateTime when, String by) {
        if (!exchange.status().isOpen()) {
            throw new ApiException(TimeBankProblem.EXCHANGE_NOT_REDEEMABLE, "The exchange is " + exchange.status());
        }
        if (exchange.kind() != CatalogItem.Kind.SERVICE) {
            return exchange.closed(Exchange.Status.COLLECTED, null, when, by);
        }
        if (!isId(bookingId)) {
            throw ApiException.invalid("bookingId", "REQUIRED", "The booking made for this service voucher");
        }
        return exchange.closed(Exchange.Status.BOOKED, bookingId, when, by);
    }

    /**
     * The rule table for one exchange: officers any; the holder, linked family, and operators for a
     * resident's account ({@code mayActForAccount}); a provider only a SERVICE voucher still awaiting
     * its booking (the one a resident handed it by code), and redeeming it names one of the provider's
     * own bookings.
     */
    public static boolean reaches(Caller caller, Action action, Exchange exchange, BooleanSupplier mayActForAccount) {
        return AccessTable.reaches(caller, ObjectKind.EXCHANGE, action, role -> role == Role.PROVIDER
                ? exchange.status() == Exchange.Status.AWAITING_BOOKING
                : mayActForAccount.getAsBoolean());
    }

    /**
     * A SERVICE voucher pays a booking of its own resident and service that no exchange has paid and
     * whose visit has not started; the booking's card says so, and the redemption's transaction holds
     * the card to what was read here.
     */
    public static void requirePayable(Exchange voucher, Optional<String> voucherResident, BookingCard booking) {
        if (voucherResident.isEmpty() || !voucherResident.get().equals(booking.residentId())
                || !java.util.Objects.equals(voucher.serviceCode(), booking.serviceCode())) {
            throw new ApiException(TimeBankProblem.VOUCHER_BOOKING_MISMATCH,
                    "The booking is not for the voucher's resident and service");
        }
        if (booking.paidByExchange() != null) {
            throw new ApiException(TimeBankProblem.BOOKING_ALREADY_PAID, "Another exchange paid this booking");
        }
        if (!booking.redeemable()) {
            throw new ApiException(TimeBankProblem.BOOKING_NOT_PAYABLE, "The visit has started or the booking is closed");
        }
    }

    private static boolean isId(String id) {
        return id != null && !id.isBlank() && FreeText.length(id) <= ID_CHARS_MAX;
    }
}
