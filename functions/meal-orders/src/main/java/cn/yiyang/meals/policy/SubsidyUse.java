package cn.yiyang.meals.policy;

/**
 * What a resident has already used of the county's subsidy around one order: whether the slot's
 * one subsidised meal is taken (at any point of the county), and the subsidised meals counted in
 * the order's ISO week and month.
 */
public record SubsidyUse(boolean slotClaimed, long weekMeals, long monthMeals) {

    public static final SubsidyUse NONE = new SubsidyUse(false, 0, 0);

    /** Whether one more subsidised meal is allowed: the slot is free and no cap the policy sets is reached. */
    public boolean allowsAnother(SubsidyPolicy policy) {
        if (slotClaimed) {
            return false;
        }
        if (policy.weeklyMealsMax() != null && weekMeals >= policy.weeklyMealsMax()) {
            return false;
        }
        return policy.monthlyMealsMax() == null || monthMeals < policy.monthlyMealsMax();
    }
}
