package cn.yiyang.timebank.reports;

import cn.yiyang.kernel.access.AccessTable;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.stores.dynamo.DynamoStore;
import cn.yiyang.timebank.TimeBankStore;
import cn.yiyang.timebank.accounts.Ledger;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

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
        LocalDate to = request.to() == null ? CountyTime.today(clock) : date("to", request.to());
        LocalDate from = request.from() == null ? to.minusDays(DEFAULT_DAYS - 1) : date("from", request.from());
        long length = ChronoUnit.DAYS.between(from, to) + 1;
        if (length < 1 || length > RANGE_DAYS_MAX) {
            throw ApiException.invalid("from", "BAD_RANGE", "from on or before to, at most " + RANGE_DAYS_MAX + " days");
        }
        Map<LocalDate, PointsPerDay.Figures> counted = new HashMap<>();
        for (Map<String, AttributeValue> item : counters(caller.county(), from, to)) {
            counted.put(LocalDate.parse(item.get("sk").s()), new PointsPerDay.Figures(DynamoStore.number(item, "earned"),
                    DynamoStore.number(item, "spent"), DynamoStore.number(item, "refunded")));
        }
        PointsPerDay.Figures none = new PointsPerDay.Figures(0, 0, 0);
        List<PointsPerDay.Day> days = new ArrayList<>();
        Map<YearMonth, PointsPerDay.Figures> months = new TreeMap<>();
        PointsPerDay.Figures totals = none;
        for (LocalDate date : from.datesUntil(to.plusDays(1)).toList()) {
            PointsPerDay.Figures day = counted.getOrDefault(date, none);
            days.add(new PointsPerDay.Day(date, day.earned(), day.spent(), day.refunded()));
            months.merge(YearMonth.from(date), day, PointsPerDay.Figures::plus);
            totals = totals.plus(day);
        }
        List<PointsPerDay.Month> byMonth = new ArrayList<>();
        months.forEach((month, f) -> byMonth.add(new PointsPerDay.Month(month.toString(), f.earned(), f.spent(), f.refunded())));
        return Reply.ok(new PointsPerDay(from, to, days, byMonth, totals));
    }

    /** One Query over the range's day counters (paged; at most one item a day). */
    private List<Map<String, AttributeValue>> counters(String county, LocalDate from, LocalDate to) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> values = Map.of(":pk", DynamoStore.s(Ledger.pointDaysPk(county)),
                ":from", DynamoStore.s(from.toString()), ":to", DynamoStore.s(to.toString()));
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = store.client().query(q -> q.tableName(store.table()).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(values).exclusiveStartKey(exclusiveStart));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < RANGE_DAYS_MAX);
        return items;
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "BAD_DATE", "A date YYYY-MM-DD");
        }
    }
}
