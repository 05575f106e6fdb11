package cn.yiyang.funds.caregivers;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.beds.OccupancyService;
import cn.yiyang.funds.caregivers.CaregiverRequests.AssignmentEnd;
import cn.yiyang.funds.caregivers.CaregiverRequests.NewAssignment;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.PgFailures;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A caregiver's posts: assigned to a coded bed over [from, until) — the first day counts, the end day does not —
 * insert-only like occupancy (an assignment changes once, when it is ended). One caregiver per bed at a time is a
 * PostgreSQL exclusion constraint, so concurrent assignments cannot both win; a caregiver may care for several
 * beds. A month a caregiver-post batch has paid never changes: its assignments cannot be made or ended into it.
 */
@ApplicationScoped
public class AssignmentService {

    /** How far back an assignment or its end may be recorded, as for admissions. */
    public static final int BACKDATE_DAYS_MAX = OccupancyService.BACKDATE_DAYS_MAX;
    /** How far ahead an assignment's planned end may lie. */
    public static final int AHEAD_DAYS_MAX = 3 * 366;
    public static final int ASSIGNMENTS_SHOWN_MAX = 200;
    private static final String PAID_BY_ASSIGNMENTS = "CAREGIVER_POST";

    private final AuditTrail audit;
    private final Clock clock;

    public AssignmentService(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Reply> assign(Caller caller, NewAssignment r) {
        UUID caregiverId = AccountService.uuid(r.id(), "Caregiver");
        LocalDate today = CountyTime.today(clock);
        List<FieldError> errors = new ArrayList<>();
        if (r.bedId() == null || r.bedId().isBlank()) {
            errors.add(new FieldError("bedId", "REQUIRED", "The bed's id"));
        }
        LocalDate from = CaregiverService.date("from", r.from(), errors);
        LocalDate until = r.until() == null ? null : CaregiverService.date("until", r.until(), errors);
        if (from != null && (from.isAfter(today) || from.isBefore(today.minusDays(BACKDATE_DAYS_MAX)))) {
            errors.add(new FieldError("from", "BAD_DATE", "Today or up to " + BACKDATE_DAYS_MAX + " days before"));
        }
        if (from != null && until != null && (!until.isAfter(from) || until.isAfter(today.plusDays(AHEAD_DAYS_MAX)))) {
            errors.add(new FieldError("until", "BAD_DATE", "After from, at most " + AHEAD_DAYS_MAX + " days ahead"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        UUID bedId = AccountService.uuid(r.bedId(), "Bed");
        String county = caller.county();
        UUID id = UUID.randomUUID();
        OffsetDateTime now = CountyTime.now(clock);
        return CaregiverService.exists(county, caregiverId)
                .flatMap(known -> NativeSql.selectOne("select code from funds.bed where id = ?1 and county = ?2", bedId, county)
                        .map(bed -> bed.orElseThrow(() -> ApiException.notFound("Bed")).text("code")))
                .flatMap(code -> OccupancyService.notBatched(county, from, PAID_BY_ASSIGNMENTS)
                        .flatMap(v -> NativeSql.write("""
                                        insert into funds.caregiver_assignment (id, county, caregiver_id, bed_id, during, assigned_by, assigned_at)
                                        values (?1, ?2, ?3, ?4, daterange(?5, ?6, '[)'), ?7, ?8)""",
                                        id, county, caregiverId, bedId, from, until, caller.subject(), now)
                                .onFailure(f -> PgFailures.is(f, PgFailures.EXCLUSION_VIOLATION))
                                .transform(f -> new ApiException(FundProblem.BED_HAS_CAREGIVER,
                                        "Another caregiver is assigned to the bed over these dates")))
                        .flatMap(v -> {
                            Map<String, Object> fact = new LinkedHashMap<>();
                            fact.put("caregiverId", caregiverId.toString());
                            fact.put("bedId", bedId.toString());
                            fact.put("bedCode", code);
                            fact.put("from", from.toString());
                            if (until != null) {
                                fact.put("until", until.toString());
                            }
                            return audit.append(county, caller.subject(), "CAREGIVER_ASSIGNED", "CAREGIVER_ASSIGNMENT", id.toString(),
                                    fact, now);
                        }))
                .flatMap(v -> find(county, id))
                .map(Reply::created);
    }

    public Uni<Reply> end(Caller caller, AssignmentEnd r) {
        UUID id = AccountService.uuid(r.id(), "Assignment");
        List<FieldError> errors = new ArrayList<>();
        LocalDate endsOn = CaregiverService.date("endsOn", r.endsOn(), errors);
        LocalDate today = CountyTime.today(clock);
        if (endsOn != null && (endsOn.isAfter(today.plusDays(AHEAD_DAYS_MAX)) || endsOn.isBefore(today.minusDays(BACKDATE_DAYS_MAX)))) {
            errors.add(new FieldError("endsOn", "BAD_DATE", "Up to " + BACKDATE_DAYS_MAX + " days before today, "
                    + AHEAD_DAYS_MAX + " after"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        String county = caller.county();
        OffsetDateTime now = CountyTime.now(clock);
        return find(county, id).flatMap(a -> {
                    if (a.until() != null) {
                        throw new ApiException(FundProblem.ASSIGNMENT_ALREADY_ENDED, "Ended on " + a.until());
                    }
                    if (!endsOn.isAfter(a.from())) {
                        throw new ApiException(FundProblem.ASSIGNMENT_END_NOT_AFTER_START, "Assigned from " + a.from());
                    }
                    return OccupancyService.notBatched(county, endsOn, PAID_BY_ASSIGNMENTS)
                            .flatMap(v -> NativeSql.write("""
                                            update funds.caregiver_assignment set during = daterange(lower(during), ?2, '[)'),
                                              ended_by = ?3, ended_at = ?4
                                            where id = ?1 and county = ?5 and upper_inf(during)""",
                                    id, endsOn, caller.subject(), now, county))
                            .flatMap(updated -> {
                                if (updated != 1) {
                                    throw new ApiException(FundProblem.ASSIGNMENT_ALREADY_ENDED, "Ended concurrently");
                                }
                                return audit.append(county, caller.subject(), "CAREGIVER_ASSIGNMENT_ENDED", "CAREGIVER_ASSIGNMENT",
                                        id.toString(), Map.of("endsOn", endsOn.toString()), now);
                            });
                })
                .flatMap(v -> find(county, id))
                .map(Reply::ok);
    }

    /** A caregiver's assignments, the latest first. */
    public Uni<Reply> ofCaregiver(Caller caller, ById request) {
        UUID caregiver = AccountService.uuid(request.id(), "Caregiver");
        return CaregiverService.exists(caller.county(), caregiver)
                .flatMap(c -> page("a.caregiver_id = ?1 and a.county = ?2", caregiver, caller.county()));
    }

    /** A bed's assignments, the latest first. */
    public Uni<Reply> ofBed(Caller caller, ById request) {
        UUID bed = AccountService.uuid(request.id(), "Bed");
        return NativeSql.selectOne("select id from funds.bed where id = ?1 and county = ?2", bed, caller.county())
                .flatMap(found -> {
                    if (found.isEmpty()) {
                        throw ApiException.notFound("Bed");
                    }
                    return page("a.bed_id = ?1 and a.county = ?2", bed, caller.county());
                });
    }

    private static Uni<Reply> page(String where, UUID id, String county) {
        return NativeSql.select(CaregiverViews.ASSIGNMENT_SELECT + "where " + where + " order by lower(a.during) desc, a.id limit "
                        + ASSIGNMENTS_SHOWN_MAX, id, county)
                .map(rows -> Reply.ok(new CaregiverViews.AssignmentPage(rows.stream().map(CaregiverViews::assignment).toList())));
    }

    private static Uni<CaregiverViews.AssignmentView> find(String county, UUID id) {
        return NativeSql.selectOne(CaregiverViews.ASSIGNMENT_SELECT + "where a.id = ?1 and a.county = ?2", id, county)
                .map(row -> row.map(CaregiverViews::assignment).orElseThrow(() -> ApiException.notFound("Assignment")));
    }
}
