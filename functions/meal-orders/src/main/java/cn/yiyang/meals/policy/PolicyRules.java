package cn.yiyang.meals.policy;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a policy must be: a bounded list of well-formed age bands, amounts in range, caps in range or absent. */
public final class PolicyRules {

    public static final long SUBSIDY_FEN_MAX = 10_000;
    public static final int AGE_BANDS_MAX = 10;
    public static final int MEALS_CAP_MAX = 200;

    private PolicyRules() {
    }

    /** Every invalid field of the request at once, as one 400. */
    public static void check(PolicyRequests.Publish r) {
        List<FieldError> errors = new ArrayList<>();
        ageBands(errors, r.ageBands());
        if (r.categorySubsidyFen() != null) {
            r.categorySubsidyFen().forEach((category, fen) -> {
                if (fen == null || fen < 0 || fen > SUBSIDY_FEN_MAX) {
                    errors.add(new FieldError("categorySubsidyFen." + category, "BAD_AMOUNT",
                            "0 to " + SUBSIDY_FEN_MAX + " fen"));
                }
            });
        }
        for (var cap : List.of(Map.entry("weeklyMealsMax", r.weeklyMealsMax() == null ? 1 : r.weeklyMealsMax()),
                Map.entry("monthlyMealsMax", r.monthlyMealsMax() == null ? 1 : r.monthlyMealsMax()))) {
            if (cap.getValue() < 1 || cap.getValue() > MEALS_CAP_MAX) {
                errors.add(new FieldError(cap.getKey(), "OUT_OF_RANGE", "1 to " + MEALS_CAP_MAX + " meals, or absent"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static void ageBands(List<FieldError> errors, List<AgeBand> bands) {
        if (bands == null || bands.size() > AGE_BANDS_MAX) {
            errors.add(new FieldError("ageBands", "REQUIRED", "0 to " + AGE_BANDS_MAX + " age bands"));
            return;
        }
        for (int i = 0; i < bands.size(); i++) {
            AgeBand band = bands.get(i);
            if (band == null || band.fromAge() < 0 || (band.toAge() != null && band.toAge() < band.fromAge())
                    || band.subsidyFen() < 0 || band.subsidyFen() > SUBSIDY_FEN_MAX) {
                errors.add(new FieldError("ageBands[" + i + "]", "BAD_BAND",
                        "fromAge ≤ toAge, subsidy 0 to " + SUBSIDY_FEN_MAX + " fen"));
            }
        }
    }
}
