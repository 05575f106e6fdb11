package cn.yiyang.funds.settlements;

import cn.yiyang.stores.pg.settlements.BookingSettlement;
import cn.yiyang.stores.pg.settlements.CompletedVisit;
import cn.yiyang.stores.settlements.MealSettlement;
import cn.yiyang.stores.settlements.ServedMeal;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of a feed as the ledger settles it: the key it is paid under once, the payee, the counts
 * behind the amount, the transfer's memo, and the single meals or visits that make up the amount
 * (read only for the items a run is about to settle; empty before).
 */
record SettlementItem(String settlementKey, String payeeRef, String payeeName, long units, long subsidisedUnits,
                      long amountFen, String memo, List<Line> lines, String baseKey, String supersedes) {

    /** Payee account names are at most this long (the ledger's own limit). */
    static final int PAYEE_NAME_CHARS_MAX = 60;
    /** Meals or visits behind one settlement: a provider's month is a few thousand at most. */
    static final int LINES_PER_SETTLEMENT_MAX = 20_000;

    /** One served meal order or completed visit: its id, the resident served, the day, the subsidy paid for it. */
    record Line(String itemRef, String residentId, LocalDate date, long amountFen) {

        static Line of(ServedMeal meal) {
            return new Line(meal.orderId(), meal.residentId(), meal.date(), meal.subsidyFen());
        }

        static Line of(CompletedVisit visit) {
            return new Line(visit.bookingId(), visit.residentId(), visit.date(), visit.subsidyFen());
        }
    }

    static SettlementItem of(MealSettlement m) {
        String name = firstOf(m.operatorName(), m.mealPointName(), "助餐点 " + m.mealPointId());
        return new SettlementItem(m.settlementKey(), m.mealPointId(), clip(name), m.servedMeals(), m.subsidisedMeals(),
                m.subsidyFen(), "助餐结算 " + m.date() + "：供餐 " + m.servedMeals() + " 份，其中补贴 " + m.subsidisedMeals() + " 份",
                List.of(), null, null);
    }

    static SettlementItem of(BookingSettlement b) {
        String name = firstOf(b.providerName(), null, "服务机构 " + b.providerId());
        return new SettlementItem(b.settlementKey(), b.providerId(), clip(name), b.completedSubsidisedBookings(),
                b.completedSubsidisedBookings(), b.subsidyFen(),
                "服务补贴结算 " + b.month() + "：完成补贴服务 " + b.completedSubsidisedBookings() + " 次", List.of(), null, null);
    }

    /**
     * A provider's released visits paid on their own ({@link ReleasedVisits}): none of the month's own visits, so no
     * units; the amount is what the released visits came to when the run read them, read again when settled.
     */
    static SettlementItem releasedOnly(String key, String providerId, String providerName, String month, long visits, long fen) {
        String name = firstOf(providerName, null, "服务机构 " + providerId);
        return new SettlementItem(key, providerId, clip(name), 0, 0, fen,
                "服务补贴补付 " + month + "：放行的暂扣服务 " + visits + " 次", List.of(), null, null);
    }

    /** Pays only released visits, whatever the provider's month holds. */
    boolean releasedOnly() {
        return (baseKey == null ? settlementKey : baseKey).endsWith(ReleasedVisits.KEY_SUFFIX);
    }

    SettlementItem withLines(List<Line> read) {
        return new SettlementItem(settlementKey, payeeRef, payeeName, units, subsidisedUnits, amountFen, memo, List.copyOf(read),
                baseKey, supersedes);
    }

    /**
     * A provider's month without its visits held as far too short, with its released visits (of this month or
     * before) that no live settlement holds: the amount is what these lines add up to.
     */
    SettlementItem paying(List<Line> paid, int held, String month) {
        long fen = paid.stream().mapToLong(Line::amountFen).sum();
        String note = held == 0 ? "" : "（另有 " + held + " 次时长过短暂扣）";
        String what = releasedOnly() ? "服务补贴补付 " + month + "：放行的暂扣服务 " : "服务补贴结算 " + month + "：支付补贴服务 ";
        return new SettlementItem(settlementKey, payeeRef, payeeName, paid.size(), paid.size(), fen,
                what + paid.size() + " 次" + note, List.copyOf(paid), baseKey, supersedes);
    }

    /** Settled again after its settlement {@code dead} was rejected or expired: a new key naming the old one. */
    SettlementItem settlingAgain(Settled dead, int attempt) {
        return new SettlementItem(settlementKey + ":r" + attempt, payeeRef, payeeName, units, subsidisedUnits, amountFen,
                memo + "（重新结算，原 " + dead.settlementKey() + "）", lines, settlementKey, dead.settlementKey());
    }

    /** The lines account for the amount exactly: one per subsidised unit, summing to the amount. */
    boolean linesAddUp() {
        return lines.size() == subsidisedUnits && lines.stream().mapToLong(Line::amountFen).sum() == amountFen;
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
