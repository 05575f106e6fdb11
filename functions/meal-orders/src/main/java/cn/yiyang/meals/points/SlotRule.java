package cn.yiyang.meals.points;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalTime;

/** One slot of a meal point: orders close at {@code cutoff}, the slot is over at {@code endsAt}. */
@RegisterForReflection
public record SlotRule(LocalTime cutoff, LocalTime endsAt, int dineInSeats, int deliverySeats) {

    public int seats(Mode mode) {
        return mode == Mode.DINE_IN ? dineInSeats : deliverySeats;
    }
}
