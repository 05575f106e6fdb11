package cn.yiyang.meals.orders;

/** PLACED → CANCELLED (before cut-off) | SERVED (dine-in) | DELIVERED (delivery) | NO_SHOW (after the slot). */
public enum OrderStatus {
    PLACED, CANCELLED, SERVED, DELIVERED, NO_SHOW;

    /** Only a placed order moves, and only to an end state: nothing ever moves back or twice. */
    public boolean canMoveTo(OrderStatus next) {
        return this == PLACED && next != PLACED;
    }
}
