package cn.yiyang.funds.ledger;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.accounts.Balances;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.ledger.TransferRequests.Appropriation;
import cn.yiyang.funds.ledger.TransferRequests.Payment;
import cn.yiyang.funds.ledger.TransferRequests.Reversal;
import cn.yiyang.funds.lines.FundLineService;
import cn.yiyang.funds.lines.FundSettings;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Invocation;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.PgFailures;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Making transfers: payments, appropriations and reversals, each created PENDING with its amount
 * reserved on the debit account, so pending transfers can never overcommit a budget. The
 * Idempotency-Key is the transfer's client key, unique in the county for as long as the ledger
 * lives: the same request again replays the first answer; a different one under the key is refused.
 * Each takes the whole invocation, for its key; the checks and their precedence are {@link TransferRules}.
 */
@ApplicationScoped
public class TransferService {

    private static final String BY_KEY = Transfer.SELECT + "where t.county = ?1 and t.client_key = ?2";

    private final AccountService accounts;
    private final AuditTrail audit;
    private final Clock clock;

    public TransferService(AccountService accounts, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Reply> pay(Invocation<Payment> invocation) {
        Payment r = invocation.request();
        Caller caller = invocation.caller();
        TransferRules.requireValid(TransferRules.fieldErrors(r));
        String key = clientKey(invocation);
        // the key's transfer, both accounts and the county's settings: sent together, one round trip (the key's lock ahead of them)
        return NativeSql.send(BY_KEY, caller.county(), key).flatMap(byKey -> NativeSql.send(FundSettings.SELECT, caller.county())
                .flatMap(settings -> byKey.then(settings.then(AccountService.findPair(caller.county(), r.debitAccountId(),
                        r.creditAccountId()), NativeSql.Sent::rows), NativeSql.Sent::rows)
                        .flatMap(pair -> byKey.rows().flatMap(earlier -> settings.rows().flatMap(setting -> decided(caller, key,
                                earlier.stream().findFirst().map(Transfer::of), new NewTransfer(pair.debit(), pair.credit(),
                                        r.amountFen(), TransferKind.PAYMENT, null, r.causeType(), r.causeRef(), blankToNull(r.memo())),
                                FundSettings.of(setting.stream().findFirst())))))));
    }

    public Uni<Reply> appropriate(Invocation<Appropriation> invocation) {
        Appropriation r = invocation.request();
        Caller caller = invocation.caller();
        TransferRules.requireValid(TransferRules.fieldErrors(r));
        String key = clientKey(invocation);
        return findByKey(caller.county(), key).flatMap(earlier -> FundLineService.find(caller.county(), r.fundLine())
                .flatMap(line -> accounts.source(caller, line)
                        .flatMap(source -> accounts.budget(caller, line, r.fiscalYear())
                                .flatMap(budget -> decided(caller, key, earlier, new NewTransfer(source, budget, r.amountFen(),
                                        TransferKind.APPROPRIATION, null, null, null, blankToNull(r.memo())))))));
    }

    /** A correction: a new transfer the other way, for the whole amount, naming the posted original. */
    public Uni<Reply> reverse(Invocation<Reversal> invocation) {
        Reversal r = invocation.request();
        Caller caller = invocation.caller();
        UUID originalId = AccountService.uuid(r.id(), "Transfer");
        TransferRules.requireValid(TransferRules.fieldErrors(r));
        String key = clientKey(invocation);
        return findByKey(caller.county(), key).flatMap(earlier -> TransferLocks.lock(originalId)
                .flatMap(v -> TransferQueries.find(caller.county(), originalId))
                .flatMap(original -> AccountService.find(caller.county(), original.creditAccountId())
                        .flatMap(debit -> AccountService.find(caller.county(), original.debitAccountId())
                                .flatMap(credit -> {
                                    NewTransfer t = new NewTransfer(debit, credit, original.amountFen(), TransferKind.REVERSAL,
                                            original.id(), original.causeType(), original.causeRef(), blankToNull(r.memo()));
                                    if (earlier.isPresent()) {
                                        TransferRules.checkSameRequest(earlier.get(), t, caller.subject());
                                        return Uni.createFrom().item(TransferRules.replay(earlier.get()));
                                    }
                                    TransferRules.checkReversible(original);
                                    return liveReversalOf(original.id()).flatMap(live -> {
                                        if (live) {
                                            throw new ApiException(FundProblem.ALREADY_REVERSED,
                                                    "A reversal of this transfer is pending or posted");
                                        }
                                        TransferRules.checkFunds(t);
                                        return make(caller, key, t);
                                    });
                                }))));
    }

    /** After the fields and the accounts' look-up: the key, the accounts and the funds decide. */
    private Uni<Reply> decided(Caller caller, String key, Optional<Transfer> earlier, NewTransfer t) {
        return decided(caller, key, earlier, t, null);
    }

    /** As above, the county's settings already read ({@code null}: read them when making the transfer). */
    private Uni<Reply> decided(Caller caller, String key, Optional<Transfer> earlier, NewTransfer t, FundSettings.Settings settings) {
        TransferRules.Decision decision = TransferRules.decide(earlier, t, caller.subject());
        if (decision instanceof TransferRules.Decision.Replay replay) {
            return Uni.createFrom().item(TransferRules.replay(replay.earlier()));
        }
        Uni<FundSettings.Settings> known = settings == null ? FundSettings.of(caller.county()) : Uni.createFrom().item(settings);
        return known.flatMap(s -> createPending(caller.county(), caller.subject(), key, t, CountyTime.now(clock), s))
                .map(created -> Reply.created(TransferView.asCreated(created)));
    }

    private Uni<Reply> make(Caller caller, String key, NewTransfer t) {
        return decided(caller, key, Optional.empty(), t, null);
    }

    /**
     * The ledger's one way to make a transfer, for requests, batches and settlements alike: insert
     * it PENDING under its client key, reserve its amount on the debit account (or refuse with
     * INSUFFICIENT_FUNDS), and record it in the audit trail, in the caller's transaction.
     */
    public Uni<Transfer> createPending(String county, String maker, String clientKey, NewTransfer t, OffsetDateTime at) {
        return FundSettings.of(county).flatMap(settings -> createPending(county, maker, clientKey, t, at, settings));
    }

    /** As above, with the county's settings already read. */
    public Uni<Transfer> createPending(String county, String maker, String clientKey, NewTransfer t, OffsetDateTime at,
                                       FundSettings.Settings settings) {
        UUID id = UUID.randomUUID();
        // whole milliseconds, as CountyTime gives them: the row stores exactly this, so the answer needs no re-read
        OffsetDateTime now = at.truncatedTo(ChronoUnit.MILLIS);
        int approvals = settings.approvalsRequiredFor(t.amountFen());
        OffsetDateTime expiresAt = now.plusHours(settings.pendingExpiryHours());
        Transfer created = Transfer.made(id, county, clientKey, maker, t, approvals, now, expiresAt);
        // the reservation's UPDATEs ride behind the INSERT, and the audit's lock and head behind them, one round trip;
        // a key taken meanwhile fails the INSERT, and that comes first, then a floor refusal (the rest fail as aborted)
        return NativeSql.send("""
                        insert into funds.transfer (id, county, client_key, fund_line_id, debit_account_id, credit_account_id,
                          amount_fen, kind, reverses_id, cause_type, cause_ref, memo, maker, required_approvals, created_at, expires_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, cast(?9 as uuid), cast(?10 as text), cast(?11 as text),
                          cast(?12 as text), ?13, ?14, ?15, ?16)""",
                        id, county, clientKey, t.debit().fundLineId(), t.debit().id(), t.credit().id(), t.amountFen(),
                        t.kind().name(), t.reversesId(), t.causeType(), t.causeRef(), t.memo(), maker,
                        (short) approvals, now, expiresAt)
                .flatMap(insert -> insert.then(Balances.reserve(t.debit().id(), t.credit().id(), t.amountFen(),
                                () -> audit.append(county, maker, "TRANSFER_CREATED", "TRANSFER", id.toString(), created.facts(), now)),
                        sent -> sent.changed().onFailure(f -> PgFailures.is(f, PgFailures.UNIQUE_VIOLATION))
                                .transform(f -> new ApiException(FundProblem.EXISTS_WITH_DIFFERENT_FIELDS,
                                        "Another caller made a transfer under this key"))))
                .replaceWith(created);
    }

    /** The county's transfer under this client key, if one was ever made. */
    public static Uni<Optional<Transfer>> findByKey(String county, String clientKey) {
        return NativeSql.selectOne(BY_KEY, county, clientKey)
                .map(row -> row.map(Transfer::of));
    }

    private static Uni<Boolean> liveReversalOf(UUID original) {
        return NativeSql.selectOne("""
                        select 1 from funds.transfer t left join funds.transfer_resolution r on r.transfer_id = t.id
                        where t.reverses_id = ?1 and (r.outcome is null or r.outcome = 'POSTED')""", original)
                .map(Optional::isPresent);
    }

    /** The transfer's client key: the request's Idempotency-Key, which every transfer route demands, outside the ledger's own namespace. */
    private static String clientKey(Invocation<?> invocation) {
        String key = invocation.idempotencyKey().orElseThrow(() -> new ApiException(CommonProblem.IDEMPOTENCY_KEY_REQUIRED,
                "A transfer needs an Idempotency-Key")).key();
        ReservedKeys.refuseReserved(key);
        return key;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
