package cn.yiyang.bookings.catalog;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.route.Role;

/** How a booking came in, from the role of whoever made it: the hotline, the mini-program, or an officer at the station. */
public enum Channel {
    MINI_PROGRAM, HOTLINE, ONSITE;

    public static Channel of(Caller caller) {
        if (caller.has(Role.OPERATOR)) {
            return HOTLINE;
        }
        if (caller.has(Role.OFFICER)) {
            return ONSITE;
        }
        return MINI_PROGRAM;
    }
}
