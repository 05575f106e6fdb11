package cn.yiyang.funds.reports;

import cn.yiyang.funds.reports.ReportRequests.LinesOfYear;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.stores.pg.NativeSql;
import cn.yiyang.stores.pg.SqlRow;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/fund-reports/burn?fiscalYear=}: each fund line's budget for a fiscal year against what
 * it paid, month by month, summed in PostgreSQL. Only posted transfers count, in the month they were
 * posted (Asia/Shanghai); a posting before the year counts in January, one after it in December.
 * Spent is the budget's payments (batches' included) less their reversals; the budget is its
 * appropriations less theirs.
 */
@ApplicationScoped
public class BudgetBurn {

    public static final int MONTHS_PER_YEAR = 12;
    /** A county's fund lines: six national ones and a few of its own. */
    public static final int LINES_MAX = 100;

    @RegisterForReflection
    public record BurnMonth(String month, long spentFen, long cumulativeSpentFen, long cumulativeBudgetFen) {
    }

    @RegisterForReflection
    public record LineBurn(String fundLine, String name, long budgetFen, long spentFen, List<BurnMonth> months) {
    }

    @RegisterForReflection
    public record Burn(int fiscalYear, List<LineBurn> items) {
    }

    public Uni<Reply> burn(Caller caller, LinesOfYear request) {
        int year = ReportService.fiscalYear(request.fiscalYear());
        return NativeSql.select("""
                        with budget as (
                          select fl.id as line_id, fl.code, fl.name, a.id as account_id
                          from funds.fund_line fl
                          left join funds.account a on a.fund_line_id = fl.id and a.kind = 'BUDGET' and a.fiscal_year = ?2
                          where fl.county = ?1),
                        moves as (
                          select b.line_id,
                                 least(greatest(date_trunc('month', r.resolved_at at time zone 'Asia/Shanghai')::date,
                                                make_date(?2, 1, 1)), make_date(?2, 12, 1)) as month,
                                 case when coalesce(o.kind, t.kind) = 'APPROPRIATION'
                                      then case when t.credit_account_id = b.account_id then t.amount_fen else -t.amount_fen end
                                      else 0 end as budget_fen,
                                 case when coalesce(o.kind, t.kind) = 'PAYMENT'
                                      then case when t.debit_account_id = b.account_id then t.amount_fen else -t.amount_fen end
                                      else 0 end as spent_fen
                          from budget b
                          join funds.transfer t on t.debit_account_id = b.account_id or t.credit_account_id = b.account_id
                          join funds.transfer_resolution r on r.transfer_id = t.id and r.outcome = 'POSTED'
                          left join funds.transfer o on o.id = t.reverses_id),
                        grid as (
                          select b.line_id, b.code, b.name, m.month::date as month
                          from budget b cross join generate_series(make_date(?2, 1, 1), make_date(?2, 12, 1), interval '1 month') m(month))
                        select g.code, g.name, to_char(g.month, 'YYYY-MM') as month, coalesce(sum(mv.spent_fen), 0) as spent_fen,
                               sum(coalesce(sum(mv.spent_fen), 0)) over (partition by g.line_id order by g.month) as cumulative_spent_fen,
                               sum(coalesce(sum(mv.budget_fen), 0)) over (partition by g.line_id order by g.month) as cumulative_budget_fen
                        from grid g left join moves mv on mv.line_id = g.line_id and mv.month = g.month
                        group by g.line_id, g.code, g.name, g.month
                        order by g.code, g.month""" + " limit " + LINES_MAX * MONTHS_PER_YEAR, caller.county(), year)
                .map(rows -> Reply.ok(new Burn(year, lines(rows))));
    }

    /** Twelve rows per line, in month order: one line each, its totals those of December. */
    private static List<LineBurn> lines(List<SqlRow> rows) {
        List<LineBurn> lines = new ArrayList<>();
        for (int i = 0; i + MONTHS_PER_YEAR <= rows.size(); i += MONTHS_PER_YEAR) {
            List<BurnMonth> months = new ArrayList<>();
            for (SqlRow r : rows.subList(i, i + MONTHS_PER_YEAR)) {
                months.add(new BurnMonth(r.text("month"), r.fen("spent_fen"), r.fen("cumulative_spent_fen"),
                        r.fen("cumulative_budget_fen")));
            }
            BurnMonth december = months.get(MONTHS_PER_YEAR - 1);
            SqlRow first = rows.get(i);
            lines.add(new LineBurn(first.text("code"), first.text("name"), december.cumulativeBudgetFen(),
                    december.cumulativeSpentFen(), List.copyOf(months)));
        }
        return lines;
    }
}
