package cn.yiyang.timebank.reports;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;
import java.util.List;

/**
 * The county's time-bank points by day and by month, shaped for a chart: every day of the range (zeros where
 * nothing moved) and every month it touches. {@code earned} is the minutes of confirmed service records (the
 * only source of points, the pool's overflow included), {@code spent} what exchanges took, {@code refunded} what
 * cancelled exchanges gave back; so earned − spent + refunded is what the range added to the county's balances
 * and pool together (gifts, donations and grants only move points between them).
 */
@RegisterForReflection
public record PointsPerDay(LocalDate from, LocalDate to, List<Day> days, List<Month> months, Figures totals) {

    @RegisterForReflection
    public record Figures(long earned, long spent, long refunded) {

        Figures plus(Figures other) {
            return new Figures(earned + other.earned, spent + other.spent, refunded + other.refunded);
        }
    }

    @RegisterForReflection
    public record Day(LocalDate date, long earned, long spent, long refunded) {
    }

    @RegisterForReflection
    public record Month(String month, long earned, long spent, long refunded) {
    }
}
