package cn.yiyang.meals.orders;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.route.Role;

/** How an order came in, from the role of whoever placed it. */
public enum Channel {
    MINI_PROGRAM, HOTLINE, ON_SITE;

    static Channel of(Caller caller) {
        if (caller.has(Role.OPERATOR)) {
            return HOTLINE;
        }
        if (caller.has(Role.CANTEEN)) {
            return ON_SITE;
        }
        return MINI_PROGRAM;
    }
}
