package cn.yiyang.funds.batches;

import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.gateway.dispatch.Call;
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

    public Uni<Reply> read(Call call) {
        return current(call.county(), kindOf(call)).map(Reply::ok);
    }

    public Uni<Reply> put(Call call) {
        BatchKind kind = kindOf(call);
        Object policy;
        List<FieldError> errors;
        if (kind == BatchKind.ALLOWANCE) {
            AllowancePolicy p = call.body(AllowancePolicy.class);
            errors = p.errors();
            policy = p;
        } else {
            BedPolicy p = call.body(BedPolicy.class);
            errors = p.errors();
            policy = p;
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String body = StrictJson.write(policy);
        OffsetDateTime now = CountyTime.now(clock);
        String by = call.caller().subject();
        // one writer per county and kind at a time, so versions never collide
        return NativeSql.rows("select pg_advisory_xact_lock(hashtextextended('funds-policy:' || ?1 || ':' || ?2, 0))",
                        call.county(), kind.name())
                .flatMap(v -> current(call.county(), kind))
                .flatMap(current -> NativeSql.update("""
                                insert into funds.batch_policy (county, kind, version, body, changed_by, changed_at)
                                values (?1, ?2, ?3, ?4, ?5, ?6)""", call.county(), kind.name(), current.version() + 1, body, by, now)
                        .flatMap(v -> audit.append(call.county(), by, "BATCH_POLICY_CHANGED", "BATCH_POLICY",
                                kind.name() + ":" + (current.version() + 1), Map.of("policy", body), now))
                        .replaceWith(new Versioned(kind.name(), current.version() + 1, policy)))
                .map(Reply::ok);
    }

    private static BatchKind kindOf(Call call) {
        return BatchKind.ofPath(call.pathParam("kind")).orElseThrow(() -> ApiException.notFound("Batch policy"));
    }

    static Object parse(BatchKind kind, String body) {
        return kind == BatchKind.ALLOWANCE ? StrictJson.read(body, AllowancePolicy.class) : StrictJson.read(body, BedPolicy.class);
    }
}
