package cn.yiyang.bookings.settings;

import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The county's booking rules, set by an officer as a whole. */
@ApplicationScoped
public class SettingsService {

    public static final int MINUTES_MAX = 10_080;
    public static final int EMERGENCY_ASSIGN_MINUTES_MAX = 1_440;

    /** The county's booking rules as shown, and as an officer puts them ({@code PUT /v1/booking-settings}), whole. */
    @RegisterForReflection
    public record Settings(int minNoticeMinutes, int lateCancelMinutes, int emergencyAssignMinutes) {
        static Settings of(CountySetting s) {
            return new Settings(s.minNoticeMinutes, s.lateCancelMinutes, s.emergencyAssignMinutes);
        }

        /** Notice and late cancellation 0 to a week; an emergency must be assigned within 1 minute to a day. */
        public void check() {
            if (minNoticeMinutes < 0 || minNoticeMinutes > MINUTES_MAX || lateCancelMinutes < 0
                    || lateCancelMinutes > MINUTES_MAX || emergencyAssignMinutes < 1
                    || emergencyAssignMinutes > EMERGENCY_ASSIGN_MINUTES_MAX) {
                throw ApiException.invalid("settings", "OUT_OF_RANGE",
                        "Minutes 0 to " + MINUTES_MAX + "; emergency 1 to " + EMERGENCY_ASSIGN_MINUTES_MAX);
            }
        }
    }

    public Uni<Reply> read(Caller caller, NoInput none) {
        return CountySetting.of(caller.county()).map(s -> Reply.ok(Settings.of(s)));
    }

    public Uni<Reply> put(Caller caller, Settings r) {
        r.check();
        CountySetting s = new CountySetting();
        s.county = caller.county();
        s.minNoticeMinutes = r.minNoticeMinutes();
        s.lateCancelMinutes = r.lateCancelMinutes();
        s.emergencyAssignMinutes = r.emergencyAssignMinutes();
        return Panache.getSession().flatMap(session -> session.merge(s)).map(saved -> Reply.ok(Settings.of(saved)));
    }
}
