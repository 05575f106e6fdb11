package cn.yiyang.funds.settlements;

import cn.yiyang.stores.pg.settlements.BookingSettlement;
import cn.yiyang.stores.settlements.MealSettlement;

/**
 * One line of a feed as the ledger settles it: the key it is paid under once, the payee, the counts
 * behind the amount, and the transfer's memo.
 */
record SettlementItem(String settlementKey, String payeeRef, String payeeName, long units, long subsidisedUnits,
                      long amountFen, String memo) {

    /** Payee account names are at most this long (the ledger's own limit). */
    static final int PAYEE_NAME_CHARS_MAX = 60;

    static SettlementItem of(MealSettlement m) {
        String name = firstOf(m.operatorName(), m.mealPointName(), "助餐点 " + m.mealPointId());
        return new SettlementItem(m.settlementKey(), m.mealPointId(), clip(name), m.servedMeals(), m.subsidisedMeals(),
                m.subsidyFen(), "助餐结算 " + m.date() + "：供餐 " + m.servedMeals() + " 份，其中补贴 " + m.subsidisedMeals() + " 份");
    }

    static SettlementItem of(BookingSettlement b) {
        String name = firstOf(b.providerName(), null, "服务机构 " + b.providerId());
        return new SettlementItem(b.settlementKey(), b.providerId(), clip(name), b.completedSubsidisedBookings(),
                b.completedSubsidisedBookings(), b.subsidyFen(),
                "服务补贴结算 " + b.month() + "：完成补贴服务 " + b.completedSubsidisedBookings() + " 次");
    }

    private static String firstOf(String a, String b, String fallback) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b != null && !b.isBlank() ? b.strip() : fallback;
    }

    private static String clip(String name) {
        return name.length() <= PAYEE_NAME_CHARS_MAX ? name : name.substring(0, PAYEE_NAME_CHARS_MAX);
    }
}
