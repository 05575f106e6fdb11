package cn.yiyang.funds.batches;

import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.batches.BatchRequests.PolicyChange;
import cn.yiyang.funds.batches.BatchRequests.PolicyOf;
import cn.yiyang.funds.beds.OccupancyService;
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
        return NativeSql.selectOne("select version, body from funds.batch_policy where county = ?1 and kind = ?2 order by version desc limit 1",
                        county, kind.name())
                .map(row -> row.map(r -> new Versioned(kind.name(), (int) r.number("version"), parse(kind, r.text("body"))))
                        .orElse(new Versioned(kind.name(), 0, defaultOf(kind))));
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
        return NativeSql.select("select pg_advisory_xact_lock(hashtextextended('funds-policy:' || ?1 || ':' || ?2, 0)) as locked",
                        county, kind.name())
                .flatMap(v -> policy instanceof CaregiverPostPolicy posts
                        // a rate from a day of a paid month would tell the trace another rate than the one paid
                        ? OccupancyService.notBatched(county, posts.from(), BatchKind.CAREGIVER_POST.name()) : Uni.createFrom().voidItem())
                .flatMap(v -> current(county, kind))
                .flatMap(current -> NativeSql.write("""
                                insert into funds.batch_policy (county, kind, version, body, changed_by, changed_at)
                                values (?1, ?2, ?3, ?4, ?5, ?6)""", county, kind.name(), current.version() + 1, body, by, now)
                        .flatMap(v -> audit.append(county, by, "BATCH_POLICY_CHANGED", "BATCH_POLICY",
                                kind.name() + ":" + (current.version() + 1), Map.of("policy", body), now))
                        .replaceWith(new Versioned(kind.name(), current.version() + 1, policy)))
                .map(Reply::ok);
    }

    /** Every version of the kind's policy, oldest first, the built-in default as version 0. */
    public static Uni<List<Versioned>> all(String county, BatchKind kind) {
        return NativeSql.select("select version, body from funds.batch_policy where county = ?1 and kind = ?2 order by version",
                        county, kind.name())
                .map(rows -> {
                    List<Versioned> versions = new ArrayList<>(List.of(new Versioned(kind.name(), 0, defaultOf(kind))));
                    rows.forEach(r -> versions.add(new Versioned(kind.name(), (int) r.number("version"), parse(kind, r.text("body")))));
                    return versions;
                });
    }

    /** The kind's policy from the request, checked; the other kinds' fields are unknown here. */
    static Object policyOf(BatchKind kind, PolicyChange change) {
        List<FieldError> errors = new ArrayList<>();
        if (kind != BatchKind.ALLOWANCE) {
            unknown("bands", change.bands(), errors);
        }
        if (kind != BatchKind.BED) {
            unknown("dailyRateFen", change.dailyRateFen(), errors);
            unknown("upliftPercent", change.upliftPercent(), errors);
        }
        if (kind != BatchKind.CAREGIVER_POST) {
            unknown("effectiveFrom", change.effectiveFrom(), errors);
            unknown("ratesFen", change.ratesFen(), errors);
        }
        Object policy;
        List<FieldError> own;
        switch (kind) {
            case ALLOWANCE -> {
                AllowancePolicy allowance = new AllowancePolicy(change.bands());
                policy = allowance;
                own = errors.isEmpty() ? allowance.errors() : List.of();
            }
            case BED -> {
                BedPolicy beds = new BedPolicy(change.dailyRateFen(), change.upliftPercent());
                policy = beds;
                own = errors.isEmpty() ? beds.errors() : List.of();
            }
            default -> {
                CaregiverPostPolicy posts = new CaregiverPostPolicy(change.effectiveFrom(), change.ratesFen());
                policy = posts;
                own = errors.isEmpty() ? posts.errors() : List.of();
            }
        }
        errors.addAll(own);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return policy;
    }

    private static Object defaultOf(BatchKind kind) {
        return switch (kind) {
            case ALLOWANCE -> AllowancePolicy.DEFAULT;
            case BED -> BedPolicy.DEFAULT;
            case CAREGIVER_POST -> CaregiverPostPolicy.DEFAULT;
        };
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
        return switch (kind) {
            case ALLOWANCE -> StrictJson.read(body, AllowancePolicy.class);
            case BED -> StrictJson.read(body, BedPolicy.class);
            case CAREGIVER_POST -> StrictJson.read(body, CaregiverPostPolicy.class);
        };
    }
}
