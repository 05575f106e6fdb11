package cn.yiyang.timebank.settings;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A county's time-bank rules. Every field has a named range; a county that never set them gets
 * {@link #DEFAULTS}. Points are whole minutes, so the caps are in minutes (of points); a service
 * type may earn more than one point a minute ({@code ratesPerMinute}, absent types earn 1).
 */
@RegisterForReflection
public record CountySettings(int dailyMinutesMax, int recordExpiryDays, long storageMinutesMax,
                             long giftMinutesPerYearMax, int volunteerAgeMin, int volunteerAgeMax,
                             int priorityAgeMin, Map<String, Integer> ratesPerMinute) {

    public static final int DAILY_MINUTES_MIN = 30;
    public static final int DAILY_MINUTES_LIMIT = 720;
    public static final int EXPIRY_DAYS_MIN = 1;
    public static final int EXPIRY_DAYS_LIMIT = 90;
    public static final long STORAGE_MINUTES_MIN = 600;
    /** 1,500 hours: what most county time banks store at most. */
    public static final long STORAGE_MINUTES_DEFAULT = 90_000;
    public static final long STORAGE_MINUTES_LIMIT = 1_000_000;
    public static final long GIFT_MINUTES_PER_YEAR_DEFAULT = 6_000;
    public static final int AGE_LOWEST = 14;
    public static final int AGE_HIGHEST = 100;

    public static final int RATES_MAX = 20;
    public static final int RATE_PER_MINUTE_MAX = 3;
    private static final Pattern SERVICE_TYPE = Pattern.compile("[A-Z_]{2,20}");

    public static final CountySettings DEFAULTS = new CountySettings(480, 14, STORAGE_MINUTES_DEFAULT,
            GIFT_MINUTES_PER_YEAR_DEFAULT, 18, 75, 80, Map.of());

    public CountySettings {
        ratesPerMinute = ratesPerMinute == null ? Map.of() : Map.copyOf(ratesPerMinute);
    }

    /** Points a minute of this service type earns. */
    public int rate(String serviceType) {
        return ratesPerMinute.getOrDefault(serviceType, 1);
    }

    /** Every field in its range, and the ranges consistent with each other; all problems at once. */
    public CountySettings validated() {
        List<FieldError> errors = new ArrayList<>();
        range(errors, "dailyMinutesMax", dailyMinutesMax, DAILY_MINUTES_MIN, DAILY_MINUTES_LIMIT);
        range(errors, "recordExpiryDays", recordExpiryDays, EXPIRY_DAYS_MIN, EXPIRY_DAYS_LIMIT);
        range(errors, "storageMinutesMax", storageMinutesMax, STORAGE_MINUTES_MIN, STORAGE_MINUTES_LIMIT);
        range(errors, "giftMinutesPerYearMax", giftMinutesPerYearMax, 0, storageMinutesMax);
        range(errors, "volunteerAgeMin", volunteerAgeMin, AGE_LOWEST, AGE_HIGHEST);
        range(errors, "volunteerAgeMax", volunteerAgeMax, Math.max(AGE_LOWEST, volunteerAgeMin), AGE_HIGHEST);
        range(errors, "priorityAgeMin", priorityAgeMin, 60, AGE_HIGHEST);
        if (ratesPerMinute.size() > RATES_MAX) {
            errors.add(new FieldError("ratesPerMinute", "TOO_MANY", "At most " + RATES_MAX + " service types"));
        }
        ratesPerMinute.forEach((type, rate) -> {
            if (!SERVICE_TYPE.matcher(type).matches() || rate == null || rate < 1 || rate > RATE_PER_MINUTE_MAX) {
                errors.add(new FieldError("ratesPerMinute", "OUT_OF_RANGE",
                        "A service type such as CARE, and 1 to " + RATE_PER_MINUTE_MAX + " points a minute"));
            }
        });
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return this;
    }

    private static void range(List<FieldError> errors, String field, long value, long min, long max) {
        if (value < min || value > max) {
            errors.add(new FieldError(field, "OUT_OF_RANGE", min + " to " + max));
        }
    }
}
