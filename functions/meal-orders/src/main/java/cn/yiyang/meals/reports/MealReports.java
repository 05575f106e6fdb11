package cn.yiyang.meals.reports;

import cn.yiyang.kernel.access.AccessTable;
import cn.yiyang.kernel.access.Action;
import cn.yiyang.kernel.access.ObjectKind;
import cn.yiyang.kernel.api.Caller;
import cn.yiyang.kernel.api.Reply;
import cn.yiyang.kernel.problem.ApiException;
import cn.yiyang.kernel.time.CountyTime;
import cn.yiyang.kernel.time.DateRange;
import cn.yiyang.meals.MealKeys;
import cn.yiyang.meals.MealStore;
import cn.yiyang.meals.MealTable;
import cn.yiyang.meals.points.MealPoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The officers' meal figures, read from the counters the serve and no-show transactions keep per point and
 * day ({@link MealKeys#mealDaysPk}): one Query over the range and one for the county's points, whatever the
 * number of orders behind them.
 */
@ApplicationScoped
public class MealReports {

    public static final int DEFAULT_DAYS = 30;
    public static final int RANGE_DAYS_MAX = 92;
    /** Meal points a county's chart lists; a county has tens. */
    public static final int POINTS_MAX = 500;

    private final MealStore store;
    private final Clock clock;

    public MealReports(MealStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Reply served(Caller caller, ReportRequests.Served request) {
        if (!AccessTable.reaches(caller, ObjectKind.REPORT, Action.READ, role -> false)) {
            throw ApiException.notFound("Report");
        }
        DateRange range = DateRange.of(request.from(), request.to(), CountyTime.today(clock), DEFAULT_DAYS, RANGE_DAYS_MAX);
        LocalDate from = range.from();
        LocalDate to = range.to();
        int days = range.days();
        List<LocalDate> dates = range.dates();
        Map<String, long[][]> figures = new LinkedHashMap<>();
        List<MealPoint> points = store.query(MealTable.BY_RESIDENT, MealKeys.pointsOfCountyPk(caller.county()), null,
                POINTS_MAX, true).stream().map(item -> MealStore.document(item, MealPoint.class)).toList();
        points.forEach(p -> figures.put(p.id(), new long[3][dates.size()]));
        for (Map<String, AttributeValue> item : store.queryBetween(MealKeys.mealDaysPk(caller.county()), from.toString(),
                MealKeys.mealDaysAfter(to), days * POINTS_MAX)) {
            long[][] point = figures.get(item.get("mealPointId").s());
            if (point != null) {
                int day = (int) ChronoUnit.DAYS.between(from, LocalDate.parse(item.get("date").s()));
                point[0][day] = MealStore.number(item, "served");
                point[1][day] = MealStore.number(item, "delivered");
                point[2][day] = MealStore.number(item, "noShows");
            }
        }
        List<MealsServed.PointSeries> series = new ArrayList<>();
        long[] totals = new long[3];
        for (MealPoint point : points) {
            long[][] f = figures.get(point.id());
            for (int i = 0; i < 3; i++) {
                totals[i] += java.util.Arrays.stream(f[i]).sum();
            }
            series.add(new MealsServed.PointSeries(point.id(), point.name(), boxed(f[0]), boxed(f[1]), boxed(f[2])));
        }
        return Reply.ok(new MealsServed(from, to, dates, series, new MealsServed.Totals(totals[0], totals[1], totals[2])));
    }

    private static List<Long> boxed(long[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
