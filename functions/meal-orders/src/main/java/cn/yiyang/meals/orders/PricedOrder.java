package cn.yiyang.meals.orders;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.resident.ResidentStatusProblem;
import cn.yiyang.meals.points.MealPoint;
import cn.yiyang.meals.points.SlotRule;
import cn.yiyang.meals.policy.SubsidyGrant;
import cn.yiyang.meals.policy.SubsidyPolicy;
import cn.yiyang.meals.policy.SubsidyUse;
import cn.yiyang.cards.residents.ResidentCard;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What an order costs, priced from one reading of the stores: the one pricing that placement charges and
 * the quote answers, so the figures a hotline reads out before confirming are the figures charged. The
 * subsidy follows the resident's age on the order's date (a birthday before then that crosses an age band
 * prices the higher band), the county's current policy, and the subsidy already used around that date.
 */
record PricedOrder(MealPoint point, SlotRule rule, List<MealOrder.Line> lines, long priceFen, SubsidyPolicy policy,
                   SubsidyUse use, int ageOnDate, SubsidyGrant grant) {

    /** Checked before anything is read for the order: an inactive resident orders nothing, anywhere. */
    static ResidentCard requireActive(ResidentCard resident) {
        if (!resident.isActive()) {
            throw new ApiException(ResidentStatusProblem.RESIDENT_INACTIVE, "The resident is not active");
        }
        return resident;
    }

    static PricedOrder of(ResidentCard resident, PlacementReads reads, OrderRequests.Place r, LocalDateTime now) {
        MealPoint point = reads.point();
        SlotRule rule = OrderRules.orderableSlot(point, r, now);
        List<MealOrder.Line> lines = Pricing.lines(r.items(), reads.publishedMenu());
        long price = Pricing.priceFen(lines);
        int age = resident.ageOn(r.date());
        SubsidyGrant grant = SubsidyGrant.of(reads.policy(), reads.subsidyUse(), age, resident.categories(), price);
        return new PricedOrder(point, rule, lines, price, reads.policy(), reads.subsidyUse(), age, grant);
    }

    long payFen() {
        return priceFen - grant.subsidyFen();
    }
}
