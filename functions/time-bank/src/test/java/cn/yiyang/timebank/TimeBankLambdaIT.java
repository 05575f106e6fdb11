package cn.yiyang.timebank;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * TimeBankLambdaTest's scenarios against the packaged native executable ({@code mvn verify -Dnative}), through
 * the same Lambda door: API Gateway v2 events to the mock event server the executable polls.
 */
@QuarkusIntegrationTest
class TimeBankLambdaIT extends TimeBankLambdaTest {
}
