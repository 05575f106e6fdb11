package cn.yiyang.timebank.exchanges;

import cn.yiyang.kernel.text.Text;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The catalog and exchange routes' requests; the routes naming one exchange by its path id alone take {@code ById}. */
public final class ExchangeRequests {

    private ExchangeRequests() {
    }

    /** {@code POST /v1/time-bank/items}: an officer adds something points buy. */
    @RegisterForReflection
    public record AddItem(@Text(maxChars = ExchangeRules.NAME_CHARS_MAX) String name, CatalogItem.Kind kind, long points,
                          long stock, String serviceCode) {
    }

    /**
     * {@code POST /v1/time-bank/exchanges}: {@code accountId} names a resident's account a family
     * member or operator spends for; absent, the caller's own.
     */
    @RegisterForReflection
    public record ExchangePoints(String itemId, String accountId) {
    }

    /** {@code GET /v1/time-bank/exchanges?voucherCode=}: the code a resident reads out on the phone, or every open voucher. */
    @RegisterForReflection
    public record OpenVouchers(String voucherCode) {
    }

    /** {@code POST /v1/time-bank/exchanges/{id}/redeem}: redeeming a SERVICE voucher names the booking made for it. */
    @RegisterForReflection
    public record Redeem(String id, String bookingId) {
    }
}
