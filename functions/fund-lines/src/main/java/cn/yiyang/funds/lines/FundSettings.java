package cn.yiyang.funds.lines;

import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.time.CountyTime;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A county's ledger rules: above which amount a transfer needs two approvers, and how long a pending transfer waits. */
@ApplicationScoped
public class FundSettings {

    /** ¥50,000: above it, two distinct approvers. */
    public static final long DUAL_APPROVAL_ABOVE_FEN_DEFAULT = 5_000_000;
    public static final int PENDING_EXPIRY_HOURS_DEFAULT = 168;
    public static final int PENDING_EXPIRY_HOURS_MAX = 2160;

    private final AuditTrail audit;
    private final Clock clock;

    public FundSettings(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @RegisterForReflection
    public record Settings(Long dualApprovalAboveFen, Integer pendingExpiryHours) {

        public int approvalsRequiredFor(long amountFen) {
            return amountFen > dualApprovalAboveFen ? 2 : 1;
        }
    }

    public static Uni<Settings> of(String county) {
        return FundCountySetting.<FundCountySetting>findById(county).map(found -> found == null
                ? new Settings(DUAL_APPROVAL_ABOVE_FEN_DEFAULT, PENDING_EXPIRY_HOURS_DEFAULT)
                : new Settings(found.dualApprovalAboveFen, found.pendingExpiryHours));
    }

    public Uni<Reply> read(Call call) {
        return of(call.county()).map(Reply::ok);
    }

    public Uni<Reply> put(Call call) {
        Settings s = call.body(Settings.class);
        List<FieldError> errors = new ArrayList<>();
        if (s.dualApprovalAboveFen() == null || s.dualApprovalAboveFen() < 0) {
            errors.add(new FieldError("dualApprovalAboveFen", "OUT_OF_RANGE", "An amount in fen, 0 or more"));
        }
        if (s.pendingExpiryHours() == null || s.pendingExpiryHours() < 1 || s.pendingExpiryHours() > PENDING_EXPIRY_HOURS_MAX) {
            errors.add(new FieldError("pendingExpiryHours", "OUT_OF_RANGE", "1 to " + PENDING_EXPIRY_HOURS_MAX + " hours"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        OffsetDateTime now = CountyTime.now(clock);
        return FundCountySetting.<FundCountySetting>findById(call.county()).flatMap(found -> {
                    FundCountySetting row = found == null ? new FundCountySetting() : found;
                    row.county = call.county();
                    row.dualApprovalAboveFen = s.dualApprovalAboveFen();
                    row.pendingExpiryHours = s.pendingExpiryHours();
                    row.changedBy = call.caller().subject();
                    row.changedAt = now;
                    return row.persistAndFlush();
                })
                .flatMap(v -> audit.append(call.county(), call.caller().subject(), "SETTINGS_CHANGED", "COUNTY",
                        call.county(), Map.of("dualApprovalAboveFen", s.dualApprovalAboveFen(),
                                "pendingExpiryHours", s.pendingExpiryHours()), now))
                .replaceWith(Reply.ok(s));
    }
}
