package cn.yiyang.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The run's bound catches a stall, not a slow machine. */
class ConcurrentlyTest {

    private static final long STALL_SECONDS = 2;

    @Test
    void aRunLongerThanItsBound_thatKeepsGettingAnswers_finishes() {
        List<Integer> answered = Concurrently.run(2, STALL_SECONDS, client -> {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3 * STALL_SECONDS);
            int answers = 0;
            while (System.nanoTime() < end) {
                Answers.received();
                answers++;
                pause(50);
            }
            return answers;
        });

        assertThat(answered).hasSize(2).allSatisfy(n -> assertThat(n).isPositive());
    }

    @Test
    void aRunWithNoAnswerForItsBound_failsAsStalled() {
        assertThatThrownBy(() -> Concurrently.run(2, STALL_SECONDS, client -> {
            pause(TimeUnit.SECONDS.toMillis(10 * STALL_SECONDS));
            return client;
        })).hasMessage("a concurrent client failed").rootCause().hasMessageStartingWith("stalled: no answer for");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
