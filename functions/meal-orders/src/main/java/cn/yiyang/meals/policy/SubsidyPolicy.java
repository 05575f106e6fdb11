package cn.yiyang.meals.policy;

import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.resident.Category;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A county's meal subsidy policy, one immutable version. A meal's subsidy is the larger of the
 * age band's and the categories' amounts, never above the price; a free category (特困) pays
 * nothing. At most one subsidised meal per resident per slot and day across the county, and
 * optionally at most so many per ISO week and per month.
 */
@RegisterForReflection
public record SubsidyPolicy(int version, List<AgeBand> ageBands, Map<Category, Long> categorySubsidyFen,
                            Set<Category> freeCategories, @Nullable Integer weeklyMealsMax,
                            @Nullable Integer monthlyMealsMax, @Nullable OffsetDateTime createdAt,
                            @Nullable String createdBy) {

    /** No policy yet: nobody is subsidised. */
    public static final SubsidyPolicy NONE = new SubsidyPolicy(0, List.of(), Map.of(), Set.of(), null, null, null, null);

    public long subsidyFor(int age, Set<String> categories, long priceFen) {
        for (Category free : freeCategories) {
            if (categories.contains(free.name())) {
                return priceFen;
            }
        }
        long subsidy = ageBands.stream().filter(b -> b.covers(age)).mapToLong(AgeBand::subsidyFen).max().orElse(0);
        for (Map.Entry<Category, Long> entry : categorySubsidyFen.entrySet()) {
            if (categories.contains(entry.getKey().name())) {
                subsidy = Math.max(subsidy, entry.getValue());
            }
        }
        return Math.min(subsidy, priceFen);
    }
}
