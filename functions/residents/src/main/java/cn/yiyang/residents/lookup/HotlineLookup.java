package cn.yiyang.residents.lookup;

import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.identity.ContactPhone;
import cn.yiyang.kernel.identity.IdNumber;
import cn.yiyang.kernel.identity.IdentityFormatException;
import cn.yiyang.kernel.pii.PiiProtector;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.residents.disclosure.DisclosureLog;
import cn.yiyang.residents.disclosure.DisclosureMethod;
import cn.yiyang.residents.registry.CountyAreaCodes;
import cn.yiyang.residents.registry.Resident;
import cn.yiyang.residents.registry.ResidentRequests.LookUp;
import cn.yiyang.residents.registry.ResidentView;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The hotline look-up: by a phone (mobile or landline), an ID number, or a name with a birth year or a
 * street. Each one spends the caller's budget ({@link LookupBudget}) and is recorded, with the residents
 * it matched, in the disclosure log, in the same transaction as its answer.
 */
@ApplicationScoped
public class HotlineLookup {

    public static final int RESULTS_MAX = 20;
    public static final int NAME_CHARS_MAX = 30;
    public static final int BIRTH_YEAR_MIN = 1880;

    private final PiiProtector pii;
    private final CountyAreaCodes areaCodes;
    private final LookupBudget budget;
    private final DisclosureLog log;
    private final Clock clock;

    public HotlineLookup(PiiProtector pii, CountyAreaCodes areaCodes, LookupBudget budget, DisclosureLog log, Clock clock) {
        this.pii = pii;
        this.areaCodes = areaCodes;
        this.budget = budget;
        this.log = log;
        this.clock = clock;
    }

    public Uni<Reply> lookUp(Invocation<LookUp> invocation) {
        String county = invocation.county();
        Search search = search(county, invocation.request());
        LocalDate today = CountyTime.today(clock);
        return budget.spend(county, invocation.caller().subject())
                .chain(() -> search.run().page(0, RESULTS_MAX).list())
                .call(found -> log.record(invocation, search.method(), null, found.stream().map(r -> r.id).toList()))
                .map(found -> Reply.ok(new ResidentView.Page(found.stream().map(r -> ResidentView.of(r, today)).toList())));
    }

    private record Search(DisclosureMethod method, String query, Object... params) {
        PanacheQuery<Resident> run() {
            return Resident.find(query + " order by name, id", params);
        }
    }

    private Search search(String county, LookUp r) {
        boolean byName = r.name() != null || r.birthYear() != null || r.streetCode() != null;
        int modes = (r.phone() != null ? 1 : 0) + (r.idNumber() != null ? 1 : 0) + (byName ? 1 : 0);
        if (modes != 1) {
            throw new ApiException(CommonProblem.MISSING_PARAMETER,
                    "Give exactly one of 'phone', 'idNumber', or 'name' with 'birthYear' or 'streetCode'");
        }
        if (r.phone() != null) {
            ContactPhone phone = parse("phone", () -> ContactPhone.parse(r.phone(), areaCodes.of(county)));
            return new Search(phone.kind() == ContactPhone.Kind.MOBILE ? DisclosureMethod.PHONE : DisclosureMethod.LANDLINE,
                    "county = ?1 and phoneIndex = ?2", county,
                    pii.index(county, Resident.PHONE, phone.value()));
        }
        if (r.idNumber() != null) {
            IdNumber id = parse("idNumber", () -> IdNumber.parse(r.idNumber(), CountyTime.today(clock)));
            return new Search(DisclosureMethod.ID_NUMBER, "county = ?1 and idNumberIndex = ?2", county,
                    pii.index(county, Resident.ID_NUMBER, id.value()));
        }
        return byName(county, r);
    }

    private Search byName(String county, LookUp r) {
        if (r.name() == null || r.name().isBlank() || r.name().codePointCount(0, r.name().length()) > NAME_CHARS_MAX) {
            throw ApiException.invalid("name", "BAD_NAME", "The resident's full name, 1 to " + NAME_CHARS_MAX + " characters");
        }
        if ((r.birthYear() == null) == (r.streetCode() == null)) {
            throw new ApiException(CommonProblem.MISSING_PARAMETER, "A name goes with exactly one of 'birthYear' or 'streetCode'");
        }
        if (r.birthYear() != null) {
            int thisYear = CountyTime.today(clock).getYear();
            if (r.birthYear() < BIRTH_YEAR_MIN || r.birthYear() > thisYear) {
                throw ApiException.invalid("birthYear", "OUT_OF_RANGE", "A year from " + BIRTH_YEAR_MIN + " to this year");
            }
            return new Search(DisclosureMethod.NAME_BIRTH_YEAR, "county = ?1 and name = ?2 and birthDate between ?3 and ?4",
                    county, r.name(), LocalDate.of(r.birthYear(), 1, 1), LocalDate.of(r.birthYear(), 12, 31));
        }
        if (!r.streetCode().matches("[0-9]{9}") || !r.streetCode().startsWith(county)) {
            throw ApiException.invalid("streetCode", "BAD_STREET_CODE", "A 9-digit street code of the caller's county");
        }
        return new Search(DisclosureMethod.NAME_STREET, "county = ?1 and name = ?2 and streetCode = ?3",
                county, r.name(), r.streetCode());
    }

    private static <T> T parse(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IdentityFormatException e) {
            throw ApiException.invalid(field, e.reason().name(), e.getMessage());
        }
    }
}
