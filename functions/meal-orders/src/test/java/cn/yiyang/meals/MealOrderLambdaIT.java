package cn.yiyang.meals;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * MealOrderLambdaTest's scenarios against the packaged native executable ({@code mvn verify -Dnative}), through
 * the same Lambda door: API Gateway v2 events to the mock event server the executable polls.
 */
@QuarkusIntegrationTest
class MealOrderLambdaIT extends MealOrderLambdaTest {

    @Test
    @Disabled("moves the test clock, which lives in the test JVM, not in the executable")
    @Override
    void orderingAfterTheCutoff_isRefusedWithMealCutoffPassed() {
    }

    @Test
    @Disabled("moves the test clock, which lives in the test JVM, not in the executable")
    @Override
    void theCanteenServesAnOrder_andSettlementSeesTheServedSubsidy() {
    }

    @Test
    @Disabled("moves the test clock, which lives in the test JVM, not in the executable")
    @Override
    void aNoShow_isMarkedOnlyAfterTheSlotHasEnded() {
    }
}
