package cn.yiyang.meals.menus;

import cn.yiyang.meals.points.Slot;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A day's menu as those who order read it: the dishes, and per slot the point serves, its cut-off, whether it
 * can still be ordered now (the point is open that day, the date in range, the cut-off not passed), and each
 * mode's seats and seats left, from the guarded seat counters that placement takes from.
 */
@RegisterForReflection
public record MenuDay(String mealPointId, LocalDate date, List<Dish> dishes, Map<Slot, SlotSeats> slots) {

    @RegisterForReflection
    public record SlotSeats(LocalTime cutoff, boolean orderable, int dineInSeats, int dineInSeatsLeft, int deliverySeats,
                            int deliverySeatsLeft) {
    }
}
