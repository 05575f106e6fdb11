package cn.yiyang.funds.caregivers;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.caregivers.CaregiverRequests.CaregiverFilter;
import cn.yiyang.funds.caregivers.CaregiverRequests.NewCaregiver;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.identity.IdNumber;
import cn.yiyang.kernel.identity.IdentityFormatException;
import cn.yiyang.kernel.identity.MobilePhone;
import cn.yiyang.kernel.pii.PiiProtector;
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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The county's care-home caregivers (养老机构护理员), registered by an officer, insert-only. The ID number and
 * the phone are personal data, kept as payout account numbers are: encrypted and bound to the row
 * ({@link PiiProtector}), the ID number matched by a keyed index (one registration per person and county),
 * answered masked by the one rule ({@code 330105************}, {@code 138****5678}). The audit entry carries
 * the masks and the index, never the numbers.
 */
@ApplicationScoped
public class CaregiverService {

    public static final int NAME_CHARS_MAX = 30;
    public static final int PAGE_SIZE_MAX = 200;
    /** A certificate is valid for at most this many years (the 养老护理员 certificate is issued for five or fewer). */
    public static final int CERTIFICATE_YEARS_MAX = 10;
    static final String ID_NUMBER = "caregiver-id-number";
    static final String PHONE = "caregiver-phone";
    private static final Pattern CERTIFICATE_NUMBER = Pattern.compile("[0-9A-Za-z-]{4,40}");

    private final PiiProtector pii;
    private final AuditTrail audit;
    private final Clock clock;

    public CaregiverService(PiiProtector pii, AuditTrail audit, Clock clock) {
        this.pii = pii;
        this.audit = audit;
        this.clock = clock;
    }

    /** A registration's fields once checked. */
    private record Checked(String name, IdNumber idNumber, MobilePhone phone, CertificateLevel level, String certificate,
                           LocalDate from, LocalDate until) {
    }

    public Uni<Reply> register(Caller caller, NewCaregiver r) {
        Checked c = checked(r, CountyTime.today(clock));
        String county = caller.county();
        UUID id = UUID.randomUUID();
        OffsetDateTime now = CountyTime.now(clock);
        byte[] index = pii.index(county, ID_NUMBER, c.idNumber().value());
        // the certificate registered with is the caregiver's first, in the same statement
        return NativeSql.write("""
                        with registered as (
                          insert into funds.caregiver (id, county, name, id_number_protected, id_number_index, id_number_masked,
                            phone_protected, phone_masked, certificate_level, certificate_number, certificate_from, certificate_until,
                            registered_by, registered_at)
                          values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
                          returning id, county, certificate_level, certificate_number, certificate_from, certificate_until,
                            registered_by, registered_at)
                        insert into funds.caregiver_certificate (id, county, caregiver_id, certificate_level, certificate_number,
                          valid_from, valid_until, recorded_by, recorded_at)
                        select ?15, county, id, certificate_level, certificate_number, certificate_from, certificate_until,
                          registered_by, registered_at
                        from registered""",
                        id, county, c.name(), pii.encrypt(c.idNumber().value(), boundTo(id, ID_NUMBER)), index, c.idNumber().masked(),
                        pii.encrypt(c.phone().value(), boundTo(id, PHONE)), c.phone().masked(), c.level().name(), c.certificate(),
                        c.from(), c.until(), caller.subject(), now, UUID.randomUUID())
                .onFailure(f -> PgFailures.is(f, PgFailures.UNIQUE_VIOLATION))
                .transform(f -> new ApiException(FundProblem.CAREGIVER_ALREADY_REGISTERED, "This ID number is registered already"))
                .flatMap(v -> {
                    Map<String, Object> fact = new LinkedHashMap<>();
                    fact.put("name", c.name());
                    fact.put("idNumberMasked", c.idNumber().masked());
                    fact.put("idNumberIndex", HexFormat.of().formatHex(index));
                    fact.put("phoneMasked", c.phone().masked());
                    fact.put("certificateLevel", c.level().name());
                    fact.put("certificateNumber", c.certificate());
                    fact.put("certificateFrom", c.from().toString());
                    fact.put("certificateUntil", c.until().toString());
                    return audit.append(county, caller.subject(), "CAREGIVER_REGISTERED", "CAREGIVER", id.toString(), fact, now);
                })
                .flatMap(v -> find(county, id, CountyTime.today(clock)))
                .map(Reply::created);
    }

    public Uni<Reply> get(Caller caller, ById request) {
        return find(caller.county(), AccountService.uuid(request.id(), "Caregiver"), CountyTime.today(clock)).map(Reply::ok);
    }

    public Uni<Reply> list(Caller caller, CaregiverFilter filter) {
        UUID after = filter.afterId() == null ? new UUID(0, 0) : AccountService.uuid(filter.afterId(), "Caregiver");
        return NativeSql.select(CaregiverViews.CAREGIVER_SELECT + "where c.county = ?2 and c.id > ?3 order by c.id limit "
                        + (PAGE_SIZE_MAX + 1), CountyTime.today(clock), caller.county(), after)
                .map(rows -> {
                    List<CaregiverViews.CaregiverView> page = rows.stream().limit(PAGE_SIZE_MAX).map(CaregiverViews::caregiver).toList();
                    String next = rows.size() > PAGE_SIZE_MAX ? page.get(page.size() - 1).id().toString() : null;
                    return Reply.ok(new CaregiverViews.CaregiverPage(page, next));
                });
    }

    /** The county's caregiver with the certificate valid {@code today}, or 404. */
    private static Uni<CaregiverViews.CaregiverView> find(String county, UUID id, LocalDate today) {
        return NativeSql.selectOne(CaregiverViews.CAREGIVER_SELECT + "where c.id = ?2 and c.county = ?3", today, id, county)
                .map(row -> row.map(CaregiverViews::caregiver).orElseThrow(() -> ApiException.notFound("Caregiver")));
    }

    /** The county has this caregiver, or 404 (another county's is as missing). */
    public static Uni<Void> exists(String county, UUID id) {
        return NativeSql.selectOne("select c.id from funds.caregiver c where c.id = ?1 and c.county = ?2", id, county)
                .map(row -> {
                    if (row.isEmpty()) {
                        throw ApiException.notFound("Caregiver");
                    }
                    return null;
                });
    }

    /** Every field in one pass: every error named. */
    private static Checked checked(NewCaregiver r, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (r.name() == null || r.name().isBlank()) {
            errors.add(new FieldError("name", "REQUIRED", "The caregiver's name, 1 to " + NAME_CHARS_MAX + " characters"));
        }
        IdNumber idNumber = null;
        try {
            idNumber = IdNumber.parse(r.idNumber(), today);
        } catch (IdentityFormatException e) {
            errors.add(new FieldError("idNumber", "BAD_ID_NUMBER", "An 18-character resident ID number"));
        }
        MobilePhone phone = null;
        try {
            phone = MobilePhone.parse(r.phone());
        } catch (IdentityFormatException e) {
            errors.add(new FieldError("phone", "BAD_PHONE", "An 11-digit mainland mobile number"));
        }
        CertificateLevel level = level("certificateLevel", r.certificateLevel(), errors);
        String certificate = certificateNumber("certificateNumber", r.certificateNumber(), errors);
        LocalDate from = date("certificateFrom", r.certificateFrom(), errors);
        LocalDate until = date("certificateUntil", r.certificateUntil(), errors);
        validity("certificateFrom", from, "certificateUntil", until, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Checked(r.name().strip(), idNumber, phone, level, certificate, from, until);
    }

    /** A certificate's level, as registration and a renewal name it. */
    static CertificateLevel level(String field, String code, List<FieldError> errors) {
        CertificateLevel level = CertificateLevel.parse(code).orElse(null);
        if (level == null) {
            errors.add(new FieldError(field, "BAD_LEVEL", "JUNIOR, INTERMEDIATE, SENIOR or TECHNICIAN"));
        }
        return level;
    }

    static String certificateNumber(String field, String number, List<FieldError> errors) {
        if (number == null || !CERTIFICATE_NUMBER.matcher(number).matches()) {
            errors.add(new FieldError(field, "BAD_CERTIFICATE_NUMBER", "4 to 40 of 0-9 A-Z a-z and -"));
            return null;
        }
        return number;
    }

    /** Both days valid: the last on or after the first, within {@link #CERTIFICATE_YEARS_MAX} years of it. */
    static void validity(String fromField, LocalDate from, String untilField, LocalDate until, List<FieldError> errors) {
        if (from != null && until != null && (until.isBefore(from) || until.isAfter(from.plusYears(CERTIFICATE_YEARS_MAX)))) {
            errors.add(new FieldError(untilField, "OUT_OF_RANGE", "On or after " + fromField + ", within "
                    + CERTIFICATE_YEARS_MAX + " years"));
        }
    }

    static LocalDate date(String field, String text, List<FieldError> errors) {
        try {
            if (text != null && text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // named below
        }
        errors.add(new FieldError(field, "BAD_DATE", "A date YYYY-MM-DD"));
        return null;
    }

    private static String boundTo(UUID id, String field) {
        return "funds.caregiver:" + id + ":" + field;
    }
}
