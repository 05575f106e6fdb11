package cn.yiyang.bookings.booking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The harness's stopwatch for a booking: the line BookingBenchmark reads, only for a booking that went every step. */
class BookingStepTimesTest {

    @Test
    void on_aBookingThroughEveryStep_hasOneLineOfEachStepAndTheCardRead() {
        BookingStepTimes steps = new BookingStepTimes(true);

        steps.start();
        steps.cardRead(1_234_567);
        for (BookingStepTimes.Step step : BookingStepTimes.Step.values()) {
            steps.mark(step);
        }

        assertThat(steps.line()).matches("booking step times \\(us\\): key=[0-9]+ reads=[0-9]+ card_wait=[0-9]+ "
                + "reserve=[0-9]+ answer=[0-9]+ commit=[0-9]+ publish=[0-9]+ card_read=1234");
    }

    @Test
    void on_aRefusalBeforeTheCommit_hasNoLine() {
        BookingStepTimes steps = new BookingStepTimes(true);

        steps.start();
        steps.mark(BookingStepTimes.Step.KEY);
        steps.mark(BookingStepTimes.Step.READS);
        steps.mark(BookingStepTimes.Step.COMMIT);

        assertThat(steps.line()).isNull();
    }

    @Test
    void off_keepsNothing() {
        BookingStepTimes steps = new BookingStepTimes(false);

        steps.start();
        for (BookingStepTimes.Step step : BookingStepTimes.Step.values()) {
            steps.mark(step);
        }

        assertThat(steps.now()).isZero();
        assertThat(steps.line()).isNull();
    }
}
