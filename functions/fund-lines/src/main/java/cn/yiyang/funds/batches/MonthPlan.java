package cn.yiyang.funds.batches;

import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.funds.FundProblem;
import cn.yiyang.kernel.problem.ApiException;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a month's batch pays: its kind's plan (resident cards or beds), then the failed payments offered again. */
final class MonthPlan {

    private MonthPlan() {
    }

    /** The month's items with the failed payments offered again (none that {@code creation}'s rivals have staged). */
    static Uni<List<PlannedItem>> withFailedPayments(String county, BatchKind kind, List<PlannedItem> planned, UUID creation) {
        return FailedPayments.toOffer(county, kind, creation).map(again -> {
            List<PlannedItem> all = new ArrayList<>(planned);
            all.addAll(again);
            return all;
        });
    }

    /**
     * The month's planned items, or empty when the county has {@code cardsMax} or more cards to read: a bed
     * subsidy or a caregiver post allowance is planned whole (its items are institutions or caregivers, read by SQL).
     */
    static Uni<Optional<List<PlannedItem>>> of(ResidentCards cards, String county, BatchKind kind, YearMonth month, Object policy, int cardsMax) {
        if (kind == BatchKind.BED) {
            return BedPlan.of(county, month, (BedPolicy) policy).map(Optional::of);
        }
        if (kind == BatchKind.CAREGIVER_POST) {
            return CaregiverPlan.of(county, month).map(Optional::of);
        }
        AllowancePolicy allowance = (AllowancePolicy) policy;
        // only residents old enough at month end are read: the index is sorted by birth date
        return VertxContextSupport.executeBlocking(() -> cards.bornOnOrBefore(county,
                        month.atEndOfMonth().minusYears(allowance.youngestAge()), cardsMax))
                .map(found -> found.size() >= cardsMax ? Optional.empty() : Optional.of(AllowancePlan.of(found, allowance, month)));
    }

    /** The whole month's items, as the creation job plans them. */
    static Uni<List<PlannedItem>> whole(ResidentCards cards, String county, BatchKind kind, YearMonth month, Object policy, UUID creation) {
        return of(cards, county, kind, month, policy, BatchService.CARDS_READ_MAX).map(planned -> planned.orElseThrow(
                        () -> new ApiException(FundProblem.BATCH_TOO_LARGE, "More than " + BatchService.CARDS_READ_MAX + " residents to read")))
                .flatMap(planned -> withFailedPayments(county, kind, planned, creation));
    }

}
