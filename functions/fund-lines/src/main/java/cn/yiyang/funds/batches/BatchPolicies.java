package cn.yiyang.funds.batches;

import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.batches.BatchRequests.PolicyChange;
import cn.yiyang.funds.batches.BatchRequests.PolicyOf;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The county's batch policies, versioned and insert-only: a PUT adds version n+1, the highest
 * version is in force, and version 0 is the built-in default. A batch copies the policy it applied.
 */
@ApplicationScoped
public class BatchPolicies {

    private final AuditTrail audit;
    private final Clock clock;

    public BatchPolicies(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** A policy in force: its version (0 for the default) and its canonical JSON. */
    @RegisterForReflection
    public record Versioned(String kind, int version, Object policy) {
    }

    public static Uni<Versioned> current(String county, BatchKind kind) {
        return NativeSql.first("select version, body from funds.batch_policy where county = ?1 and kind = ?2 order by version desc limit 1",
                        county, kind.name())
                .map(row -> row.map(r -> new Versioned(kind.name(), (int) NativeSql.number(r[0]), parse(kind, NativeSql.text(r[1]))))
                        .orElse(new Versioned(kind.name(), 0, kind == BatchKind.ALLOWANCE ? AllowancePolicy.DEFAULT : BedPolicy.DEFAULT)));
    }

    public Uni<Reply> read(Caller caller, PolicyOf request) {
        return current(caller.county(), kindOf(request.kind())).map(Reply::ok);
    }

    public Uni<Reply> put(Caller caller, PolicyChange change) {
        BatchKind kind = kindOf(change.kind());
        Object policy = policyOf(kind, change);
        String body = StrictJson.write(policy);
        OffsetDateTime now = CountyTime.now(clock);
        String county = caller.county();
        String by = caller.subject();
        // one writer per county and kind at a time, so versions never collide
        return NativeSql.rows("select pg_advisory_xact_lock(hashtextextended('funds-policy:' || ?1 || ':' || ?2, 0))",
                        county, kind.name())
                .flatMap(v -> current(county, kind))
                .flatMap(current -> NativeSql.update("""
                                insert into funds.batch_policy (county, kind, version, body, changed_by, changed_at)
                                values (?1, ?2, ?3, ?4, ?5, ?6)""", county, kind.name(), current.version() + 1, body, by, now)
                        .flatMap(v -> audit.append(county, by, "BATCH_POLICY_CHANGED", "BATCH_POLICY",
                                kind.name() + ":" + (current.version() + 1), Map.of("policy", body), now))
                        .replaceWith(new Versioned(kind.name(), current.version() + 1, policy)))
                .map(Reply::ok);
    }

    /** The kind's policy from the request, checked; the other kind's fields are unknown here. */
    static Object policyOf(BatchKind kind, PolicyChange change) {
        List<FieldError> errors = new ArrayList<>();
        Object policy;
        if (kind == BatchKind.ALLOWANCE) {
            unknown("dailyRateFen", change.dailyRateFen(), errors);
            unknown("upliftPercent", change.upliftPercent(), errors);
            AllowancePolicy allowance = new AllowancePolicy(change.bands());
            policy = allowance;
            if (errors.isEmpty()) {
                errors.addAll(allowance.errors());
            }
        } else {
            unknown("bands", change.bands(), errors);
            BedPolicy beds = new BedPolicy(change.dailyRateFen(), change.upliftPercent());
            policy = beds;
            if (errors.isEmpty()) {
                errors.addAll(beds.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return policy;
    }

    private static void unknown(String field, Object value, List<FieldError> errors) {
        if (value != null) {
            errors.add(new FieldError(field, "UNKNOWN_FIELD", "This field is not accepted here"));
        }
    }

    private static BatchKind kindOf(String pathName) {
        return BatchKind.ofPath(pathName).orElseThrow(() -> ApiException.notFound("Batch policy"));
    }

    static Object parse(BatchKind kind, String body) {
        return kind == BatchKind.ALLOWANCE ? StrictJson.read(body, AllowancePolicy.class) : StrictJson.read(body, BedPolicy.class);
    }
}
