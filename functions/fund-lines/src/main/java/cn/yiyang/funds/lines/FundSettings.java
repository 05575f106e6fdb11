package cn.yiyang.funds.lines;

import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.ledger.ApprovalRules;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.SqlRow;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
            return ApprovalRules.approvalsRequiredFor(amountFen, dualApprovalAboveFen);
        }
    }

    /** The county's settings row, if it has one: for a read that rides in a pipeline ({@link #of(Optional)}). */
    public static final String SELECT =
            "select dual_approval_above_fen, pending_expiry_hours from funds.county_setting where county = ?1";

    public static Settings of(Optional<SqlRow> row) {
        return row.map(found -> new Settings(found.fen("dual_approval_above_fen"), (int) found.number("pending_expiry_hours")))
                .orElseGet(() -> new Settings(DUAL_APPROVAL_ABOVE_FEN_DEFAULT, PENDING_EXPIRY_HOURS_DEFAULT));
    }

    public static Uni<Settings> of(String county) {
        return FundCountySetting.<FundCountySetting>findById(county).map(found -> found == null
                ? new Settings(DUAL_APPROVAL_ABOVE_FEN_DEFAULT, PENDING_EXPIRY_HOURS_DEFAULT)
                : new Settings(found.dualApprovalAboveFen, found.pendingExpiryHours));
    }

    public Uni<Reply> read(Caller caller, NoInput none) {
        return of(caller.county()).map(Reply::ok);
    }

    /** {@code PUT /v1/fund-settings}: the request is the settings themselves. */
    public Uni<Reply> put(Caller caller, Settings s) {
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
        return FundCountySetting.<FundCountySetting>findById(caller.county()).flatMap(found -> {
                    FundCountySetting row = found == null ? new FundCountySetting() : found;
                    row.county = caller.county();
                    row.dualApprovalAboveFen = s.dualApprovalAboveFen();
                    row.pendingExpiryHours = s.pendingExpiryHours();
                    row.changedBy = caller.subject();
                    row.changedAt = now;
                    return row.persistAndFlush();
                })
                .flatMap(v -> audit.append(caller.county(), caller.subject(), "SETTINGS_CHANGED", "COUNTY",
                        caller.county(), Map.of("dualApprovalAboveFen", s.dualApprovalAboveFen(),
                                "pendingExpiryHours", s.pendingExpiryHours()), now))
                .replaceWith(Reply.ok(s));
    }
}
