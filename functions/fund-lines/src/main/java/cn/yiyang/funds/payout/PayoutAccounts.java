package cn.yiyang.funds.payout;

import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.caregivers.CaregiverService;
import cn.yiyang.funds.payout.PayoutRequests.CaregiverPayoutAccountChange;
import cn.yiyang.funds.payout.PayoutRequests.PayoutAccountChange;
import cn.yiyang.funds.payout.PayoutRequests.PayoutAccountOf;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.pii.PiiProtector;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A resident's or a care-home caregiver's payout account (代发 account: a bank card or a social-security-card account). The number
 * is personal data: stored encrypted and bound to its row ({@link PiiProtector}), matched by a keyed
 * index, answered masked ({@code 6222********1234}); only the bank file ever carries it whole. Only an
 * officer changes it, each change a new version with its reason and an audit entry; the same account
 * again changes nothing.
 */
@ApplicationScoped
public class PayoutAccounts {

    public static final int HOLDER_CHARS_MAX = 30;
    public static final int REASON_CHARS_MAX = 200;
    public static final int VERSIONS_MAX = 1000;
    /** Versions an answer lists, newest first. */
    public static final int HISTORY_SHOWN_MAX = 20;
    public static final Set<String> KINDS = Set.of("BANK_CARD", "SSC_ACCOUNT");
    private static final Pattern BANK_CODE = Pattern.compile("[0-9A-Z]{2,12}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9]{12,30}");
    private static final String INDEX_KIND = "payout-account";
    public static final String RESIDENT = "RESIDENT";
    public static final String CAREGIVER = "CAREGIVER";

    private final PiiProtector pii;
    private final ResidentCards cards;
    private final AuditTrail audit;
    private final Clock clock;

    public PayoutAccounts(PiiProtector pii, ResidentCards cards, AuditTrail audit, Clock clock) {
        this.pii = pii;
        this.cards = cards;
        this.audit = audit;
        this.clock = clock;
    }

    @RegisterForReflection
    public record Version(int version, String kind, String bankCode, String accountMasked, String holderName, String reason,
                          String changedBy, OffsetDateTime changedAt) {
    }

    /** {@code residentId} for a resident's account, {@code caregiverId} for a caregiver's. */
    @RegisterForReflection
    public record PayoutAccountView(@Nullable String residentId, @Nullable String caregiverId, Version current,
                                    List<Version> history) {
    }

    /** What a bank file needs of a resident's account in force: the whole number, decrypted. */
    public record InForce(String residentId, String kind, String bankCode, String accountNumber, String holderName) {
    }

    public Uni<Reply> put(Caller caller, PayoutAccountChange r) {
        String number = checked(r.kind(), r.bankCode(), r.accountNumber(), r.holderName(), r.reason());
        String county = caller.county();
        return VertxContextSupport.executeBlocking(() -> cards.find(county, r.residentId()))
                .flatMap(card -> {
                    if (card.isEmpty()) {
                        throw ApiException.notFound("Resident");
                    }
                    return change(caller, new Payee(RESIDENT, r.residentId()), new Change(r.kind(), r.bankCode(), number,
                            r.holderName(), r.reason()));
                })
                .flatMap(v -> view(county, new Payee(RESIDENT, r.residentId()))).map(Reply::ok);
    }

    public Uni<Reply> get(Caller caller, PayoutAccountOf r) {
        return view(caller.county(), new Payee(RESIDENT, r.residentId())).map(Reply::ok);
    }

    /** A care-home caregiver's payout account, set as a resident's is ({@code PUT /v1/care-home-caregivers/{id}/payout-account}). */
    public Uni<Reply> putCaregiver(Caller caller, CaregiverPayoutAccountChange r) {
        String number = checked(r.kind(), r.bankCode(), r.accountNumber(), r.holderName(), r.reason());
        Payee payee = caregiver(r.id());
        return CaregiverService.exists(caller.county(), UUID.fromString(payee.ref()))
                .flatMap(c -> change(caller, payee, new Change(r.kind(), r.bankCode(), number, r.holderName(), r.reason())))
                .flatMap(v -> view(caller.county(), payee)).map(Reply::ok);
    }

    public Uni<Reply> getCaregiver(Caller caller, ById r) {
        Payee payee = caregiver(r.id());
        return CaregiverService.exists(caller.county(), UUID.fromString(payee.ref()))
                .flatMap(c -> view(caller.county(), payee)).map(Reply::ok);
    }

    /** The accounts in force of these payees of one type (RESIDENT or CAREGIVER), decrypted, for a bank file. */
    public Uni<Map<String, InForce>> inForce(String county, String payeeType, List<String> refs) {
        return NativeSql.select("""
                        select distinct on (p.resident_id) p.resident_id, p.version, p.kind, p.bank_code, p.account_protected, p.holder_name
                        from funds.payout_account p
                        where p.county = ?1 and p.payee_type = ?3 and p.resident_id in (select unnest(string_to_array(?2, ',')))
                        order by p.resident_id, p.version desc""", county, String.join(",", refs), payeeType)
                .map(rows -> {
                    Map<String, InForce> found = new LinkedHashMap<>();
                    for (SqlRow row : rows) {
                        String ref = row.text("resident_id");
                        found.put(ref, new InForce(ref, row.text("kind"), row.text("bank_code"),
                                pii.decrypt(row.bytes("account_protected"), boundTo(county, new Payee(payeeType, ref),
                                        (int) row.number("version"))), row.text("holder_name")));
                    }
                    return found;
                });
    }

    /** Whose account: a resident or a caregiver, by their id. */
    record Payee(String type, String ref) {
    }

    /** A change as checked: the number without its spaces. */
    private record Change(String kind, String bankCode, String number, String holderName, String reason) {
    }

    private static Payee caregiver(String id) {
        return new Payee(CAREGIVER, AccountService.uuid(id, "Caregiver").toString());
    }

    /** Under the payee's lock: a new version, unless the same account again. */
    private Uni<Void> change(Caller caller, Payee payee, Change change) {
        String county = caller.county();
        return NativeSql.select("select pg_advisory_xact_lock(hashtextextended('funds-payout:' || ?1, 0)) as locked",
                        county + ":" + (RESIDENT.equals(payee.type()) ? "" : payee.type() + ":") + payee.ref())
                .flatMap(v -> latest(county, payee))
                .flatMap(latest -> {
                    if (latest.isPresent() && sameAccount(latest.get(), county, change)) {
                        return Uni.createFrom().voidItem();
                    }
                    int version = latest.map(row -> (int) row.number("version") + 1).orElse(1);
                    if (version > VERSIONS_MAX) {
                        throw ApiException.invalid(RESIDENT.equals(payee.type()) ? "residentId" : "id", "TOO_MANY_CHANGES",
                                "At most " + VERSIONS_MAX + " changes");
                    }
                    return record(caller, payee, change, version);
                });
    }

    private Uni<Void> record(Caller caller, Payee payee, Change r, int version) {
        String county = caller.county();
        OffsetDateTime now = CountyTime.now(clock);
        String masked = masked(r.number());
        byte[] index = pii.index(county, INDEX_KIND, r.number());
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put(RESIDENT.equals(payee.type()) ? "residentId" : "caregiverId", payee.ref());
        fact.put("version", version);
        fact.put("kind", r.kind());
        fact.put("bankCode", r.bankCode());
        fact.put("accountMasked", masked);
        fact.put("accountIndex", HexFormat.of().formatHex(index));
        fact.put("holderName", r.holderName().strip());
        fact.put("reason", r.reason().strip());
        return NativeSql.write("""
                        insert into funds.payout_account (county, payee_type, resident_id, version, kind, bank_code, account_protected,
                          account_index, account_masked, holder_name, reason, changed_by, changed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)""",
                        county, payee.type(), payee.ref(), version, r.kind(), r.bankCode(),
                        pii.encrypt(r.number(), boundTo(county, payee, version)), index, masked, r.holderName().strip(),
                        r.reason().strip(), caller.subject(), now)
                .flatMap(v -> audit.append(county, caller.subject(), "PAYOUT_ACCOUNT_SET", payee.type(), payee.ref(), fact, now));
    }

    private boolean sameAccount(SqlRow latest, String county, Change r) {
        return r.kind().equals(latest.text("kind")) && r.bankCode().equals(latest.text("bank_code"))
                && r.holderName().strip().equals(latest.text("holder_name"))
                && java.security.MessageDigest.isEqual(latest.bytes("account_index"), pii.index(county, INDEX_KIND, r.number()));
    }

    private static Uni<Optional<SqlRow>> latest(String county, Payee payee) {
        return NativeSql.selectOne("""
                select version, kind, bank_code, account_index, holder_name from funds.payout_account
                where county = ?1 and payee_type = ?3 and resident_id = ?2 order by version desc limit 1""",
                county, payee.ref(), payee.type());
    }

    private static Uni<PayoutAccountView> view(String county, Payee payee) {
        return NativeSql.select("""
                        select version, kind, bank_code, account_masked, holder_name, reason, changed_by, changed_at
                        from funds.payout_account where county = ?1 and payee_type = ?3 and resident_id = ?2
                        order by version desc""" + " limit " + HISTORY_SHOWN_MAX, county, payee.ref(), payee.type())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ApiException.notFound("Payout account");
                    }
                    List<Version> versions = rows.stream().map(row -> new Version((int) row.number("version"), row.text("kind"),
                            row.text("bank_code"), row.text("account_masked"), row.text("holder_name"), row.text("reason"),
                            row.text("changed_by"), CountyTime.shown(row.time("changed_at")))).toList();
                    return RESIDENT.equals(payee.type()) ? new PayoutAccountView(payee.ref(), null, versions.get(0), versions)
                            : new PayoutAccountView(null, payee.ref(), versions.get(0), versions);
                });
    }

    /** The fields, in one pass: every error named; answers the account number without its spaces. */
    private static String checked(String kind, String bankCode, String accountNumber, String holderName, String reason) {
        List<FieldError> errors = new ArrayList<>();
        if (kind == null || !KINDS.contains(kind)) {
            errors.add(new FieldError("kind", "BAD_KIND", "BANK_CARD or SSC_ACCOUNT"));
        }
        if (bankCode == null || !BANK_CODE.matcher(bankCode).matches()) {
            errors.add(new FieldError("bankCode", "BAD_BANK_CODE", "The bank's code: 2 to 12 of 0-9 A-Z"));
        }
        String number = accountNumber == null ? "" : accountNumber.replace(" ", "");
        if (!ACCOUNT_NUMBER.matcher(number).matches()) {
            errors.add(new FieldError("accountNumber", "BAD_ACCOUNT_NUMBER", "12 to 30 digits"));
        }
        if (holderName == null || holderName.isBlank()) {
            errors.add(new FieldError("holderName", "REQUIRED", "The account holder's name, 1 to " + HOLDER_CHARS_MAX + " characters"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "REQUIRED", "Why the account is set or changed, 1 to " + REASON_CHARS_MAX + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return number;
    }

    /** The first four and the last four digits, the rest starred: as ID numbers and phones are shown. */
    static String masked(String number) {
        return number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
    }

    /** A resident's binding is as it was before caregivers had accounts, so their stored numbers still open. */
    private static String boundTo(String county, Payee payee, int version) {
        String who = RESIDENT.equals(payee.type()) ? payee.ref() : payee.type() + ":" + payee.ref();
        return "funds.payout_account:" + county + ":" + who + ":" + version + ":account";
    }
}
