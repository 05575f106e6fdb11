package cn.yiyang.meals.points;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.text.FreeText;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What a meal point must be to be registered: named, in the caller's county, open some day, with seats. */
public final class MealPointRules {

    public static final int TEXT_CHARS_MAX = 100;
    public static final int SEATS_MAX = 5_000;
    private static final Pattern STREET = Pattern.compile("[0-9]{9}");

    private MealPointRules() {
    }

    /** Every invalid field of the request at once, as one 400. */
    public static void check(MealPointRequests.Create r, String county) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "name", r.name());
        text(errors, "address", r.address());
        text(errors, "operatorName", r.operatorName());
        if (r.streetCode() == null || !STREET.matcher(r.streetCode()).matches() || !r.streetCode().startsWith(county)) {
            errors.add(new FieldError("streetCode", "BAD_STREET_CODE", "A 9-digit street code in the caller's county"));
        }
        if (r.openDays() == null || r.openDays().isEmpty()) {
            errors.add(new FieldError("openDays", "REQUIRED", "At least one day of the week"));
        }
        if (r.slots() == null || r.slots().isEmpty()) {
            errors.add(new FieldError("slots", "REQUIRED", "At least one of LUNCH and DINNER"));
        } else {
            r.slots().forEach((slot, rule) -> slot(errors, "slots." + slot, rule));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static void slot(List<FieldError> errors, String field, SlotRule rule) {
        if (rule == null || rule.cutoff() == null || rule.endsAt() == null || !rule.cutoff().isBefore(rule.endsAt())) {
            errors.add(new FieldError(field, "BAD_TIMES", "A cut-off before the slot ends"));
        } else if (rule.dineInSeats() < 0 || rule.deliverySeats() < 0 || rule.dineInSeats() > SEATS_MAX
                || rule.deliverySeats() > SEATS_MAX || rule.dineInSeats() + rule.deliverySeats() == 0) {
            errors.add(new FieldError(field, "BAD_SEATS", "0 to " + SEATS_MAX + " seats per mode, some in all"));
        }
    }

    private static void text(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank() || FreeText.length(value.strip()) > TEXT_CHARS_MAX) {
            errors.add(new FieldError(field, "REQUIRED", "1 to " + TEXT_CHARS_MAX + " characters"));
        }
    }
}
