package cn.yiyang.meals.points;

public enum Slot {
    LUNCH, DINNER
}
