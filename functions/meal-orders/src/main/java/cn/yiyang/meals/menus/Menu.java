package cn.yiyang.meals.menus;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@RegisterForReflection
public record Menu(String mealPointId, LocalDate date, List<Dish> dishes) {

    public Optional<Dish> dish(String code) {
        return dishes.stream().filter(d -> d.code().equals(code)).findFirst();
    }
}
