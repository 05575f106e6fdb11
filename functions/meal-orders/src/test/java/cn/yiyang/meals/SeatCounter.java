package cn.yiyang.meals;

import cn.yiyang.meals.points.MealPoint;
import io.quarkus.arc.Arc;
import java.time.LocalDate;

/** Reads a slot's seat counter straight from DynamoDB, to check it equals the orders placed. */
public final class SeatCounter {

    private SeatCounter() {
    }

    public static long placed(String point, LocalDate date) {
        MealStore store = Arc.container().instance(MealStore.class).get();
        return store.get(MealPoint.pk(MealFixtures.COUNTY, point), "SEATS#" + date + "#LUNCH#DINE_IN")
                .map(item -> MealStore.number(item, "placed")).orElse(0L);
    }
}
