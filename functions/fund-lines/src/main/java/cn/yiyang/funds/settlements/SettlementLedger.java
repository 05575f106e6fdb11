package cn.yiyang.funds.settlements;

import cn.yiyang.funds.FundProblem;
import cn.yiyang.funds.accounts.Account;
import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.audit.AuditTrail;
import cn.yiyang.funds.ledger.NewTransfer;
import cn.yiyang.funds.ledger.Transfer;
import cn.yiyang.funds.ledger.TransferKind;
import cn.yiyang.funds.ledger.TransferService;
import cn.yiyang.funds.lines.FundLine;
import cn.yiyang.funds.lines.FundLineService;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.json.StrictJson;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ledger side of a settlement, one item per transaction: the settlement row written only if
 * absent (uniqueness as a record), then the PENDING transfer under the same key from the line's
 * budget to the payee, and both in the audit trail. Any refusal rolls the whole item back: no
 * settlement row, no transfer, no reservation, no payee account, no audit entry.
 */
@ApplicationScoped
public class SettlementLedger {

    /** Meals or visits per INSERT … SELECT: about 0.5 MB of JSON text. */
    static final int LINES_PER_STATEMENT_MAX = 5_000;
    private static final Pattern PAYEE_REF = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final String SETTLED = """
            select s.settlement_key, t.id as transfer_id, coalesce(r.outcome, 'PENDING') as transfer_status, s.amount_fen,
                   coalesce(s.base_key, s.settlement_key) as base_key
            from funds.settlement s
            join funds.transfer t on t.county = s.county and t.client_key = s.settlement_key
            left join funds.transfer_resolution r on r.transfer_id = t.id
            """;

    private final AccountService accounts;
    private final TransferService transfers;
    private final AuditTrail audit;

    public SettlementLedger(AccountService accounts, TransferService transfers, AuditTrail audit) {
        this.accounts = accounts;
        this.transfers = transfers;
        this.audit = audit;
    }

    /** The feed's keys of the period settled so far, each with its latest settlement's transfer. */
    public Uni<Map<String, Settled>> settledIn(String county, SettlementKind kind, String period) {
        return NativeSql.select(SETTLED + "where s.county = ?1 and s.kind = ?2 and s.period = ?3 order by s.settled_at, s.settlement_key",
                        county, kind.name(), period)
                .map(rows -> {
                    Map<String, Settled> settled = new LinkedHashMap<>();
                    rows.forEach(r -> settled.merge(r.text("base_key"), settled(r),
                            (earlier, later) -> new Settled(later.settlementKey(), later.transferId(), later.transferStatus(),
                                    later.amountFen(), earlier.attempts() + 1)));
                    return settled;
                });
    }

    /**
     * Settles one item in the caller's transaction. A per-county lock serialises settlement items (two
     * runs of the same period wait for each other item by item, so the second finds the first's row),
     * and the row's primary key is the backstop. Answers CREATED or ALREADY_SETTLED; refusals throw.
     */
    Uni<SettlementOutcome> settle(Caller caller, SettlementKind kind, String period, int fiscalYear, SettlementItem item,
                                  OffsetDateTime now) {
        if (!PAYEE_REF.matcher(item.payeeRef()).matches()) {
            throw new ApiException(FundProblem.SETTLEMENT_ITEM_INVALID, "The feed names a payee the ledger cannot hold");
        }
        String county = caller.county();
        String maker = caller.subject();
        return NativeSql.select("select pg_advisory_xact_lock(hashtextextended('funds-settlement:' || ?1, 0))", county)
                .flatMap(locked -> NativeSql.write("""
                                insert into funds.settlement (county, settlement_key, kind, period, payee_ref, units,
                                  subsidised_units, amount_fen, settled_by, settled_at, base_key, supersedes)
                                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                                on conflict do nothing""",
                        county, item.settlementKey(), kind.name(), period, item.payeeRef(), item.units(),
                        item.subsidisedUnits(), item.amountFen(), maker, now, item.baseKey(),
                        item.supersedes()))
                .flatMap(inserted -> inserted == 0
                        // the twin run's row: under this key, or settling the same dead settlement again under another
                        ? NativeSql.selectOne(SETTLED + "where s.county = ?1 and (s.settlement_key = ?2 or s.supersedes = ?3)", county,
                                        item.settlementKey(), item.supersedes())
                                .map(row -> SettlementOutcome.settled(item, SettlementOutcome.Result.ALREADY_SETTLED,
                                        settled(row.orElseThrow())))
                        : keepLines(county, item).flatMap(v -> pay(caller, kind, period, fiscalYear, item, maker, now)));
    }

    /**
     * The meals or visits behind the amount, beside the settlement row: they must account for it exactly
     * (one per subsidised unit, summing to the amount), or nothing of the item is written.
     */
    private static Uni<Void> keepLines(String county, SettlementItem item) {
        if (item.lines().size() > SettlementItem.LINES_PER_SETTLEMENT_MAX || !item.linesAddUp()) {
            throw new ApiException(FundProblem.SETTLEMENT_ITEMS_MISMATCH, "The settlement's " + item.lines().size()
                    + " meals or visits do not add up to its " + item.subsidisedUnits() + " units and " + item.amountFen() + " fen");
        }
        return notInAnotherLiveSettlement(county, item).flatMap(v -> insertLines(county, item, 0));
    }

    private static Uni<Void> insertLines(String county, SettlementItem item, int from) {
        if (from >= item.lines().size()) {
            return Uni.createFrom().voidItem();
        }
        List<SettlementItem.Line> chunk = item.lines().subList(from, Math.min(item.lines().size(), from + LINES_PER_STATEMENT_MAX));
        List<Map<String, Object>> rows = chunk.stream().map(l -> Map.<String, Object>of("ref", l.itemRef(),
                "resident", l.residentId(), "day", l.date().toString(), "amount", l.amountFen())).toList();
        return NativeSql.write("""
                        insert into funds.settlement_item (county, settlement_key, item_ref, resident_id, served_on, amount_fen)
                        select ?1, ?2, x.ref, x.resident, x.day, x.amount
                        from json_to_recordset(cast(cast(?3 as text) as json)) as x(ref text, resident text, day date, amount bigint)""",
                        county, item.settlementKey(), StrictJson.write(rows))
                .flatMap(v -> insertLines(county, item, from + LINES_PER_STATEMENT_MAX));
    }

    /** A meal or visit is paid by one live settlement at most: checked under the county's settlement lock. */
    private static Uni<Void> notInAnotherLiveSettlement(String county, SettlementItem item) {
        List<String> refs = item.lines().stream().map(SettlementItem.Line::itemRef).toList();
        return NativeSql.selectOne("select count(*) as taken from (" + HeldVisits.LIVE_ITEM
                        + " and i.item_ref in (select jsonb_array_elements_text(cast(cast(?2 as text) as jsonb)))) taken", county,
                        StrictJson.write(refs))
                .map(row -> {
                    long taken = row.orElseThrow().number("taken");
                    if (taken > 0) {
                        throw new ApiException(FundProblem.SETTLEMENT_ITEMS_MISMATCH, taken
                                + " of the settlement's meals or visits are already paid by another settlement");
                    }
                    return null;
                });
    }

    private Uni<SettlementOutcome> pay(Caller caller, SettlementKind kind, String period, int fiscalYear, SettlementItem item,
                                       String maker, OffsetDateTime now) {
        String county = caller.county();
        Uni<String> itemsHash = NativeSql.selectOne("select funds.settlement_items_hash(?1, ?2) as items_hash", county,
                        item.settlementKey())
                .map(row -> row.orElseThrow().text("items_hash"));
        return itemsHash.flatMap(hash -> TransferService.findByKey(county, item.settlementKey()).flatMap(existing -> {
            if (existing.isPresent()) {
                throw new ApiException(FundProblem.SETTLEMENT_KEY_TAKEN,
                        "A transfer that is not this settlement already holds its key");
            }
            return FundLineService.find(county, kind.fundLine());
        }).flatMap(line -> accounts.budget(caller, line, fiscalYear)
                // The budget's balance row first: every ledger write locks balances before the audit trail.
                .flatMap(budget -> lockBalance(budget)
                        .flatMap(v -> accounts.payee(caller, line, kind.payeeType(), item.payeeRef(), item.payeeName()))
                        .flatMap(payee -> transfers.createPending(county, maker, item.settlementKey(),
                                new NewTransfer(budget, payee, item.amountFen(), TransferKind.PAYMENT, null, kind.causeType(),
                                        item.settlementKey(), item.memo()), now)))
                .flatMap(created -> audit.append(county, maker, "SETTLEMENT_RECORDED", "SETTLEMENT", item.settlementKey(),
                                fact(kind, period, line, item, created, hash), now)
                        .replaceWith(SettlementOutcome.settled(item, SettlementOutcome.Result.CREATED,
                                new Settled(item.settlementKey(), created.id(), created.status().name(), created.amountFen(), 1))))));
    }

    private static Uni<Void> lockBalance(Account account) {
        return NativeSql.select("select account_id from funds.account_balance where account_id = ?1 for update", account.id())
                .replaceWithVoid();
    }

    private static Map<String, Object> fact(SettlementKind kind, String period, FundLine line, SettlementItem item,
                                            Transfer created, String itemsHash) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("kind", kind.name());
        fact.put("period", period);
        fact.put("fundLine", line.code());
        fact.put("payeeRef", item.payeeRef());
        fact.put("units", item.units());
        fact.put("subsidisedUnits", item.subsidisedUnits());
        fact.put("amountFen", item.amountFen());
        fact.put("transferId", created.id().toString());
        fact.put("itemsHash", itemsHash);
        if (item.supersedes() != null) {
            fact.put("supersedes", item.supersedes());
        }
        return fact;
    }

    private static Settled settled(SqlRow r) {
        return new Settled(r.text("settlement_key"), r.uuid("transfer_id"), r.text("transfer_status"), r.fen("amount_fen"), 1);
    }
}
