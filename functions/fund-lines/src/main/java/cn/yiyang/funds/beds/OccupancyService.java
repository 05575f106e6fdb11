package cn.yiyang.funds.beds;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.beds.BedRequests.Admission;
import cn.yiyang.funds.beds.BedRequests.Discharge;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.PgFailures;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Admission and discharge: an occupancy pairs a bed with a resident over [admitted on, discharged on)
 * — the admission day is a bed-day, the discharge day is not. One resident per bed and one bed per
 * resident at a time are PostgreSQL exclusion constraints, so concurrent admissions cannot both win.
 * The care level the subsidy is raised by is the resident card's disability level, recorded at
 * admission: a later reassessment is a discharge and a readmission, so a paid month never changes.
 */
@ApplicationScoped
public class OccupancyService {

    /** How far back an admission or discharge may be recorded. */
    public static final int BACKDATE_DAYS_MAX = 366;

    private final ResidentCards cards;
    private final AuditTrail audit;
    private final Clock clock;

    public OccupancyService(ResidentCards cards, AuditTrail audit, Clock clock) {
        this.cards = cards;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Reply> admit(Caller caller, Admission r) {
        UUID bedId = AccountService.uuid(r.id(), "Bed");
        if (r.residentId() == null || r.residentId().isBlank() || r.residentId().length() > 64) {
            throw ApiException.invalid("residentId", "REQUIRED", "The resident's id");
        }
        LocalDate admittedOn = date("admittedOn", r.admittedOn());
        String county = caller.county();
        String by = caller.subject();
        OffsetDateTime now = CountyTime.now(clock);
        UUID id = UUID.randomUUID();
        return BedService.find(county, bedId)
                .flatMap(bed -> VertxContextSupport.executeBlocking(() -> cards.find(county, r.residentId()))
                        .flatMap(card -> {
                            if (card.isEmpty()) {
                                throw ApiException.notFound("Resident");
                            }
                            if (!card.get().isActive()) {
                                throw new ApiException(FundProblem.BED_RESIDENT_INACTIVE, "The resident is " + card.get().status());
                            }
                            CareLevel level = CareLevel.ofCard(card.get().disabilityLevel());
                            return notBatched(county, admittedOn, PAID_BY_BED_DAYS)
                                    .flatMap(v -> NativeSql.write("""
                                                    insert into funds.occupancy (id, county, bed_id, resident_id, care_level, during, admitted_by, admitted_at)
                                                    values (?1, ?2, ?3, ?4, ?5, daterange(?6, cast(null as date), '[)'), ?7, ?8)""",
                                                    id, county, bedId, r.residentId(), level.name(), admittedOn, by, now)
                                            .onFailure(f -> PgFailures.is(f, PgFailures.EXCLUSION_VIOLATION))
                                            .transform(OccupancyService::overlap))
                                    .flatMap(v -> {
                                        Map<String, Object> fact = new LinkedHashMap<>();
                                        fact.put("bedId", bedId.toString());
                                        fact.put("bedCode", bed.code());
                                        fact.put("residentId", r.residentId());
                                        fact.put("careLevel", level.name());
                                        fact.put("admittedOn", admittedOn.toString());
                                        return audit.append(county, by, "OCCUPANCY_ADMITTED", "OCCUPANCY", id.toString(), fact, now);
                                    });
                        }))
                .flatMap(v -> find(county, id))
                .map(Reply::created);
    }

    public Uni<Reply> discharge(Caller caller, Discharge r) {
        UUID id = AccountService.uuid(r.id(), "Occupancy");
        LocalDate dischargedOn = date("dischargedOn", r.dischargedOn());
        String county = caller.county();
        String by = caller.subject();
        OffsetDateTime now = CountyTime.now(clock);
        return find(county, id).flatMap(o -> {
                    if (o.dischargedOn() != null) {
                        throw new ApiException(FundProblem.ALREADY_DISCHARGED, "Discharged on " + o.dischargedOn());
                    }
                    if (!dischargedOn.isAfter(o.admittedOn())) {
                        throw new ApiException(FundProblem.DISCHARGE_NOT_AFTER_ADMISSION, "Admitted on " + o.admittedOn());
                    }
                    return notBatched(county, dischargedOn, PAID_BY_BED_DAYS)
                            .flatMap(v -> NativeSql.write("""
                                            update funds.occupancy set during = daterange(lower(during), ?2, '[)'),
                                              discharged_by = ?3, discharged_at = ?4
                                            where id = ?1 and county = ?5 and upper_inf(during)""",
                                    id, dischargedOn, by, now, county))
                            .flatMap(updated -> {
                                if (updated != 1) {
                                    throw new ApiException(FundProblem.ALREADY_DISCHARGED, "Discharged concurrently");
                                }
                                return audit.append(county, by, "OCCUPANCY_DISCHARGED", "OCCUPANCY", id.toString(),
                                        Map.of("dischargedOn", dischargedOn.toString()), now);
                            });
                })
                .flatMap(v -> find(county, id))
                .map(Reply::ok);
    }

    /** The batch kinds paid by occupied bed-days: an occupancy counts for the bed subsidy and for the caregiver posts. */
    private static final String PAID_BY_BED_DAYS = "BED,CAREGIVER_POST";

    /**
     * No live batch of these kinds (comma-separated) covers the date's month or a later one: a paid month's
     * bed-days never change. Admissions, discharges, caregiver assignments and certificates share a county lock that
     * a bed or caregiver-post batch's creation takes exclusively, so a batch never reads the month while an occupancy,
     * an assignment or a certificate inside it is being changed.
     */
    public static Uni<Void> notBatched(String county, LocalDate date, String kinds) {
        return notBatched(county, YearMonth.from(date), LAST_MONTH, kinds);
    }

    /**
     * No live batch of these kinds covers a month from {@code from}'s to {@code until}'s, both included: a record
     * with an end (a caregiver's certificate) changes only those months. Under the same lock as the above.
     */
    public static Uni<Void> notBatched(String county, LocalDate from, LocalDate until, String kinds) {
        return notBatched(county, YearMonth.from(from), YearMonth.from(until), kinds);
    }

    /** Later than any batch's month: an open-ended change reaches every month from its first. */
    private static final YearMonth LAST_MONTH = YearMonth.of(9999, 12);

    private static Uni<Void> notBatched(String county, YearMonth from, YearMonth until, String kinds) {
        return NativeSql.select("select pg_advisory_xact_lock_shared(hashtextextended('funds-occupancy:' || ?1, 0)) as locked",
                        county)
                .flatMap(v -> NativeSql.selectOne("""
                        select b.kind, b.month from funds.batch b left join funds.batch_resolution r on r.batch_id = b.id
                        where b.county = ?1 and b.kind = any(string_to_array(?3, ',')) and b.month between ?2 and ?4
                          and (r.outcome is null or r.outcome = 'POSTED')
                        limit 1""", county, from.toString(), kinds, until.toString()))
                .map(found -> {
                    if (found.isPresent()) {
                        throw new ApiException(FundProblem.MONTH_ALREADY_BATCHED, "The " + found.get().text("kind") + " batch of "
                                + found.get().text("month") + " is made already");
                    }
                    return null;
                });
    }

    /** Taken by a bed or caregiver-post batch's creation: no admission, discharge, assignment or certificate of the county runs while it reads the month. */
    public static Uni<Void> lockOccupancies(String county) {
        return NativeSql.select("select pg_advisory_xact_lock(hashtextextended('funds-occupancy:' || ?1, 0)) as locked", county)
                .replaceWithVoid();
    }

    private static Throwable overlap(Throwable failure) {
        return violates(failure, "occupancy_one_bed_per_resident")
                ? new ApiException(FundProblem.RESIDENT_ALREADY_IN_BED, "The resident is in another bed over these dates")
                : new ApiException(FundProblem.BED_OCCUPIED, "The bed is taken over these dates");
    }

    /** Which exclusion constraint refused: named by the driver's error, or failing that, in its message. */
    private static boolean violates(Throwable failure, String constraint) {
        if (PgFailures.constraint(failure).filter(constraint::equals).isPresent()) {
            return true;
        }
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 16; depth++) {
            if (current.getMessage() != null && current.getMessage().contains("\"" + constraint + "\"")) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }

    private static Uni<BedViews.OccupancyView> find(String county, UUID id) {
        return NativeSql.selectOne(BedViews.OCCUPANCY_SELECT + "where o.id = ?1 and o.county = ?2", id, county)
                .map(row -> row.map(BedViews::occupancy).orElseThrow(() -> ApiException.notFound("Occupancy")));
    }

    private LocalDate date(String field, String text) {
        LocalDate today = CountyTime.today(clock);
        try {
            if (text != null && text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                LocalDate date = LocalDate.parse(text);
                if (!date.isAfter(today) && !date.isBefore(today.minusDays(BACKDATE_DAYS_MAX))) {
                    return date;
                }
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ApiException.invalid(field, "BAD_DATE", "A date YYYY-MM-DD, today or up to " + BACKDATE_DAYS_MAX + " days before");
    }
}
