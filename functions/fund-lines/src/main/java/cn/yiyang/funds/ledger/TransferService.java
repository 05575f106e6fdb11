package cn.yiyang.funds.ledger;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.Account;
import cn.yiyang.funds.accounts.AccountKind;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.accounts.Balances;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.lines.FundLineService;
import cn.yiyang.funds.lines.FundSettings;
import cn.yiyang.gateway.dispatch.Call;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.problem.FieldError;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.PgFailures;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Making transfers: payments, appropriations and reversals, each created PENDING with its amount
 * reserved on the debit account, so pending transfers can never overcommit a budget. The
 * Idempotency-Key is the transfer's client key, unique in the county for as long as the ledger
 * lives: the same request again replays the first answer; a different one under the key is refused.
 */
@ApplicationScoped
public class TransferService {

    /** ¥1,000,000,000 in fen: no single transfer is larger. */
    public static final long AMOUNT_FEN_MAX = 100_000_000_000L;
    public static final int MEMO_CHARS_MAX = 200;
    public static final int CAUSE_REF_CHARS_MAX = 200;
    public static final Set<String> CAUSE_TYPES = Set.of("BED", "MEAL", "BOOKING", "ALLOWANCE", "OTHER");

    private final AccountService accounts;
    private final AuditTrail audit;
    private final Clock clock;

    public TransferService(AccountService accounts, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Reply> pay(Call call) {
        TransferRequests.Payment r = call.body(TransferRequests.Payment.class);
        List<FieldError> errors = new ArrayList<>();
        if (r.debitAccountId() == null) {
            errors.add(new FieldError("debitAccountId", "REQUIRED", "The account paying"));
        }
        if (r.creditAccountId() == null) {
            errors.add(new FieldError("creditAccountId", "REQUIRED", "The account paid"));
        }
        checkAmount(r.amountFen(), errors);
        checkMemo(r.memo(), errors);
        if ((r.causeType() == null) != (r.causeRef() == null)) {
            errors.add(new FieldError("causeRef", "CAUSE_INCOMPLETE", "causeType and causeRef go together"));
        } else if (r.causeType() != null && (!CAUSE_TYPES.contains(r.causeType()) || r.causeRef().isBlank()
                || r.causeRef().length() > CAUSE_REF_CHARS_MAX)) {
            errors.add(new FieldError("causeType", "BAD_CAUSE", "One of " + CAUSE_TYPES + " with a reference of 1 to "
                    + CAUSE_REF_CHARS_MAX + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return existing(call).flatMap(earlier -> AccountService.find(call.county(), r.debitAccountId())
                .flatMap(debit -> AccountService.find(call.county(), r.creditAccountId())
                        .flatMap(credit -> {
                            NewTransfer t = new NewTransfer(debit, credit, r.amountFen(), TransferKind.PAYMENT, null,
                                    r.causeType(), r.causeRef(), blankToNull(r.memo()));
                            if (earlier.isPresent()) {
                                return Uni.createFrom().item(replay(earlier.get(), t, call));
                            }
                            checkAccounts(debit, credit);
                            if (debit.kind() == AccountKind.SOURCE) {
                                throw new ApiException(FundProblem.SOURCE_NOT_PAYABLE,
                                        "A SOURCE account is debited only by an appropriation");
                            }
                            return make(call, t);
                        })));
    }

    public Uni<Reply> appropriate(Call call) {
        TransferRequests.Appropriation r = call.body(TransferRequests.Appropriation.class);
        List<FieldError> errors = new ArrayList<>();
        if (r.fundLine() == null || r.fundLine().isBlank()) {
            errors.add(new FieldError("fundLine", "REQUIRED", "A fund line code"));
        }
        if (r.fiscalYear() == null || r.fiscalYear() < 2000 || r.fiscalYear() > 2100) {
            errors.add(new FieldError("fiscalYear", "OUT_OF_RANGE", "A fiscal year, 2000 to 2100"));
        }
        checkAmount(r.amountFen(), errors);
        checkMemo(r.memo(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return existing(call).flatMap(earlier -> FundLineService.find(call.county(), r.fundLine())
                .flatMap(line -> accounts.source(call, line)
                        .flatMap(source -> accounts.budget(call, line, r.fiscalYear())
                                .flatMap(budget -> {
                                    NewTransfer t = new NewTransfer(source, budget, r.amountFen(), TransferKind.APPROPRIATION,
                                            null, null, null, blankToNull(r.memo()));
                                    return earlier.isPresent() ? Uni.createFrom().item(replay(earlier.get(), t, call)) : make(call, t);
                                }))));
    }

    /** A correction: a new transfer the other way, for the whole amount, naming the posted original. */
    public Uni<Reply> reverse(Call call) {
        UUID originalId = AccountService.uuid(call.pathParam("id"), "Transfer");
        TransferRequests.Reversal r = call.body(TransferRequests.Reversal.class);
        List<FieldError> errors = new ArrayList<>();
        checkMemo(r.memo(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return existing(call).flatMap(earlier -> TransferLocks.lock(originalId)
                .flatMap(v -> TransferQueries.find(call.county(), originalId))
                .flatMap(original -> AccountService.find(call.county(), original.creditAccountId())
                        .flatMap(debit -> AccountService.find(call.county(), original.debitAccountId())
                                .flatMap(credit -> {
                                    NewTransfer t = new NewTransfer(debit, credit, original.amountFen(), TransferKind.REVERSAL,
                                            original.id(), original.causeType(), original.causeRef(), blankToNull(r.memo()));
                                    if (earlier.isPresent()) {
                                        return Uni.createFrom().item(replay(earlier.get(), t, call));
                                    }
                                    if (original.status() != TransferStatus.POSTED || original.kind() == TransferKind.REVERSAL) {
                                        throw new ApiException(FundProblem.TRANSFER_NOT_POSTED,
                                                "Only a posted transfer that is not itself a reversal can be reversed");
                                    }
                                    return liveReversalOf(original.id()).flatMap(live -> {
                                        if (live) {
                                            throw new ApiException(FundProblem.ALREADY_REVERSED,
                                                    "A reversal of this transfer is pending or posted");
                                        }
                                        return make(call, t);
                                    });
                                }))));
    }

    private Uni<Reply> make(Call call, NewTransfer t) {
        String key = call.idempotencyKey().orElseThrow().key();
        return createPending(call.county(), call.caller().subject(), key, t, CountyTime.now(clock))
                .map(created -> Reply.created(TransferView.asCreated(created)));
    }

    /**
     * The ledger's one way to make a transfer, for requests, batches and settlements alike: insert
     * it PENDING under its client key, reserve its amount on the debit account (or refuse with
     * INSUFFICIENT_FUNDS), and record it in the audit trail, in the caller's transaction.
     */
    public Uni<Transfer> createPending(String county, String maker, String clientKey, NewTransfer t, OffsetDateTime now) {
        UUID id = UUID.randomUUID();
        return FundSettings.of(county).flatMap(settings -> {
            int approvals = settings.approvalsRequiredFor(t.amountFen());
            OffsetDateTime expiresAt = now.plusHours(settings.pendingExpiryHours());
            return NativeSql.update("""
                            insert into funds.transfer (id, county, client_key, fund_line_id, debit_account_id, credit_account_id,
                              amount_fen, kind, reverses_id, cause_type, cause_ref, memo, maker, required_approvals, created_at, expires_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as uuid), cast(?10 as text), cast(?11 as text),
                              cast(?12 as text), ?13, ?14, ?15, ?16)""",
                            id, county, clientKey, t.debit().fundLineId(), t.debit().id(), t.credit().id(), t.amountFen(),
                            t.kind().name(), t.reversesId(), t.causeType(), t.causeRef(), t.memo(), maker,
                            (short) approvals, now, expiresAt)
                    .onFailure(f -> PgFailures.is(f, PgFailures.UNIQUE_VIOLATION))
                    .transform(f -> new ApiException(FundProblem.EXISTS_WITH_DIFFERENT_FIELDS,
                            "Another caller made a transfer under this key"))
                    .flatMap(v -> Balances.reserve(t.debit().id(), t.credit().id(), t.amountFen()))
                    .flatMap(v -> TransferQueries.find(county, id))
                    .flatMap(created -> audit.append(county, maker, "TRANSFER_CREATED", "TRANSFER", id.toString(),
                            created.facts(), now).replaceWith(created));
        });
    }

    /** The county's transfer under this client key, if one was ever made. */
    public static Uni<Optional<Transfer>> findByKey(String county, String clientKey) {
        return NativeSql.first(Transfer.SELECT + "where t.county = ?1 and t.client_key = ?2", county, clientKey)
                .map(row -> row.map(Transfer::of));
    }

    /** The transfer made earlier under this request's key, if any. */
    private static Uni<Optional<Transfer>> existing(Call call) {
        String key = call.idempotencyKey().orElseThrow(() -> new ApiException(CommonProblem.IDEMPOTENCY_KEY_REQUIRED,
                "A transfer needs an Idempotency-Key")).key();
        return findByKey(call.county(), key);
    }

    private static Reply replay(Transfer earlier, NewTransfer t, Call call) {
        if (earlier.amountFen() != t.amountFen()) {
            throw new ApiException(FundProblem.EXISTS_WITH_DIFFERENT_AMOUNT,
                    "A transfer with this key exists with a different amount");
        }
        if (!t.sameAs(earlier, call.caller().subject())) {
            throw new ApiException(FundProblem.EXISTS_WITH_DIFFERENT_FIELDS,
                    "A transfer with this key exists with different accounts, kind, cause, memo or maker");
        }
        return new Reply(201, StrictJson.write(TransferView.asCreated(earlier)), Map.of("idempotent-replayed", "true"));
    }

    private static void checkAccounts(Account debit, Account credit) {
        if (debit.id().equals(credit.id())) {
            throw new ApiException(FundProblem.SAME_ACCOUNT, "Debit and credit are the same account");
        }
        if (!debit.fundLineId().equals(credit.fundLineId())) {
            throw new ApiException(FundProblem.FUND_LINE_MISMATCH, "Debit and credit accounts are in different fund lines");
        }
    }

    private static Uni<Boolean> liveReversalOf(UUID original) {
        return NativeSql.first("""
                        select 1 from funds.transfer t left join funds.transfer_resolution r on r.transfer_id = t.id
                        where t.reverses_id = ?1 and (r.outcome is null or r.outcome = 'POSTED')""", original)
                .map(Optional::isPresent);
    }

    private static void checkAmount(Long amountFen, List<FieldError> errors) {
        if (amountFen == null || amountFen < 1 || amountFen > AMOUNT_FEN_MAX) {
            errors.add(new FieldError("amountFen", "OUT_OF_RANGE", "A whole number of fen, 1 to " + AMOUNT_FEN_MAX));
        }
    }

    private static void checkMemo(String memo, List<FieldError> errors) {
        if (memo != null && memo.length() > MEMO_CHARS_MAX) {
            errors.add(new FieldError("memo", "TOO_LONG", "At most " + MEMO_CHARS_MAX + " characters"));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
