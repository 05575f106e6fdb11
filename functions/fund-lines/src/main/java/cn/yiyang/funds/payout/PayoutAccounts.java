package cn.yiyang.funds.payout;

import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.payout.PayoutRequests.PayoutAccountChange;
import cn.yiyang.funds.payout.PayoutRequests.PayoutAccountOf;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.pii.PiiProtector;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.cards.residents.ResidentCards;
import cn.yiyang.stores.pg.NativeSql;
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
import java.util.regex.Pattern;

/**
 * A resident's payout account (代发 account: a bank card or a social-security-card account). The number
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

    @RegisterForReflection
    public record PayoutAccountView(String residentId, Version current, List<Version> history) {
    }

    /** What a bank file needs of a resident's account in force: the whole number, decrypted. */
    public record InForce(String residentId, String kind, String bankCode, String accountNumber, String holderName) {
    }

    public Uni<Reply> put(Caller caller, PayoutAccountChange r) {
        String number = checked(r);
        String county = caller.county();
        return VertxContextSupport.executeBlocking(() -> cards.find(county, r.residentId()))
                .flatMap(card -> {
                    if (card.isEmpty()) {
                        throw ApiException.notFound("Resident");
                    }
                    return NativeSql.rows("select pg_advisory_xact_lock(hashtextextended('funds-payout:' || ?1, 0))",
                            county + ":" + r.residentId());
                })
                .flatMap(v -> latest(county, r.residentId()))
                .flatMap(latest -> {
                    if (latest.isPresent() && sameAccount(latest.get(), county, r, number)) {
                        return Uni.createFrom().voidItem();
                    }
                    int version = latest.map(row -> (int) NativeSql.number(row[0]) + 1).orElse(1);
                    if (version > VERSIONS_MAX) {
                        throw ApiException.invalid("residentId", "TOO_MANY_CHANGES", "At most " + VERSIONS_MAX + " changes");
                    }
                    return record(caller, r, number, version);
                })
                .flatMap(v -> view(county, r.residentId())).map(Reply::ok);
    }

    public Uni<Reply> get(Caller caller, PayoutAccountOf r) {
        return view(caller.county(), r.residentId()).map(Reply::ok);
    }

    /** The accounts in force of these residents, decrypted, for a bank file. */
    public Uni<Map<String, InForce>> inForce(String county, List<String> residentIds) {
        return NativeSql.rows("""
                        select distinct on (p.resident_id) p.resident_id, p.version, p.kind, p.bank_code, p.account_protected, p.holder_name
                        from funds.payout_account p
                        where p.county = ?1 and p.resident_id in (select unnest(string_to_array(?2, ',')))
                        order by p.resident_id, p.version desc""", county, String.join(",", residentIds))
                .map(rows -> {
                    Map<String, InForce> found = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        String resident = NativeSql.text(row[0]);
                        found.put(resident, new InForce(resident, NativeSql.text(row[2]), NativeSql.text(row[3]),
                                pii.decrypt((byte[]) row[4], boundTo(county, resident, (int) NativeSql.number(row[1]))),
                                NativeSql.text(row[5])));
                    }
                    return found;
                });
    }

    private Uni<Void> record(Caller caller, PayoutAccountChange r, String number, int version) {
        String county = caller.county();
        OffsetDateTime now = CountyTime.now(clock);
        String masked = masked(number);
        byte[] index = pii.index(county, INDEX_KIND, number);
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("residentId", r.residentId());
        fact.put("version", version);
        fact.put("kind", r.kind());
        fact.put("bankCode", r.bankCode());
        fact.put("accountMasked", masked);
        fact.put("accountIndex", HexFormat.of().formatHex(index));
        fact.put("holderName", r.holderName().strip());
        fact.put("reason", r.reason().strip());
        return NativeSql.update("""
                        insert into funds.payout_account (county, resident_id, version, kind, bank_code, account_protected, account_index,
                          account_masked, holder_name, reason, changed_by, changed_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)""",
                        county, r.residentId(), version, r.kind(), r.bankCode(), pii.encrypt(number, boundTo(county, r.residentId(), version)),
                        index, masked, r.holderName().strip(), r.reason().strip(), caller.subject(), now)
                .flatMap(v -> audit.append(county, caller.subject(), "PAYOUT_ACCOUNT_SET", "RESIDENT", r.residentId(), fact, now));
    }

    private boolean sameAccount(Object[] latest, String county, PayoutAccountChange r, String number) {
        return r.kind().equals(NativeSql.text(latest[1])) && r.bankCode().equals(NativeSql.text(latest[2]))
                && r.holderName().strip().equals(NativeSql.text(latest[4]))
                && java.security.MessageDigest.isEqual((byte[]) latest[3], pii.index(county, INDEX_KIND, number));
    }

    private static Uni<Optional<Object[]>> latest(String county, String resident) {
        return NativeSql.first("""
                select version, kind, bank_code, account_index, holder_name from funds.payout_account
                where county = ?1 and resident_id = ?2 order by version desc limit 1""", county, resident);
    }

    private static Uni<PayoutAccountView> view(String county, String resident) {
        return NativeSql.rows("""
                        select version, kind, bank_code, account_masked, holder_name, reason, changed_by, changed_at
                        from funds.payout_account where county = ?1 and resident_id = ?2
                        order by version desc""" + " limit " + HISTORY_SHOWN_MAX, county, resident)
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw ApiException.notFound("Payout account");
                    }
                    List<Version> versions = rows.stream().map(row -> new Version((int) NativeSql.number(row[0]), NativeSql.text(row[1]),
                            NativeSql.text(row[2]), NativeSql.text(row[3]), NativeSql.text(row[4]), NativeSql.text(row[5]),
                            NativeSql.text(row[6]), CountyTime.shown(NativeSql.time(row[7])))).toList();
                    return new PayoutAccountView(resident, versions.get(0), versions);
                });
    }

    /** The fields, in one pass: every error named; answers the account number without its spaces. */
    private static String checked(PayoutAccountChange r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.kind() == null || !KINDS.contains(r.kind())) {
            errors.add(new FieldError("kind", "BAD_KIND", "BANK_CARD or SSC_ACCOUNT"));
        }
        if (r.bankCode() == null || !BANK_CODE.matcher(r.bankCode()).matches()) {
            errors.add(new FieldError("bankCode", "BAD_BANK_CODE", "The bank's code: 2 to 12 of 0-9 A-Z"));
        }
        String number = r.accountNumber() == null ? "" : r.accountNumber().replace(" ", "");
        if (!ACCOUNT_NUMBER.matcher(number).matches()) {
            errors.add(new FieldError("accountNumber", "BAD_ACCOUNT_NUMBER", "12 to 30 digits"));
        }
        if (r.holderName() == null || r.holderName().isBlank()) {
            errors.add(new FieldError("holderName", "REQUIRED", "The account holder's name, 1 to " + HOLDER_CHARS_MAX + " characters"));
        }
        if (r.reason() == null || r.reason().isBlank()) {
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

    private static String boundTo(String county, String resident, int version) {
        return "funds.payout_account:" + county + ":" + resident + ":" + version + ":account";
    }
}
