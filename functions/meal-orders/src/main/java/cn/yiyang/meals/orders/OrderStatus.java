package cn.yiyang.meals.orders;

/** PLACED → CANCELLED (before cut-off) | SERVED (dine-in) | DELIVERED (delivery) | NO_SHOW (after the slot). */
public enum OrderStatus {
    PLACED, CANCELLED, SERVED, DELIVERED, NO_SHOW
}
