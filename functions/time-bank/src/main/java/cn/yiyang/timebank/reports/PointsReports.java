package cn.yiyang.timebank.reports;

import cn.yiyang.kernel.access.AccessTable;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.kernel.time.DateRange;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.timebank.TimeBankStore;
import cn.yiyang.timebank.accounts.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The officers' points figures, read from the day counters every move of points keeps in its own transaction
 * ({@link Ledger#countDay}): one Query over the range, at most one item a day, whatever the number of moves.
 */
@ApplicationScoped
public class PointsReports {

    public static final int DEFAULT_DAYS = 30;
    public static final int RANGE_DAYS_MAX = 366;

    private final TimeBankStore store;
    private final Clock clock;

    public PointsReports(TimeBankStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Reply perDay(Caller caller, PointsRequests.Range request) {
        if (!AccessTable.reaches(caller, ObjectKind.REPORT, Action.READ, role -> false)) {
            throw ApiException.notFound("Report");
        }
        DateRange range = DateRange.of(request.from(), request.to(), CountyTime.today(clock), DEFAULT_DAYS, RANGE_DAYS_MAX);
        LocalDate from = range.from();
        LocalDate to = range.to();
        Map<LocalDate, PointsPerDay.Figures> counted = new HashMap<>();
        for (Map<String, AttributeValue> item : store.queryBetween(Ledger.pointDaysPk(caller.county()), from.toString(),
                to.toString(), RANGE_DAYS_MAX)) {
            counted.put(LocalDate.parse(item.get("sk").s()), new PointsPerDay.Figures(DynamoStore.number(item, "earned"),
                    DynamoStore.number(item, "spent"), DynamoStore.number(item, "refunded")));
        }
        PointsPerDay.Figures none = new PointsPerDay.Figures(0, 0, 0);
        List<PointsPerDay.Day> days = new ArrayList<>();
        Map<YearMonth, PointsPerDay.Figures> months = new TreeMap<>();
        PointsPerDay.Figures totals = none;
        for (LocalDate date : range.dates()) {
            PointsPerDay.Figures day = counted.getOrDefault(date, none);
            days.add(new PointsPerDay.Day(date, day.earned(), day.spent(), day.refunded()));
            months.merge(YearMonth.from(date), day, PointsPerDay.Figures::plus);
            totals = totals.plus(day);
        }
        List<PointsPerDay.Month> byMonth = new ArrayList<>();
        months.forEach((month, f) -> byMonth.add(new PointsPerDay.Month(month.toString(), f.earned(), f.spent(), f.refunded())));
        return Reply.ok(new PointsPerDay(from, to, days, byMonth, totals));
    }
}
