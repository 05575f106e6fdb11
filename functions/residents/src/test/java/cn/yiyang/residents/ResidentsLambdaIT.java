package cn.yiyang.residents;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * ResidentsLambdaTest's scenarios against the packaged native executable ({@code mvn verify -Dnative}), through
 * the same Lambda door: API Gateway v2 events to the mock event server the executable polls.
 */
@QuarkusIntegrationTest
class ResidentsLambdaIT extends ResidentsLambdaTest {

    @Test
    @Disabled("reads the card through the application's own bean, which lives in the executable")
    @Override
    void theResidentsCard_forOtherFunctions_followsRegistrationFamilyLinksAndChanges_withoutIdNumberOrPhone() {
    }
}
