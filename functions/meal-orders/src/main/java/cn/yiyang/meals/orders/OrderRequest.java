package cn.yiyang.meals.orders;

import cn.yiyang.meals.points.Mode;
import cn.yiyang.meals.points.Slot;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;

@RegisterForReflection
public record OrderRequest(String residentId, String mealPointId, LocalDate date, Slot slot, Mode mode,
                           String deliveryAddress, List<Item> items) {

    @RegisterForReflection
    public record Item(String dishCode, int quantity) {
    }
}
