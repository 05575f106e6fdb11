package cn.yiyang.meals.policy;

import java.util.Set;

/**
 * The subsidy one order gets, and which of the resident's caps it counts against: a meal beyond
 * the slot's one subsidised meal or beyond a cap is ordered at full price and counts against nothing.
 */
public record SubsidyGrant(long subsidyFen, boolean weeklyCapCounted, boolean monthlyCapCounted) {

    public static final SubsidyGrant NONE = new SubsidyGrant(0, false, false);

    public SubsidyGrant {
        if (subsidyFen < 0 || (subsidyFen == 0 && (weeklyCapCounted || monthlyCapCounted))) {
            throw new IllegalArgumentException("a grant is never negative, and only a subsidised meal counts against a cap");
        }
    }

    public static SubsidyGrant of(SubsidyPolicy policy, SubsidyUse use, int age, Set<String> categories, long priceFen) {
        if (!use.allowsAnother(policy)) {
            return NONE;
        }
        long subsidy = policy.subsidyFor(age, categories, priceFen);
        if (subsidy == 0) {
            return NONE;
        }
        return new SubsidyGrant(subsidy, policy.weeklyMealsMax() != null, policy.monthlyMealsMax() != null);
    }

    public boolean claimsTheSlot() {
        return subsidyFen > 0;
    }
}
