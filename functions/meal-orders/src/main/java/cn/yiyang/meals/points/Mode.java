package cn.yiyang.meals.points;

/** How the meal reaches the resident: eaten at the point, or delivered to the door. */
public enum Mode {
    DINE_IN, DELIVERY
}
