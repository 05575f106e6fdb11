package cn.yiyang.bookings.settings;

import cn.yiyang.gateway.dispatch.Call;
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

    @RegisterForReflection
    public record Settings(int minNoticeMinutes, int lateCancelMinutes, int emergencyAssignMinutes) {
        static Settings of(CountySetting s) {
            return new Settings(s.minNoticeMinutes, s.lateCancelMinutes, s.emergencyAssignMinutes);
        }
    }

    public Uni<Reply> read(Call call) {
        return CountySetting.of(call.county()).map(s -> Reply.ok(Settings.of(s)));
    }

    public Uni<Reply> put(Call call) {
        Settings r = call.body(Settings.class);
        if (r.minNoticeMinutes() < 0 || r.minNoticeMinutes() > MINUTES_MAX || r.lateCancelMinutes() < 0
                || r.lateCancelMinutes() > MINUTES_MAX || r.emergencyAssignMinutes() < 1 || r.emergencyAssignMinutes() > 1440) {
            throw ApiException.invalid("settings", "OUT_OF_RANGE", "Minutes 0 to " + MINUTES_MAX + "; emergency 1 to 1440");
        }
        CountySetting s = new CountySetting();
        s.county = call.county();
        s.minNoticeMinutes = r.minNoticeMinutes();
        s.lateCancelMinutes = r.lateCancelMinutes();
        s.emergencyAssignMinutes = r.emergencyAssignMinutes();
        return Panache.getSession().flatMap(session -> session.merge(s)).map(saved -> Reply.ok(Settings.of(saved)));
    }
}
