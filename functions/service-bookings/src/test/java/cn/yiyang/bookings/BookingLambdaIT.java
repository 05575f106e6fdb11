package cn.yiyang.bookings;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * BookingLambdaTest's scenarios against the packaged native executable ({@code mvn verify -Dnative}), through
 * the same Lambda door: API Gateway v2 events to the mock event server the executable polls.
 */
@QuarkusIntegrationTest
class BookingLambdaIT extends BookingLambdaTest {

    @Test
    @Disabled("moves the test clock, which lives in the test JVM, not in the executable")
    @Override
    void anUnassignedEmergency_showsAsOverdue_onlyAfterTheCountysAssignmentTime() {
    }

    @Test
    @Disabled("moves the test clock, which lives in the test JVM, not in the executable")
    @Override
    void aLateCancellation_isRecordedAsLate_andFreesThePlace() {
    }

    @Test
    @Disabled("moves the test clock, which lives in the test JVM, not in the executable")
    @Override
    void aVisit_goesFromRequestedToRated_throughBothSidesOfTheDoor() {
    }
}
