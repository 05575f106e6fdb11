package cn.yiyang.funds.batches;

import cn.yiyang.cards.residents.ResidentCard;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who the month's 高龄津贴 pays: every ACTIVE resident of the county whose age on the last day of the
 * month falls in a band, at that band's amount, one item each, in resident-id order.
 */
final class AllowancePlan {

    private AllowancePlan() {
    }

    static String clientKey(YearMonth month, String residentId) {
        return "allowance:" + month + ":" + residentId;
    }

    static List<PlannedItem> of(List<ResidentCard> cards, AllowancePolicy policy, YearMonth month) {
        List<PlannedItem> items = new ArrayList<>();
        for (ResidentCard card : cards.stream().sorted(Comparator.comparing(ResidentCard::residentId)).toList()) {
            if (!card.isActive()) {
                continue;
            }
            int age = card.ageOn(month.atEndOfMonth());
            policy.bandFor(age).ifPresent(band -> items.add(new PlannedItem(card.residentId(), "高龄津贴 " + card.name(), null,
                    clientKey(month, card.residentId()), band.amountFen(), card.residentId(), age, band.label(), null, List.of(), card.streetCode(), List.of())));
        }
        return items;
    }
}
