package cn.yiyang.meals.policy;

import cn.yiyang.kernel.json.Nullable;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Residents aged {@code fromAge} to {@code toAge} (inclusive; open-ended when null) get this subsidy per meal. */
@RegisterForReflection
public record AgeBand(int fromAge, @Nullable Integer toAge, long subsidyFen) {

    public boolean covers(int age) {
        return age >= fromAge && (toAge == null || age <= toAge);
    }
}
