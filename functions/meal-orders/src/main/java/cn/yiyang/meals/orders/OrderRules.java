package cn.yiyang.meals.orders;

import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.text.FreeText;
import cn.yiyang.meals.MealProblem;
import cn.yiyang.meals.points.MealPoint;
import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.SlotRule;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When and what may be ordered, cancelled, served or missed, from the county's local time alone:
 * no store, so each rule is a plain function of the point, the request and the clock's reading.
 */
public final class OrderRules {

    public static final int ITEMS_MAX = 10;
    public static final int QUANTITY_MAX = 5;
    public static final int DAYS_AHEAD_MAX = 14;
    public static final int ADDRESS_CHARS_MAX = 100;

    private OrderRules() {
    }

    /**
     * The slot an order may be placed in, checked in a fixed precedence: the slot is served, the
     * date is in range, the point is open that day, the cut-off has not passed, the mode has seats.
     */
    public static SlotRule orderableSlot(MealPoint point, OrderRequests.Place r, LocalDateTime now) {
        SlotRule rule = point.slots().get(r.slot());
        if (rule == null) {
            throw new ApiException(MealProblem.MEAL_SLOT_NOT_SERVED, "The meal point does not serve " + r.slot());
        }
        LocalDate today = now.toLocalDate();
        if (r.date().isBefore(today) || r.date().isAfter(today.plusDays(DAYS_AHEAD_MAX))) {
            throw new ApiException(MealProblem.MEAL_DATE_OUT_OF_RANGE, "Orders are taken from today up to "
                    + DAYS_AHEAD_MAX + " days ahead");
        }
        if (!point.openDays().contains(r.date().getDayOfWeek())) {
            throw new ApiException(MealProblem.MEAL_POINT_CLOSED, "The meal point is closed on " + r.date().getDayOfWeek());
        }
        requireBeforeCutoff(r.date(), rule, now);
        if (rule.seats(r.mode()) == 0) {
            throw new ApiException(MealProblem.MEAL_SOLD_OUT, "The meal point takes no " + r.mode() + " orders for this slot");
        }
        return rule;
    }

    /** Whether the slot of that date can be ordered now, seats aside: the order's own checks, answered rather than thrown. */
    public static boolean isOrderable(MealPoint point, LocalDate date, SlotRule rule, LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        return !date.isBefore(today) && !date.isAfter(today.plusDays(DAYS_AHEAD_MAX))
                && point.openDays().contains(date.getDayOfWeek()) && now.isBefore(date.atTime(rule.cutoff()));
    }

    /** Ordering and cancelling close at the slot's cut-off on the order's day; at the cut-off itself it is closed. */
    public static void requireBeforeCutoff(LocalDate date, SlotRule rule, LocalDateTime now) {
        LocalDateTime cutoff = date.atTime(rule.cutoff());
        if (!now.isBefore(cutoff)) {
            throw new ApiException(MealProblem.MEAL_CUTOFF_PASSED, "Orders for this slot closed at " + cutoff);
        }
    }

    /** A meal is served on its own day only: settlement counts a day once it is over. */
    public static void requireServingDay(LocalDate date, LocalDate today) {
        if (!date.equals(today)) {
            throw new ApiException(MealProblem.MEAL_NOT_SERVING_DAY, "The order is for " + date);
        }
    }

    /** A no-show is only known once the slot has ended. */
    public static void requireSlotOver(LocalDate date, SlotRule rule, LocalDateTime now) {
        if (now.isBefore(date.atTime(rule.endsAt()))) {
            throw new ApiException(MealProblem.MEAL_SLOT_NOT_OVER, "The slot ends at " + rule.endsAt());
        }
    }

    /** The order's own fields, every invalid one at once, before anything is read. */
    public static void checkShape(OrderRequests.Place r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.mealPointId() == null || r.mealPointId().isBlank()) {
            errors.add(new FieldError("mealPointId", "REQUIRED", "The meal point's id"));
        }
        if (r.date() == null) {
            errors.add(new FieldError("date", "REQUIRED", "A date YYYY-MM-DD"));
        }
        if (r.slot() == null) {
            errors.add(new FieldError("slot", "REQUIRED", "LUNCH or DINNER"));
        }
        if (r.mode() == null) {
            errors.add(new FieldError("mode", "REQUIRED", "DINE_IN or DELIVERY"));
        }
        if (r.deliveryAddress() != null && (r.mode() != Mode.DELIVERY || r.deliveryAddress().isBlank()
                || FreeText.length(r.deliveryAddress()) > ADDRESS_CHARS_MAX)) {
            errors.add(new FieldError("deliveryAddress", "BAD_ADDRESS",
                    "Only for DELIVERY, 1 to " + ADDRESS_CHARS_MAX + " characters"));
        }
        items(errors, r.items());
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private static void items(List<FieldError> errors, List<OrderRequests.Item> items) {
        if (items == null || items.isEmpty() || items.size() > ITEMS_MAX) {
            errors.add(new FieldError("items", "BAD_COUNT", "1 to " + ITEMS_MAX + " dishes"));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            OrderRequests.Item item = items.get(i);
            if (item == null || item.dishCode() == null || item.dishCode().isBlank()) {
                errors.add(new FieldError("items[" + i + "].dishCode", "REQUIRED", "A dish code"));
            } else if (item.quantity() < 1 || item.quantity() > QUANTITY_MAX) {
                errors.add(new FieldError("items[" + i + "].quantity", "OUT_OF_RANGE", "1 to " + QUANTITY_MAX));
            }
        }
    }
}
