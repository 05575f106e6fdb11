package cn.yiyang.funds.reports;

import cn.yiyang.funds.accounts.AccountService;
import cn.yiyang.funds.audit.Canonical;
import cn.yiyang.funds.batches.BatchTraces;
import cn.yiyang.funds.ledger.TransferQueries;
import cn.yiyang.funds.ledger.TransferView;
import cn.yiyang.funds.reports.ReportRequests.LinesOfYear;
import cn.yiyang.funds.reports.ReportRequests.TransfersOfMonth;
import cn.yiyang.funds.settlements.SettlementTraces;
import cn.yiyang.kernel.api.ById;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.NoInput;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.json.Nullable;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.problem.CommonProblem;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** What officers and auditors read: each fund line's money for a year, each payee's, one transfer's trace, the CSV export. */
@ApplicationScoped
public class ReportService {

    public static final int PAYEE_ROWS_MAX = 1000;

    @RegisterForReflection
    public record LineReport(String fundLine, String name, int fiscalYear, long appropriatedFen, long appropriationPendingFen,
                             long reservedFen, long disbursedFen, long remainingFen) {
    }

    @RegisterForReflection
    public record PayeeReport(UUID accountId, String fundLine, String payeeType, String payeeRef, String name,
                              long receivedFen, long pendingFen, long returnedFen) {
    }

    /** Each line's budget for one fiscal year. */
    @RegisterForReflection
    public record LineReports(int fiscalYear, List<LineReport> items) {
    }

    /** What each payee account received. */
    @RegisterForReflection
    public record PayeeReports(List<PayeeReport> items) {
    }

    @RegisterForReflection
    public record AuditStep(long seq, String action, String actor, String at, String hash) {
    }

    @RegisterForReflection
    public record Trace(TransferView transfer, AccountService.AccountView from, AccountService.AccountView to,
                        @Nullable String causeType, @Nullable String causeRef, @Nullable TransferView reverses,
                        List<AuditStep> audit, @Nullable BatchTraces.BatchTrace batchItem,
                        @Nullable SettlementTraces.SettlementTrace settlement) {
    }

    public Uni<Reply> lines(Caller caller, LinesOfYear request) {
        int year = fiscalYear(request.fiscalYear());
        return NativeSql.select("""
                        select fl.code, fl.name, coalesce(b.credits_posted, 0) as credits_posted,
                               coalesce(b.credits_pending, 0) as credits_pending, coalesce(b.debits_pending, 0) as debits_pending,
                               coalesce(b.debits_posted, 0) as debits_posted
                        from funds.fund_line fl
                        left join funds.account a on a.fund_line_id = fl.id and a.kind = 'BUDGET' and a.fiscal_year = ?2
                        left join funds.account_balance b on b.account_id = a.id
                        where fl.county = ?1 order by fl.code""", caller.county(), year)
                .map(rows -> Reply.ok(new LineReports(year, rows.stream().map(r -> {
                    long appropriated = r.fen("credits_posted");
                    long reserved = r.fen("debits_pending");
                    long disbursed = r.fen("debits_posted");
                    return new LineReport(r.text("code"), r.text("name"), year, appropriated, r.fen("credits_pending"), reserved,
                            disbursed, appropriated - disbursed - reserved);
                }).toList())));
    }

    public Uni<Reply> payees(Caller caller, NoInput none) {
        return NativeSql.select("""
                        select a.id, fl.code, a.payee_type, a.payee_ref, a.name, b.credits_posted, b.credits_pending, b.debits_posted
                        from funds.account a join funds.fund_line fl on fl.id = a.fund_line_id
                        join funds.account_balance b on b.account_id = a.id
                        where a.county = ?1 and a.kind = 'PAYEE' order by fl.code, a.payee_type, a.payee_ref """ + " limit " + PAYEE_ROWS_MAX,
                        caller.county())
                .map(rows -> Reply.ok(new PayeeReports(rows.stream().map(r -> new PayeeReport(r.uuid("id"), r.text("code"),
                        r.text("payee_type"), r.text("payee_ref"), r.text("name"), r.fen("credits_posted"), r.fen("credits_pending"),
                        r.fen("debits_posted"))).toList())));
    }

    /**
     * From the budget to the payee to the bed, meal or booking behind it (a batch's item and its beds; a
     * settlement's meal orders or visits and their residents), with every audited step.
     */
    public Uni<Reply> trace(Caller caller, ById request) {
        UUID id = AccountService.uuid(request.id(), "Transfer");
        String county = caller.county();
        return TransferQueries.find(county, id).flatMap(t -> AccountService.find(county, t.debitAccountId())
                .flatMap(from -> AccountService.find(county, t.creditAccountId())
                        .flatMap(to -> (t.reversesId() == null ? Uni.createFrom().<TransferView>nullItem()
                                : TransferQueries.find(county, t.reversesId()).map(TransferView::of))
                                .flatMap(original -> NativeSql.select("""
                                                select seq, action, actor, at, hash from funds.audit_entry
                                                where county = ?1 and subject_id = ?2 order by seq""", county, id.toString())
                                        .flatMap(rows -> BatchTraces.of(county, t.clientKey()).flatMap(item ->
                                                SettlementTraces.of(county, t.clientKey()).map(settlement -> new Trace(TransferView.of(t), AccountService.AccountView.of(from),
                                                AccountService.AccountView.of(to), t.causeType(), t.causeRef(), original,
                                                rows.stream().map(r -> new AuditStep(r.number("seq"), r.text("action"),
                                                        r.text("actor"), Canonical.time(r.time("at")),
                                                        r.text("hash"))).toList(), item, settlement))))))))
                .map(Reply::ok);
    }

    public Uni<Reply> exportCsv(Caller caller, TransfersOfMonth request) {
        if (request.month() == null) {
            throw new ApiException(CommonProblem.MISSING_PARAMETER, "Query parameter 'month' is required");
        }
        YearMonth month;
        try {
            month = YearMonth.parse(request.month());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("month", "BAD_MONTH", "A month YYYY-MM");
        }
        OffsetDateTime from = month.atDay(1).atStartOfDay(CountyTime.ZONE).toOffsetDateTime();
        return TransferCsv.page(caller.county(), from, from.plusMonths(1),
                java.util.Optional.ofNullable(request.cursor()).map(CsvCursor::parse),
                "/v1/fund-reports/transfers-csv?month=" + month);
    }

    static int fiscalYear(Integer year) {
        if (year == null) {
            throw new ApiException(CommonProblem.MISSING_PARAMETER, "Query parameter 'fiscalYear' is required");
        }
        if (year < 2000 || year > 2100) {
            throw ApiException.invalid("fiscalYear", "OUT_OF_RANGE", "A fiscal year, 2000 to 2100");
        }
        return year;
    }
}
