package cn.yiyang.meals.orders;

import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.Slot;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A meal order as priced when placed: it keeps the policy version it was priced with, and
 * whether it holds the resident's one subsidised meal for the slot (and counted against caps).
 */
@RegisterForReflection
public record MealOrder(String id, String county, String residentId, String residentName,
                        @Nullable String phoneMasked, String mealPointId, LocalDate date, Slot slot, Mode mode,
                        @Nullable String deliveryAddress,
                        List<Line> items, long priceFen, long subsidyFen, long payFen, int policyVersion,
                        boolean weeklyCapCounted, boolean monthlyCapCounted, String confirmationCode,
                        OrderStatus status, Channel channel, String placedBy, OffsetDateTime placedAt,
                        @Nullable OffsetDateTime updatedAt, @Nullable String updatedBy) {

    /** The order in its next status; a move the state machine does not allow is a defect, never stored. */
    public MealOrder moved(OrderStatus next, OffsetDateTime at, String by) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("an order never moves from " + status + " to " + next);
        }
        return new MealOrder(id, county, residentId, residentName, phoneMasked, mealPointId, date, slot, mode,
                deliveryAddress, items, priceFen, subsidyFen, payFen, policyVersion, weeklyCapCounted, monthlyCapCounted,
                confirmationCode, next, channel, placedBy, placedAt, at, by);
    }

    @RegisterForReflection
    public record Line(String dishCode, String dishName, int quantity, long unitPriceFen, long amountFen) {
    }

    @RegisterForReflection
    public record Page(List<MealOrder> items) {
    }
}
