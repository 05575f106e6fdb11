package cn.yiyang.funds.beds;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.Account;
import cn.yiyang.funds.accounts.AccountKind;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.accounts.PayeeType;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.batches.BatchKind;
import cn.yiyang.funds.beds.BedRequests.BedFilter;
import cn.yiyang.funds.beds.BedRequests.NewBed;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** 一床一码: an institution's beds, each with a code unique in the county, its type and the care it is equipped for. */
@ApplicationScoped
public class BedService {

    public static final int BEDS_PER_INSTITUTION_MAX = 2_000;
    public static final int PAGE_SIZE_MAX = 500;
    /** Occupancies shown with one bed, newest first. */
    public static final int OCCUPANCIES_SHOWN_MAX = 200;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9-]{3,40}");

    private final AuditTrail audit;
    private final Clock clock;

    public BedService(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Reply> register(Caller caller, NewBed r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.institutionAccountId() == null) {
            errors.add(new FieldError("institutionAccountId", "REQUIRED", "The institution's payee account in INSTITUTION_SUBSIDY"));
        }
        if (r.code() == null || !CODE.matcher(r.code()).matches()) {
            errors.add(new FieldError("code", "BAD_CODE", "The bed's code: 3 to 40 of A-Z 0-9 -"));
        }
        BedType type = parse(BedType.class, r.bedType());
        if (type == null) {
            errors.add(new FieldError("bedType", "BAD_TYPE", "STANDARD, NURSING, DEMENTIA or HOSPICE"));
        }
        Optional<CareLevel> level = CareLevel.parse(r.careLevel());
        if (level.isEmpty()) {
            errors.add(new FieldError("careLevel", "BAD_LEVEL", "NONE, MILD, MODERATE or SEVERE: the care the bed is equipped for"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        OffsetDateTime now = CountyTime.now(clock);
        UUID id = UUID.randomUUID();
        String by = caller.subject();
        String county = caller.county();
        return AccountService.find(county, r.institutionAccountId()).flatMap(institution -> {
            checkInstitution(institution);
            return NativeSql.select("select pg_advisory_xact_lock(hashtextextended('funds-beds-of:' || ?1, 0)) as locked",
                            institution.id().toString())
                    .flatMap(v -> NativeSql.selectOne("select count(*) as beds from funds.bed where institution_account_id = ?1",
                            institution.id()))
                    .flatMap(count -> {
                        if (count.orElseThrow().number("beds") >= BEDS_PER_INSTITUTION_MAX) {
                            throw new ApiException(FundProblem.BEDS_PER_INSTITUTION_REACHED, "At most " + BEDS_PER_INSTITUTION_MAX + " beds");
                        }
                        return NativeSql.write("""
                                        insert into funds.bed (id, county, institution_account_id, code, bed_type, care_level, registered_by, registered_at)
                                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (county, code) do nothing""",
                                id, county, institution.id(), r.code(), type.name(), level.get().name(), by, now);
                    })
                    .flatMap(inserted -> {
                        if (inserted == 0) {
                            throw new ApiException(FundProblem.BED_CODE_EXISTS, "The county has a bed " + r.code() + " already");
                        }
                        Map<String, Object> fact = new LinkedHashMap<>();
                        fact.put("institutionAccountId", institution.id().toString());
                        fact.put("code", r.code());
                        fact.put("bedType", type.name());
                        fact.put("careLevel", level.get().name());
                        return audit.append(county, by, "BED_REGISTERED", "BED", id.toString(), fact, now);
                    })
                    .flatMap(v -> find(county, id))
                    .map(Reply::created);
        });
    }

    public Uni<Reply> list(Caller caller, BedFilter filter) {
        Optional<String> institution = Optional.ofNullable(filter.institutionAccountId());
        String where = "where b.county = ?1" + (institution.isPresent() ? " and b.institution_account_id = ?2" : "");
        Object[] params = institution.isPresent()
                ? new Object[] {caller.county(), AccountService.uuid(institution.get(), "Account")} : new Object[] {caller.county()};
        return NativeSql.select(BedViews.BED_SELECT + where + " order by b.code limit " + PAGE_SIZE_MAX, params)
                .map(rows -> Reply.ok(new BedViews.BedPage(rows.stream().map(r -> BedViews.bed(r, List.of())).toList())));
    }

    public Uni<Reply> get(Caller caller, ById request) {
        return find(caller.county(), AccountService.uuid(request.id(), "Bed")).map(Reply::ok);
    }

    /** The county's bed with its latest occupancies, or 404. */
    static Uni<BedViews.BedView> find(String county, UUID id) {
        return NativeSql.selectOne(BedViews.BED_SELECT + "where b.id = ?1 and b.county = ?2", id, county)
                .map(row -> row.orElseThrow(() -> ApiException.notFound("Bed")))
                .flatMap(bed -> NativeSql.select(BedViews.OCCUPANCY_SELECT + "where o.bed_id = ?1 order by lower(o.during) desc limit "
                                + OCCUPANCIES_SHOWN_MAX, id)
                        .map(rows -> BedViews.bed(bed, rows.stream().map(BedViews::occupancy).toList())));
    }

    private static void checkInstitution(Account a) {
        if (a.kind() != AccountKind.PAYEE || !PayeeType.INSTITUTION.name().equals(a.payeeType())
                || !BatchKind.BED.fundLine().equals(a.fundLine())) {
            throw new ApiException(FundProblem.NOT_AN_INSTITUTION, "Beds belong to INSTITUTION payee accounts of "
                    + BatchKind.BED.fundLine());
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
