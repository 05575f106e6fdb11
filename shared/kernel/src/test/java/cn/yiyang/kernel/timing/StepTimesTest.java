package cn.yiyang.kernel.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's stopwatch: the line the benchmarks parse, only for a request that marked every step, never when off. */
class StepTimesTest {

    enum Step { FIRST, SECOND, THIRD }

    private final List<String> logged = new ArrayList<>();

    @Test
    void wall_everyStepMarked_logsOneLineOfEachStepThenTheFigures() {
        StepTimes<Step> times = StepTimes.wall(true, Step.class, "test step times (us):", logged::add, "side_read");

        wholeRequest(times, 2_345_678);

        assertThat(logged).singleElement().asString()
                .matches("test step times \\(us\\): first=[0-9]+ second=[0-9]+ third=[0-9]+ side_read=2345");
    }

    @Test
    void wall_aFigureNotReported_isZero_andAStartForgetsTheLastRequestsFigure() {
        StepTimes<Step> times = StepTimes.wall(true, Step.class, "p:", logged::add, "side_read");
        times.start();
        times.figure("side_read", 9_000);
        times.start();
        markAll(times);

        assertThat(times.line()).endsWith(" side_read=0");
    }

    @Test
    void wallAndCpu_givesTheCpuTimeOfTheStepsAskedFor_rightAfterTheirWallTime() {
        StepTimes<Step> times = StepTimes.wallAndCpu(true, Step.class, EnumSet.of(Step.SECOND, Step.THIRD), "p:",
                logged::add);

        times.start();
        markAll(times);

        assertThat(times.line()).matches("p: first=[0-9]+ second=[0-9]+ second_cpu=[0-9]+ third=[0-9]+ third_cpu=[0-9]+");
    }

    @Test
    void startWith_theFirstStepEndedAtTheStart_andCountsTheTimeBeforeIt() {
        StepTimes<Step> times = StepTimes.wall(true, Step.class, "p:", logged::add);

        times.startWith(Step.FIRST, 5_000_000);
        times.mark(Step.SECOND);
        times.mark(Step.THIRD);

        assertThat(Long.parseLong(times.line().replaceAll("^p: first=([0-9]+) .*$", "$1"))).isGreaterThanOrEqualTo(5_000);
    }

    @Test
    void aStepNotMarked_givesNoLine_andLogsNothing() {
        StepTimes<Step> times = StepTimes.wallAndCpu(true, Step.class, EnumSet.allOf(Step.class), "p:", logged::add);

        times.start();
        times.mark(Step.FIRST);
        times.mark(Step.THIRD);
        times.log();

        assertThat(times.line()).isNull();
        assertThat(logged).isEmpty();
    }

    @Test
    void aNewStart_forgetsTheLastRequestsMarks() {
        StepTimes<Step> times = StepTimes.wall(true, Step.class, "p:", logged::add);
        times.start();
        markAll(times);

        times.start();
        times.mark(Step.FIRST);

        assertThat(times.line()).isNull();
    }

    @Test
    void off_keepsAndLogsNothing_evenWithEveryStepMarked() {
        StepTimes<Step> times = StepTimes.wall(false, Step.class, "p:", logged::add, "side_read");

        wholeRequest(times, 1_000);

        assertThat(times.on()).isFalse();
        assertThat(times.now()).isZero();
        assertThat(times.line()).isNull();
        assertThat(logged).isEmpty();
    }

    @Test
    void aFigureTheLineDoesNotName_isRefused() {
        StepTimes<Step> times = StepTimes.wall(true, Step.class, "p:", logged::add, "side_read");

        assertThatThrownBy(() -> times.figure("other_read", 1_000)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Every step marked, the side read reported, the line logged. */
    private static void wholeRequest(StepTimes<Step> times, long sideReadNanos) {
        times.start();
        markAll(times);
        times.figure("side_read", sideReadNanos);
        times.log();
    }

    private static void markAll(StepTimes<Step> times) {
        for (Step step : Step.values()) {
            times.mark(step);
        }
    }
}
