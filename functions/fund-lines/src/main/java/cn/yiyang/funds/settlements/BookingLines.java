package cn.yiyang.funds.settlements;

import cn.yiyang.stores.pg.settlements.BookingSettlementFeed;
import cn.yiyang.stores.pg.settlements.CompletedVisit;
import io.smallrye.mutiny.Uni;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a provider's month pays, visit by visit: the month's completed subsidised visits less those flagged
 * far too short, plus the provider's released visits (of this month or before) that no live settlement
 * holds. The month's visits must first add up to the feed's figures, or the settlement is refused whole.
 */
final class BookingLines {

    private BookingLines() {
    }

    static Uni<SettlementItem> paying(String county, SettlementItem item, YearMonth month) {
        return BookingSettlementFeed.visits(county, item.payeeRef(), month, SettlementItem.LINES_PER_SETTLEMENT_MAX + 1)
                .flatMap(visits -> {
                    SettlementItem all = item.withLines(visits.stream().map(SettlementItem.Line::of).toList());
                    if (!all.linesAddUp()) {
                        // Refused by the ledger (SETTLEMENT_ITEMS_MISMATCH): the visits do not account for the figures.
                        return Uni.createFrom().item(all);
                    }
                    return HeldVisits.releasedUnpaid(county, item.payeeRef())
                            .flatMap(ids -> BookingSettlementFeed.visitsById(county, ids))
                            .map(released -> paid(item, visits, released, month));
                });
    }

    private static SettlementItem paid(SettlementItem item, List<CompletedVisit> month, List<CompletedVisit> released,
                                       YearMonth period) {
        Map<String, CompletedVisit> paid = new LinkedHashMap<>();
        int held = 0;
        for (CompletedVisit v : month) {
            if (v.flaggedShort()) {
                held++;
            } else {
                paid.put(v.bookingId(), v);
            }
        }
        for (CompletedVisit v : released) {
            // Released visits of a later month wait for that month's settlement.
            if (!v.date().isAfter(period.atEndOfMonth())) {
                held -= v.date().getMonth() == period.getMonth() && v.date().getYear() == period.getYear() ? 1 : 0;
                paid.put(v.bookingId(), v);
            }
        }
        List<SettlementItem.Line> lines = new ArrayList<>(paid.values().stream()
                .sorted(Comparator.comparing(CompletedVisit::bookingId)).map(SettlementItem.Line::of).toList());
        return item.paying(lines, held, period.toString());
    }
}
