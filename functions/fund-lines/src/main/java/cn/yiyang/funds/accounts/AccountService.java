package cn.yiyang.funds.accounts;

import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.lines.FundLine;
import cn.yiyang.funds.lines.FundLineService;
import cn.yiyang.funds.accounts.AccountRequests.AccountFilter;
import cn.yiyang.funds.accounts.AccountRequests.NewPayeeAccount;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.text.FreeText;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.quarkus.runtime.annotations.RegisterForReflection;
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

/**
 * Accounts: a fund line's SOURCE and its BUDGET per fiscal year (opened by the first appropriation),
 * and PAYEE accounts per line (opened by an officer, a batch or a settlement). Opening is
 * get-or-create on the account's natural key, so concurrent openings yield one account.
 */
@ApplicationScoped
public class AccountService {

    public static final int PAGE_SIZE_MAX = 500;
    public static final int NAME_CHARS_MAX = 60;
    private static final Pattern PAYEE_REF = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    static final String SELECT = """
            select a.id, a.fund_line_id, fl.code, a.kind, a.fiscal_year, a.payee_type, a.payee_ref, a.name,
                   b.floor_enforced, b.debits_pending, b.debits_posted, b.credits_pending, b.credits_posted
            from funds.account a join funds.fund_line fl on fl.id = a.fund_line_id
            join funds.account_balance b on b.account_id = a.id
            """;

    private final AuditTrail audit;
    private final Clock clock;

    public AccountService(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @RegisterForReflection
    public record AccountView(UUID id, String fundLine, AccountKind kind, @Nullable Integer fiscalYear,
                              @Nullable String payeeType, @Nullable String payeeRef, String name, long debitsPending,
                              long debitsPosted, long creditsPending, long creditsPosted, long available) {
        public static AccountView of(Account a) {
            return new AccountView(a.id(), a.fundLine(), a.kind(), a.fiscalYear(), a.payeeType(), a.payeeRef(), a.name(),
                    a.debitsPending(), a.debitsPosted(), a.creditsPending(), a.creditsPosted(),
                    a.floorEnforced() ? a.available() : a.postedBalance());
        }
    }

    @RegisterForReflection
    public record AccountPage(List<AccountView> items) {
    }

    public Uni<Reply> openPayee(Caller caller, NewPayeeAccount r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.fundLine() == null || r.fundLine().isBlank()) {
            errors.add(new FieldError("fundLine", "REQUIRED", "A fund line code"));
        }
        if (r.payeeType() == null) {
            errors.add(new FieldError("payeeType", "REQUIRED", "INSTITUTION, MEAL_POINT, PROVIDER, RESIDENT or OTHER"));
        }
        if (r.payeeRef() == null || !PAYEE_REF.matcher(r.payeeRef()).matches()) {
            errors.add(new FieldError("payeeRef", "BAD_REF", "The payee's id: 1 to 64 of A-Z a-z 0-9 _ . : -"));
        }
        if (r.name() == null || r.name().isBlank() || FreeText.length(r.name()) > NAME_CHARS_MAX) {
            errors.add(new FieldError("name", "REQUIRED", "1 to " + NAME_CHARS_MAX + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return FundLineService.find(caller.county(), r.fundLine())
                .flatMap(line -> payee(caller, line, r.payeeType(), r.payeeRef(), r.name().strip()))
                .map(account -> Reply.created(AccountView.of(account)));
    }

    public Uni<Reply> list(Caller caller, AccountFilter filter) {
        Optional<String> line = Optional.ofNullable(filter.fundLine());
        String where = "where a.county = ?1" + (line.isPresent() ? " and fl.code = ?2" : "");
        Object[] params = line.isPresent() ? new Object[] {caller.county(), line.get()} : new Object[] {caller.county()};
        return NativeSql.select(SELECT + where + " order by fl.code, a.kind, a.fiscal_year, a.name, a.id limit " + PAGE_SIZE_MAX, params)
                .map(rows -> Reply.ok(new AccountPage(rows.stream().map(AccountService::account).map(AccountView::of).toList())));
    }

    public Uni<Reply> get(Caller caller, ById request) {
        return find(caller.county(), uuid(request.id(), "Account")).map(a -> Reply.ok(AccountView.of(a)));
    }

    /** The county's account, or 404. */
    public static Uni<Account> find(String county, UUID id) {
        return NativeSql.selectOne(SELECT + "where a.id = ?1 and a.county = ?2", id, county)
                .map(row -> row.map(AccountService::account).orElseThrow(() -> ApiException.notFound("Account")));
    }

    /** The county's two accounts of a transfer, in one round trip; 404 when either is not there. */
    public static Uni<Pair> findPair(String county, UUID debit, UUID credit) {
        return NativeSql.select(SELECT + "where a.id in (?1, ?2) and a.county = ?3", debit, credit, county).map(rows -> {
            Map<UUID, Account> byId = new java.util.HashMap<>();
            rows.stream().map(AccountService::account).forEach(a -> byId.put(a.id(), a));
            if (!byId.containsKey(debit) || !byId.containsKey(credit)) {
                throw ApiException.notFound("Account");
            }
            return new Pair(byId.get(debit), byId.get(credit));
        });
    }

    /** The debit and the credit account of a transfer. */
    public record Pair(Account debit, Account credit) {
    }

    public Uni<Account> source(Caller caller, FundLine line) {
        return open(caller, line, AccountKind.SOURCE, null, null, null, line.name() + " 财政拨入");
    }

    public Uni<Account> budget(Caller caller, FundLine line, int fiscalYear) {
        return open(caller, line, AccountKind.BUDGET, fiscalYear, null, null, line.name() + " " + fiscalYear + " 年度预算");
    }

    public Uni<Account> payee(Caller caller, FundLine line, PayeeType type, String ref, String name) {
        return open(caller, line, AccountKind.PAYEE, null, type, ref, name);
    }

    private Uni<Account> open(Caller caller, FundLine line, AccountKind kind, Integer fiscalYear, PayeeType type, String ref,
                              String name) {
        return existing(line, kind, fiscalYear, type, ref).flatMap(found -> {
            if (found.isPresent()) {
                return Uni.createFrom().item(found.get());
            }
            UUID id = UUID.randomUUID();
            OffsetDateTime now = CountyTime.now(clock);
            return NativeSql.update("""
                            insert into funds.account (id, county, fund_line_id, kind, fiscal_year, payee_type, payee_ref, name, created_at)
                            values (?1, ?2, ?3, ?4, cast(?5 as int), cast(?6 as text), cast(?7 as text), ?8, ?9)
                            on conflict do nothing""",
                            id, caller.county(), line.id(), kind.name(), fiscalYear, type == null ? null : type.name(), ref, name, now)
                    .flatMap(inserted -> inserted == 0
                            // a concurrent opening won: take its account
                            ? existing(line, kind, fiscalYear, type, ref).map(Optional::orElseThrow)
                            : NativeSql.update("insert into funds.account_balance (account_id, floor_enforced) values (?1, ?2)",
                                            id, kind != AccountKind.SOURCE)
                                    .flatMap(v -> audit.append(caller.county(), caller.subject(), "ACCOUNT_OPENED",
                                            "ACCOUNT", id.toString(), fact(line, kind, fiscalYear, type, ref, name), now))
                                    .flatMap(v -> find(caller.county(), id)));
        });
    }

    private static Uni<Optional<Account>> existing(FundLine line, AccountKind kind, Integer fiscalYear, PayeeType type,
                                                   String ref) {
        Uni<Optional<SqlRow>> row = switch (kind) {
            case SOURCE -> NativeSql.selectOne(SELECT + "where a.fund_line_id = ?1 and a.kind = 'SOURCE'", line.id());
            case BUDGET -> NativeSql.selectOne(SELECT + "where a.fund_line_id = ?1 and a.kind = 'BUDGET' and a.fiscal_year = ?2",
                    line.id(), fiscalYear);
            case PAYEE -> NativeSql.selectOne(SELECT + "where a.fund_line_id = ?1 and a.kind = 'PAYEE' and a.payee_type = ?2 and a.payee_ref = ?3",
                    line.id(), type.name(), ref);
        };
        return row.map(found -> found.map(AccountService::account));
    }

    private static Map<String, Object> fact(FundLine line, AccountKind kind, Integer fiscalYear, PayeeType type, String ref,
                                            String name) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("fundLine", line.code());
        fact.put("kind", kind.name());
        fact.put("fiscalYear", fiscalYear);
        fact.put("payeeType", type == null ? null : type.name());
        fact.put("payeeRef", ref);
        fact.put("name", name);
        return fact;
    }

    static Account account(SqlRow r) {
        return new Account(r.uuid("id"), r.uuid("fund_line_id"), r.text("code"), AccountKind.valueOf(r.text("kind")),
                r.integerOrNull("fiscal_year"), r.text("payee_type"), r.text("payee_ref"), r.text("name"), r.bool("floor_enforced"),
                r.fen("debits_pending"), r.fen("debits_posted"), r.fen("credits_pending"), r.fen("credits_posted"));
    }

    public static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what);
        }
    }
}
