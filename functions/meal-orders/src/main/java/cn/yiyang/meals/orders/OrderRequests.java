package cn.yiyang.meals.orders;

import cn.yiyang.kernel.text.Text;
import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.Slot;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;

/** The meal-order routes' requests (reading, cancelling, serving one order takes only its id: {@code ById}). */
public final class OrderRequests {

    private OrderRequests() {
    }

    /** {@code POST /v1/meal-orders}: what to eat, where and when, for whom; the price is never the client's. */
    @RegisterForReflection
    public record Place(String residentId, String mealPointId, LocalDate date, Slot slot, Mode mode,
                        @Text(maxChars = OrderRules.ADDRESS_CHARS_MAX) String deliveryAddress, List<Item> items) {
    }

    @RegisterForReflection
    public record Item(String dishCode, int quantity) {
    }

    /** {@code GET /v1/meal-orders?residentId=&month=}: both required. */
    @RegisterForReflection
    public record MonthOfResident(String residentId, String month) {
    }

    /**
     * {@code GET /v1/meal-quotes?residentId=&mealPointId=&date=&slot=&mode=&dishes=A1:1,B2:2}: what the same order
     * would cost if placed now, without placing it; {@code dishes} lists each dish code with its quantity (1 when
     * left out).
     */
    @RegisterForReflection
    public record Quote(String residentId, String mealPointId, LocalDate date, Slot slot, Mode mode,
                        @Text(maxChars = MealQuotes.DISHES_CHARS_MAX) String dishes) {
    }
}
