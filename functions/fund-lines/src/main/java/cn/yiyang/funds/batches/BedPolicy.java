package cn.yiyang.funds.batches;

import cn.yiyang.funds.beds.CareLevel;
import cn.yiyang.kernel.problem.FieldError;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.List;

/**
 * The county's 一床一码 operating subsidy: a daily rate per occupied bed, raised by a percentage for
 * the care level the resident was admitted with. A bed-line pays
 * {@code round(days × dailyRateFen × (100 + upliftPercent) / 100)} fen, rounded half up.
 */
@RegisterForReflection
public record BedPolicy(Long dailyRateFen, Uplifts upliftPercent) {

    /** ¥1,000 a day: no bed is subsidised more. */
    public static final long DAILY_RATE_FEN_MAX = 100_000;
    public static final int UPLIFT_PERCENT_MAX = 500;

    /** ¥10 a day; +50 %, +100 %, +200 % for mild, moderate, severe disability. */
    public static final BedPolicy DEFAULT = new BedPolicy(1_000L, new Uplifts(0, 50, 100, 200));

    @RegisterForReflection
    public record Uplifts(Integer none, Integer mild, Integer moderate, Integer severe) {
    }

    public int upliftFor(CareLevel level) {
        return switch (level) {
            case NONE -> upliftPercent.none();
            case MILD -> upliftPercent.mild();
            case MODERATE -> upliftPercent.moderate();
            case SEVERE -> upliftPercent.severe();
        };
    }

    public long amountFen(int days, CareLevel level) {
        long hundredths = (long) days * dailyRateFen * (100 + upliftFor(level));
        return (hundredths + 50) / 100;
    }

    public List<FieldError> errors() {
        List<FieldError> errors = new ArrayList<>();
        if (dailyRateFen == null || dailyRateFen < 1 || dailyRateFen > DAILY_RATE_FEN_MAX) {
            errors.add(new FieldError("dailyRateFen", "OUT_OF_RANGE", "1 to " + DAILY_RATE_FEN_MAX + " fen a bed-day"));
        }
        if (upliftPercent == null) {
            errors.add(new FieldError("upliftPercent", "REQUIRED", "none, mild, moderate and severe, in percent"));
            return errors;
        }
        Integer[] values = {upliftPercent.none(), upliftPercent.mild(), upliftPercent.moderate(), upliftPercent.severe()};
        String[] names = {"none", "mild", "moderate", "severe"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i] < 0 || values[i] > UPLIFT_PERCENT_MAX) {
                errors.add(new FieldError("upliftPercent." + names[i], "OUT_OF_RANGE", "0 to " + UPLIFT_PERCENT_MAX + " percent"));
            }
        }
        return errors;
    }
}
