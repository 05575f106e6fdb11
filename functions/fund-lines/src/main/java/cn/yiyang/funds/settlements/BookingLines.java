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
 * holds. The month's visits must first add up to the feed's figures, or the settlement is refused whole. A
 * released-only settlement ({@link ReleasedVisits}) pays the released visits alone.
 */
final class BookingLines {

    private BookingLines() {
    }

    static Uni<SettlementItem> paying(String county, SettlementItem item, YearMonth month) {
        if (item.releasedOnly()) {
            // the month's own visits are the provider's month settlement's, settled or not
            return released(county, item).map(released -> paid(item, List.of(), released, month));
        }
        return BookingSettlementFeed.visits(county, item.payeeRef(), month, SettlementItem.LINES_PER_SETTLEMENT_MAX + 1)
                .flatMap(visits -> {
                    SettlementItem all = item.withLines(visits.stream().map(SettlementItem.Line::of).toList());
                    if (!all.linesAddUp()) {
                        // Refused by the ledger (SETTLEMENT_ITEMS_MISMATCH): the visits do not account for the figures.
                        return Uni.createFrom().item(all);
                    }
                    return released(county, item).map(released -> paid(item, visits, released, month));
                });
    }

    private static Uni<List<CompletedVisit>> released(String county, SettlementItem item) {
        return HeldVisits.releasedUnpaid(county, item.payeeRef()).flatMap(ids -> BookingSettlementFeed.visitsById(county, ids));
    }

    private static SettlementItem paid(SettlementItem item, List<CompletedVisit> month, List<CompletedVisit> released,
                                       YearMonth period) {
        Map<String, CompletedVisit> paid = new LinkedHashMap<>();
        for (CompletedVisit v : released) {
            // Released visits of a later month wait for that month's settlement.
            if (!v.date().isAfter(period.atEndOfMonth())) {
                paid.put(v.bookingId(), v);
            }
        }
        int held = 0;
        for (CompletedVisit v : month) {
            if (!v.flaggedShort()) {
                paid.put(v.bookingId(), v);
            } else if (!paid.containsKey(v.bookingId())) {
                held++;
            }
        }
        List<SettlementItem.Line> lines = new ArrayList<>(paid.values().stream()
                .sorted(Comparator.comparing(CompletedVisit::bookingId)).map(SettlementItem.Line::of).toList());
        return item.paying(lines, held, period.toString());
    }
}
