package cn.yiyang.meals;

import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.Slot;
import io.quarkus.arc.Arc;
import java.time.LocalDate;

/** Reads a slot's seat counter straight from DynamoDB, to check it equals the orders placed. */
public final class SeatCounter {

    private SeatCounter() {
    }

    public static long placed(String point, LocalDate date) {
        MealStore store = Arc.container().instance(MealStore.class).get();
        return store.get(MealKeys.pointPk(MealFixtures.COUNTY, point), MealKeys.seatsSk(date, Slot.LUNCH, Mode.DINE_IN))
                .map(item -> MealStore.number(item, "placed")).orElse(0L);
    }
}
