package cn.yiyang.meals.policy;

import cn.yiyang.kernel.resident.Category;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The policy routes' requests; reading the current policy takes none. */
public final class PolicyRequests {

    private PolicyRequests() {
    }

    /** {@code POST /v1/meal-policies}: the county's next policy version, replacing none of the earlier ones. */
    @RegisterForReflection
    public record Publish(List<AgeBand> ageBands, Map<Category, Long> categorySubsidyFen, Set<Category> freeCategories,
                          Integer weeklyMealsMax, Integer monthlyMealsMax) {
    }
}
